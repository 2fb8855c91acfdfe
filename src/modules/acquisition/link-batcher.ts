import { sql } from 'kysely';
import type { Db } from '../../platform/db/schema.ts';
import type { CustomerIdentity } from '../customers/customers.service.ts';
import { addThroughLink, type LinkAddResult } from './acquisition.service.ts';

interface Pending {
  now: number;
  code: string;
  who: CustomerIdentity;
  resolve(result: LinkAddResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit for link adds on SQLite, where every commit is an fsync (synchronous=FULL) and the
 * one connection runs one transaction at a time. Adds arriving while a transaction runs wait and
 * go together in the next one; each runs inside its own savepoint, so a refused add (no units,
 * quota) is rolled back alone and the others commit. A caller's promise settles only after the
 * commit that holds its add. PostgreSQL commits concurrently by itself and does not use this.
 */
export class LinkAddBatcher {
  readonly #queue: Pending[] = [];
  #running = false;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 64,
  ) {}

  add(now: number, code: string, who: CustomerIdentity): Promise<LinkAddResult> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ now, code, who, resolve, reject });
      if (!this.#running) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, this.maxBatch);
        let outcomes: ({ ok: true; value: LinkAddResult } | { ok: false; error: unknown })[] = [];
        try {
          await this.db.transaction().execute(async (trx) => {
            outcomes = [];
            for (const item of batch) {
              await sql`savepoint link_add`.execute(trx);
              try {
                const value = await addThroughLink(trx, item.now, item.code, item.who);
                await sql`release savepoint link_add`.execute(trx);
                outcomes.push({ ok: true, value });
              } catch (error) {
                await sql`rollback to savepoint link_add`.execute(trx);
                await sql`release savepoint link_add`.execute(trx);
                outcomes.push({ ok: false, error });
              }
            }
          });
        } catch (error) {
          for (const item of batch) item.reject(error);
          continue;
        }
        batch.forEach((item, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) item.resolve(outcome.value);
          else item.reject(outcome.error);
        });
      }
    } finally {
      this.#running = false;
    }
  }
}
