/** One measured figure; `ok` is set when the figure has a target. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Times two functions in alternation (a, b, a, b, …) after `warmups` rounds of each, so a burst of
 * load on a shared machine falls on both and their ratio holds.
 */
export async function timeInterleaved(
  runs: number,
  warmups: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[number[], number[]]> {
  for (let i = 0; i < warmups; i++) {
    await a();
    await b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [side, fn] of [a, b].entries()) {
      const start = performance.now();
      await fn();
      times[side]?.push(performance.now() - start);
    }
  }
  return times;
}
