import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.ts';
import { systemActor, type Ctx } from './context.ts';
import type { DialectName } from './db/database.ts';
import type { Db, Tx } from './db/tables.ts';
import type { Registry } from './module.ts';
import { tables, type PlatformTables } from './platform.tables.ts';

/** Writes an event in the caller's transaction (called by `publish`, platform/events.ts). */
export async function enqueueEvent(ctx: Pick<Ctx, 'corpId' | 'trx' | 'now'>, id: string, type: string, payload: unknown): Promise<void> {
  await tables(ctx.trx)
    .insertInto('outbox')
    .values({ id, corp_id: ctx.corpId, type, payload_json: JSON.stringify(payload), created_at: ctx.now, available_at: ctx.now, delivered_at: null, attempts: 0, last_error: null })
    .execute();
}

const BACKOFF_MS = [1_000, 5_000, 30_000, 120_000, 600_000];
const BATCH = 100;

type Row = PlatformTables['outbox'];

/**
 * Delivers committed events to the after-commit subscribers the manifests list, at least once.
 * A batch of events is delivered in one transaction, each subscriber of each event inside its own
 * savepoint: a subscriber's work and its receipt commit together, so a redelivery (a crash, a second
 * server) skips what already ran, and one failing subscriber is retried later with back-off without
 * holding up the rest.
 * Subscribers only write to the database; slow I/O (mail, webhooks) is queued as a job.
 */
export class Outbox {
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<number> | undefined;

  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly registry: Registry,
  ) {}

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
      let progressed = false;
      // One enterprise per transaction: on Citus each stays on the enterprise's node.
      for (const corpId of await this.#corpsWithDueEvents(now)) {
        const done = await this.db.transaction().execute((trx) => this.#deliverBatch(trx, corpId, now));
        delivered += done;
        progressed ||= done > 0;
      }
      // Delivered events may have published more (a reaction to a reaction): look again until quiet.
      if (!progressed) return delivered;
    }
  }

  async #corpsWithDueEvents(now: number): Promise<string[]> {
    const rows = await tables(this.db).selectFrom('outbox').select('corp_id').distinct().where('delivered_at', 'is', null).where('available_at', '<=', now).execute();
    return rows.map((r) => r.corp_id);
  }

  async #deliverBatch(trx: Tx, corpId: string, now: number): Promise<number> {
    const db = tables(trx);
    let query = db.selectFrom('outbox').selectAll().where('corp_id', '=', corpId).where('delivered_at', 'is', null).where('available_at', '<=', now).orderBy('id').limit(BATCH);
    // Another server delivering at the same moment takes other events instead of waiting on these.
    if (this.dialect === 'postgres') query = query.forUpdate().skipLocked();
    const due = await query.execute();
    const delivered: string[] = [];
    for (const row of due) {
      const failure = await this.#deliver(trx, row, now);
      if (failure === undefined) {
        delivered.push(row.id);
        continue;
      }
      const wait = BACKOFF_MS[Math.min(row.attempts, BACKOFF_MS.length - 1)]!;
      this.log.warn({ err: failure, eventId: row.id, type: row.type }, 'outbox delivery failed; will retry');
      await db
        .updateTable('outbox')
        .set({ attempts: row.attempts + 1, available_at: now + wait, last_error: failure instanceof Error ? failure.message : String(failure) })
        .where('corp_id', '=', corpId)
        .where('id', '=', row.id)
        .execute();
    }
    for (let i = 0; i < delivered.length; i += 500) {
      await db.updateTable('outbox').set({ delivered_at: now }).where('corp_id', '=', corpId).where('id', 'in', delivered.slice(i, i + 500)).execute();
    }
    return delivered.length;
  }

  /**
   * Runs the event's subscribers that have no receipt yet, each in its own savepoint with its receipt:
   * one that fails is undone alone and runs again on the retry; the others keep their receipts.
   * Returns the first failure, or undefined when every subscriber has run.
   */
  async #deliver(trx: Tx, row: Row, now: number): Promise<unknown> {
    const subscribers = this.registry.outboxSubscribers.get(row.type) ?? [];
    if (subscribers.length === 0) return undefined;
    const payload: unknown = JSON.parse(row.payload_json);
    const ctx: Ctx = { corpId: row.corp_id, actor: systemActor, trx, now, log: this.log, registry: this.registry };
    let failure: unknown;
    for (const subscriber of subscribers) {
      await sql`savepoint outbox_subscriber`.execute(trx);
      try {
        const receipt = await tables(trx)
          .insertInto('outbox_receipts')
          .values({ corp_id: row.corp_id, handler: subscriber.name, event_id: row.id, at: now })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(receipt.numInsertedOrUpdatedRows ?? 0) > 0) await subscriber.run(ctx, payload, { eventId: row.id, createdAt: row.created_at });
        await sql`release savepoint outbox_subscriber`.execute(trx);
      } catch (error) {
        await sql`rollback to savepoint outbox_subscriber`.execute(trx);
        await sql`release savepoint outbox_subscriber`.execute(trx);
        failure ??= error ?? new Error('subscriber failed');
      }
    }
    return failure;
  }
}
