/** Writing inside one IndexedDB transaction: queue the requests, then commit all or nothing. */

/**
 * Queues a write without awaiting it. Its failure still reaches the caller, through the
 * transaction's `done`, which rejects when any request fails or the transaction aborts.
 */
export function queue(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

/**
 * Runs `work` on a write transaction and waits for the commit. If `work` throws, the
 * transaction is aborted, so nothing it queued is written: all or nothing.
 */
export async function allOrNothing<T>(tx: { abort(): void; done: Promise<void> }, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (error) {
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // The transaction already finished on its own (it failed); there is nothing to undo.
    }
    throw error;
  }
}
