/**
 * A worker's jobs run one after the other, in the order their messages came; the first failure
 * ends them and is answered once, by `failed` (a worker posts it to the window).
 */
export function oneStepAtATime(failed: (error: unknown) => void): (work: () => Promise<void>) => void {
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;
  return (work) => {
    queue = queue.then(async () => {
      if (stopped) return;
      try {
        await work();
      } catch (error) {
        stopped = true;
        failed(error);
      }
    });
  };
}
