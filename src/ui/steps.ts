/** Background work in the page, cut into steps that run only when the page has nothing else to do. */

/**
 * Waits for a moment the page has nothing else to do, so background work never delays input or a
 * frame (after at most half a second it runs anyway). Falls back to the next task where the
 * browser has no idle callbacks.
 */
export const idle = () =>
  new Promise<void>((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 500 }) : setTimeout(resolve, 0)));

/** Runs a stepwise computation in the background: each step in an idle moment. */
export async function inSteps<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    await idle();
    const step = steps.next();
    if (step.done) return step.value;
  }
}
