/**
 * A new task, so the window paints (and typing is handled) between pages. Through a message
 * channel, not setTimeout: a minimised window throttles timers to one a second or slower, which
 * would stretch a ten-year backup over hours.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
