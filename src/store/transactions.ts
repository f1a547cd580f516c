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

/**
 * Work handed from outside a transaction (a file being read and checked) to inside one, so one
 * transaction can write a file that never sits whole in memory. A transaction commits as soon as
 * it has no request pending and its callbacks return, and refuses requests made from any other
 * task; so the taker runs each job from within a request's callback, and while none is waiting it
 * keeps the transaction alive with a cheap read (`idle`). Jobs may await only the transaction's
 * own requests. The giver waits while `limit` jobs are queued, so a fast reader never holds the
 * whole file; and learns through `give` when the transaction has failed.
 */
export class TxQueue<T> {
  private readonly jobs: T[] = [];
  private ended = false;
  private failure: { error: unknown } | null = null;
  private room: (() => void) | null = null;

  constructor(private readonly limit = 4) {}

  /** Queues a job; resolves when there is room for the next, rejects once the taker has stopped. */
  async give(job: T): Promise<void> {
    this.check();
    this.jobs.push(job);
    while (this.jobs.length >= this.limit && !this.failure) await new Promise<void>((resolve) => (this.room = resolve));
    this.check();
  }

  /** No more jobs: the taker finishes the queued ones and lets the transaction commit. */
  end(): void {
    this.ended = true;
  }

  /** Stops both sides with `error`: the taker throws it (aborting the transaction) and so does the next `give`. */
  fail(error: unknown): void {
    this.failure ??= { error };
    this.wake();
  }

  /** For the taker: the next job, or null once ended; waits on `idle` requests meanwhile. */
  async take(idle: () => Promise<unknown>): Promise<T | null> {
    for (;;) {
      this.check();
      const job = this.jobs.shift();
      if (job !== undefined) {
        this.wake();
        return job;
      }
      if (this.ended) return null;
      await idle();
    }
  }

  private check(): void {
    if (this.failure) throw this.failure.error;
  }

  private wake(): void {
    const room = this.room;
    this.room = null;
    room?.();
  }
}
