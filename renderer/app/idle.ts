/**
 * The next moment the window is idle, at the latest after `timeoutMs` (the next task where idle
 * callbacks do not exist): work read ahead waits for it, so it never delays a key or a click.
 */
export function nextIdle(timeoutMs = 1000): Promise<void> {
  return new Promise((resolve) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => resolve(), { timeout: timeoutMs })
      : setTimeout(resolve, 0),
  );
}
