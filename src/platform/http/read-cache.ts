/**
 * A tiny per-process cache for what every console page load asks (the session, `GET /me`).
 * Entries live at most `ttlMs` of wall time, and any write request handled by this process clears
 * every cache, so a change made here is seen at once. That is exact only where this process is the
 * only writer: on SQLite (one process owns the data directory). With PostgreSQL several processes
 * may share the database and a sign-out on one must be refused on the next request to another, so
 * there the caches are off (`ReadCaches(false)`). Rights are never cached: the authorizer reads
 * them on every request.
 */
export class ReadCache<V> {
  readonly #entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(key: string): V | undefined {
    if (this.ttlMs === 0) return undefined;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until < performance.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.ttlMs === 0) return;
    if (this.#entries.size >= this.max) this.#entries.clear();
    this.#entries.set(key, { value, until: performance.now() + this.ttlMs });
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** The caches of one app; the app clears them all after every write request it handles. */
export class ReadCaches {
  readonly #caches: ReadCache<unknown>[] = [];

  /** `enabled`: this process is the database's only writer (SQLite). */
  constructor(private readonly enabled: boolean) {}

  create<V>(ttlMs = 1000): ReadCache<V> {
    const cache = new ReadCache<V>(this.enabled ? ttlMs : 0);
    this.#caches.push(cache as ReadCache<unknown>);
    return cache;
  }

  clearAll(): void {
    for (const cache of this.#caches) cache.clear();
  }
}
