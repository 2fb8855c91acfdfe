import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.ts';
import type { Db, Executor } from './db/schema.ts';
import { newId } from './ids.ts';

declare module './db/schema.ts' {
  interface Tables {
    outbox: {
      id: string;
      corp_id: string;
      type: string;
      payload_json: string;
      created_at: number;
      available_at: number;
      delivered_at: number | null;
      attempts: number;
      last_error: string | null;
    };
    outbox_receipts: { handler: string; event_id: string; at: number };
  }
}

export interface OutboxEvent<P = unknown> {
  id: string;
  corpId: string;
  type: string;
  payload: P;
  createdAt: number;
}

/** Records an event in the caller's transaction: it exists exactly when the change it reports does. */
export async function publish(ctx: { corpId: string; trx: Executor; now: number }, type: string, payload: unknown): Promise<string> {
  const id = newId('evt', ctx.now);
  await ctx.trx
    .insertInto('outbox')
    .values({ id, corp_id: ctx.corpId, type, payload_json: JSON.stringify(payload), created_at: ctx.now, available_at: ctx.now, delivered_at: null, attempts: 0, last_error: null })
    .execute();
  return id;
}

export type OutboxHandler = (trx: Executor, event: OutboxEvent, now: number) => Promise<void>;

const BACKOFF_MS = [1_000, 5_000, 30_000, 120_000, 600_000];

/**
 * Delivers committed events to their handlers, at least once. Each handler's work and its receipt
 * commit together, so a redelivery (a crash after the handler, a second server) is skipped: the
 * effect happens once per handler and event.
 */
export class Outbox {
  readonly #handlers = new Map<string, { name: string; run: OutboxHandler }[]>();
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<number> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  on(type: string, name: string, run: OutboxHandler): void {
    const list = this.#handlers.get(type) ?? [];
    list.push({ name, run });
    this.#handlers.set(type, list);
  }

  /** Delivers everything due now; returns how many events were completed. Concurrent calls share one pass. */
  drain(): Promise<number> {
    this.#draining ??= this.#drainAll().finally(() => {
      this.#draining = undefined;
    });
    return this.#draining;
  }

  start(intervalMs = 250): void {
    this.#timer = setInterval(() => {
      this.drain().catch((error: unknown) => this.log.error({ err: error }, 'outbox pass failed'));
    }, intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  async #drainAll(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const now = this.clock.now();
      const due = await this.db
        .selectFrom('outbox')
        .selectAll()
        .where('delivered_at', 'is', null)
        .where('available_at', '<=', now)
        .orderBy('id')
        .limit(100)
        .execute();
      if (due.length === 0) return delivered;
      let progressed = false;
      for (const row of due) {
        if (await this.#deliver(row, now)) {
          delivered++;
          progressed = true;
        }
      }
      if (!progressed) return delivered;
    }
  }

  async #deliver(row: { id: string; corp_id: string; type: string; payload_json: string; created_at: number; attempts: number }, now: number): Promise<boolean> {
    const event: OutboxEvent = { id: row.id, corpId: row.corp_id, type: row.type, payload: JSON.parse(row.payload_json), createdAt: row.created_at };
    try {
      for (const handler of this.#handlers.get(row.type) ?? []) {
        await this.db.transaction().execute(async (trx) => {
          const receipt = await trx
            .insertInto('outbox_receipts')
            .values({ handler: handler.name, event_id: row.id, at: now })
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst();
          if (Number(receipt.numInsertedOrUpdatedRows ?? 0) === 0) return;
          await handler.run(trx, event, now);
        });
      }
      await this.db.updateTable('outbox').set({ delivered_at: now }).where('id', '=', row.id).where('delivered_at', 'is', null).execute();
      return true;
    } catch (error) {
      const wait = BACKOFF_MS[Math.min(row.attempts, BACKOFF_MS.length - 1)]!;
      this.log.warn({ err: error, eventId: row.id, type: row.type }, 'outbox delivery failed; will retry');
      await this.db
        .updateTable('outbox')
        .set({ attempts: row.attempts + 1, available_at: now + wait, last_error: error instanceof Error ? error.message : String(error) })
        .where('id', '=', row.id)
        .execute();
      return false;
    }
  }
}
