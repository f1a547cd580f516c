/** Asking a worker one question: the page posts one message and the worker's one answer ends it. */

/**
 * Posts `message` (handing over `transfer`) to `worker` and resolves with its answer, or with
 * `{ status: 'failed' }` and `failed` when the worker itself fails; the worker is then stopped.
 */
export function workerAnswer<T>(
  worker: Worker,
  message: unknown,
  failed: string,
  transfer: Transferable[] = [],
): Promise<T | { status: 'failed'; message: string }> {
  return new Promise((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<T>) => {
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ status: 'failed', message: event.message || failed });
    });
    worker.postMessage(message, transfer);
  });
}
