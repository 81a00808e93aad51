// `npm run bench`: prints the figures, writes bench-results.json and appends them to
// docs/benchmarks.md with a description of the machine, so earlier figures stay for comparison.
import { execFileSync } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { benchDocx } from './docx';
import { benchBrowser } from './browser/index';
import type { BenchFigure } from './measure';

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

/**
 * The commit measured, read when the run starts (a commit made during a run of several minutes
 * is not what was measured). docs/benchmarks.md itself does not count as a change; with
 * YISHI_BENCH_SKIP_BUILD=1 the app measured is whatever dist/ holds, which the heading says.
 */
function revision(rootDir: string): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: rootDir, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs/benchmarks.md') !== '';
    const reused = process.env.YISHI_BENCH_SKIP_BUILD === '1' ? ', dist/ reused (not rebuilt)' : '';
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes' : ''}${reused}`;
  } catch {
    return 'commit unknown (not a git checkout)';
  }
}

function format(f: BenchFigure): string {
  const value = f.unit === '×' ? f.value.toFixed(2) : f.value.toFixed(1);
  return `${f.name} | ${value} ${f.unit} | ${f.target ?? ''} | ${f.ok === undefined ? '' : f.ok ? 'ok' : 'MISSED'}`;
}

export async function main(rootDir: string): Promise<void> {
  // YISHI_BENCH_ONLY=docx or =browser runs one group; the Chromium benchmarks on ten years of
  // data take minutes (see bench/browser/index.ts for their YISHI_BENCH_* settings).
  const only = process.env.YISHI_BENCH_ONLY;
  const measured = revision(rootDir);
  const figures: BenchFigure[] = only === 'browser' ? [] : [...(await benchDocx())];
  if (only !== 'docx') figures.push(...(await benchBrowser(rootDir)));
  const at = new Date().toISOString();
  console.log(`\n${machine()}\n`);
  console.log('figure | value | target | verdict');
  for (const f of figures) console.log(format(f));
  await writeFile(`${rootDir}/bench-results.json`, `${JSON.stringify({ at, machine: machine(), figures }, null, 2)}\n`);
  // A partial run (one part of the browser figures) is a working loop, not a record to keep.
  if (process.env.YISHI_BENCH_PARTS) {
    console.log(
      `\nwrote bench-results.json (YISHI_BENCH_PARTS=${process.env.YISHI_BENCH_PARTS}: docs/benchmarks.md left as it was)`,
    );
    return;
  }
  const docs = `${rootDir}/docs/benchmarks.md`;
  const exists = await readFile(docs, 'utf8').then(
    () => true,
    () => false,
  );
  if (!exists)
    await writeFile(
      docs,
      '# Benchmarks\n\nEach run of `npm run bench` appends its figures here; older runs stay below for comparison.\n',
    );
  await appendFile(
    docs,
    `\n## ${at}\n${machine()}; ${measured}\n\n| figure | value | target | verdict |\n|---|---|---|---|\n${figures.map((f) => `| ${format(f)} |`).join('\n')}\n`,
  );
  console.log(`\nwrote bench-results.json and appended to docs/benchmarks.md`);
}
