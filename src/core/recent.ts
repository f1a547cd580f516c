/** A map that keeps only the entries set or read last: a small cache of things seen again soon. */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly keep: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.keep) this.entries.delete(this.entries.keys().next().value!);
  }
}
