/**
 * The page's side of the library index: starts the worker when the page is idle (or when first
 * asked), sends questions, and tells views when the index took in a change so they can ask again.
 */
import type { AskName, Asks, FromIndexWorker, ToIndexWorker } from './protocol';

export class LibrarySearch {
  private worker: Worker | null = null;
  private serial = 0;
  private readonly waiting = new Map<number, { resolve: (answer: never) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Set<() => void>();
  /** How long building the index took and what it holds, once it is built. */
  built: { ms: number; articles: number; claims: number } | null = null;

  constructor(private readonly database: string) {}

  /** Starts building the index, if it is not already. */
  start(): void {
    if (this.worker) return;
    this.worker = new Worker(new URL('./index-worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (event: MessageEvent<FromIndexWorker>) => this.receive(event.data));
    this.send({ type: 'start', database: this.database });
  }

  /**
   * Starts the index when the page has nothing else to do, a little after start-up (opening the
   * library or an article comes first; a page reloaded at once never builds it). Searching
   * before then starts it at once.
   */
  startWhenIdle(): void {
    setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => this.start(), { timeout: 5000 });
      else this.start();
    }, 2000);
  }

  /** Asks the index; answers come in the order asked, after every change it had been told of. */
  ask<K extends AskName>(ask: K, args: Asks[K]['args']): Promise<Asks[K]['answer']> {
    this.start();
    const id = ++this.serial;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.send({ type: 'ask', id, ask, args });
    });
  }

  /** Calls `listener` whenever the index took in a change; returns how to stop. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private send(message: ToIndexWorker): void {
    this.worker!.postMessage(message);
  }

  private receive(message: FromIndexWorker): void {
    switch (message.type) {
      case 'ready':
        this.built = { ms: message.ms, articles: message.articles, claims: message.claims };
        performance.mark('claimtrail:index-ready', { detail: this.built });
        return;
      case 'changed':
        for (const listener of this.listeners) listener();
        return;
      case 'answer':
        this.waiting.get(message.id)?.resolve(message.answer as never);
        this.waiting.delete(message.id);
        return;
      case 'failed': {
        const error = new Error(`The search index failed: ${message.message}`);
        if (message.id === undefined) for (const w of this.waiting.values()) w.reject(error);
        else this.waiting.get(message.id)?.reject(error);
        if (message.id === undefined) this.waiting.clear();
        else this.waiting.delete(message.id);
      }
    }
  }
}
