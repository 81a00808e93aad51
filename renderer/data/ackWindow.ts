/** Pieces handed over and not yet taken: beyond this the worker waits (a slow disk, a busy window). */
export const PIECES_IN_FLIGHT = 4;
/** A worker's count of the pieces it handed over that were not yet taken. */
export function ackWindow(limit = PIECES_IN_FLIGHT) {
  let inFlight = 0;
  let waiting: (() => void) | null = null;
  return {
    /** After handing a piece over: waits while `limit` pieces are untaken. */
    async sent(): Promise<void> {
      inFlight++;
      if (inFlight >= limit) await new Promise<void>((resolve) => (waiting = resolve));
    },
    acked(): void {
      inFlight--;
      const resume = waiting;
      waiting = null;
      resume?.();
    },
  };
}
