/**
 * The one place a failed action of the page ends up. Every promise the UI starts without
 * awaiting it (a click, a key, a route) is handed to `guard`, which reports a failure to the
 * person through the reporter main.ts installs (the notices' error box): none is lost in the
 * console. The lint rule no-floating-promises (with `void` not allowed) keeps it that way.
 */
import { errorMessage } from '../core/errors';

let report: (message: string) => void = (message) => console.error(message);

/** Where failures are reported: set once at start-up. */
export function reportFailuresTo(reporter: (message: string) => void): void {
  report = reporter;
}

/** Starts `work` (a promise, or a function that makes one) and reports its failure, if it fails. */
export function guard(work: Promise<unknown> | (() => Promise<unknown>)): void {
  let promise: Promise<unknown>;
  try {
    promise = typeof work === 'function' ? work() : work;
  } catch (error) {
    report(errorMessage(error));
    return;
  }
  promise.catch((error: unknown) => report(errorMessage(error)));
}
