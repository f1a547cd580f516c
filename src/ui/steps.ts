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
