/** Long work in the page, cut into steps between which input and paint can run. */

/** Lets input and paint run before the next step of work. */
export const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs a stepwise computation, pausing between steps. */
export async function inSteps<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/**
 * Waits for a moment the page has nothing else to do, so background work never delays input or a
 * frame (after at most half a second it runs anyway). Falls back to a pause where the browser
 * has no idle callbacks.
 */
export const idle = () =>
  new Promise<void>((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 500 }) : setTimeout(resolve, 0)));
