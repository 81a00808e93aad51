/**
 * When the first screen is up and the browser has had an idle moment. What the first screen does
 * not show (the 督办 badge's counting code, the other screens) waits for it: on two cores,
 * fetching and compiling it beside the first screen delayed that screen.
 */
let settle: () => void = () => undefined;
const settled = new Promise<void>((resolve) => {
  settle = resolve;
});

/** Called by the app once its first screen is up and the browser idle. */
export function firstScreenSettled(): void {
  settle();
}

/** Resolves once the first screen is up (at once for everything asked for after that). */
export function afterFirstScreen(): Promise<void> {
  return settled;
}
