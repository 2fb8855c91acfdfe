import { sql } from 'kysely';
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.ts';
import { systemActor, type Ctx } from './context.ts';
import type { DialectName } from './db/database.ts';
import type { Db, Executor, Tx } from './db/tables.ts';
import { newId } from './ids.ts';
import type { Registry } from './module.ts';
import { tables } from './platform.tables.ts';

export interface Job<P = unknown> {
  id: string;
  kind: string;
  payload: P;
  attempts: number;
}

export interface JobContext {
  db: Db;
  now: number;
  /** The runner's clock, for work that spans many transactions and reads "now" once in each. */
  clock: Clock;
  log: FastifyBaseLogger;
  registry: Registry;
  /**
   * Long work reports rows done so the console and CLI can draw progress; each report also renews
   * the job's lease. Throws `LeaseLost` when another worker has taken the job over (this one's lease
   * ran out), so the work stops instead of running twice.
   */
  progress(done: number, total?: number): Promise<void>;
}

/** The job was claimed by another worker after this one's lease ran out. */
export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`the lease of job ${jobId} passed to another worker`);
  }
}

export type JobHandler = (job: Job, ctx: JobContext) => Promise<unknown>;

/** A job's work inside one enterprise, as the system: the context a service takes, in `trx`. */
export function systemCtx(job: Pick<JobContext, 'now' | 'log' | 'registry'>, corpId: string, trx: Tx): Ctx {
  return { corpId, actor: systemActor, trx, now: job.now, log: job.log, registry: job.registry };
}

/** How long a claim holds without a sign of life; renewed by progress reports and by a timer. */
export const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

/** Enqueues in the caller's transaction. With a dedupe key, a second enqueue of the same key is a no-op. */
export async function enqueueJob(
  trx: Executor,
  now: number,
  job: { kind: string; payload: unknown; runAt?: number; dedupeKey?: string },
): Promise<string | null> {
  const id = newId('job', now);
  const result = await tables(trx)
    .insertInto('jobs')
    .values({
      id,
      kind: job.kind,
      payload_json: JSON.stringify(job.payload),
      dedupe_key: job.dedupeKey ?? null,
      status: 'queued',
      run_at: job.runAt ?? now,
      attempts: 0,
      locked_by: null,
      locked_until: null,
      progress_done: 0,
      progress_total: null,
      result_json: null,
      last_error: null,
      created_at: now,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? id : null;
}

export interface JobState {
  status: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number | null;
  lastError: string | null;
}

/** A job's status and progress, for the module that queued it to show. */
export async function jobState(db: Executor, jobId: string): Promise<JobState | undefined> {
  const row = await tables(db).selectFrom('jobs').select(['status', 'progress_done', 'progress_total', 'last_error']).where('id', '=', jobId).executeTakeFirst();
  return row && { status: row.status, done: row.progress_done, total: row.progress_total, lastError: row.last_error };
}

/**
 * A job queue in the database. A claim is one conditional UPDATE (plus FOR UPDATE SKIP LOCKED on
 * PostgreSQL), so with several servers each job runs on one of them. The claim is a lease: renewed
 * while the job runs (every progress report, and a timer a third of the lease apart), it runs out
 * only when its worker is gone (killed mid-job), and then the job is claimable again. Only the
 * lease's holder may finish a job.
 */
export class JobRunner {
  #crons: Cron[] = [];
  readonly #workerId = newId('wrk');
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly registry: Registry,
  ) {}

  /**
   * Queues the run of `kind` for the minute of `at` (schedules are minute-grained): servers whose
   * timers fire a few milliseconds apart name the same slot, so only one of them queues it.
   */
  async enqueueSlot(kind: string, at: number): Promise<void> {
    const slot = Math.floor(at / 60_000) * 60_000;
    await enqueueJob(this.db, this.clock.now(), { kind, payload: { slot }, dedupeKey: `${kind}@${slot}` });
    void this.runDue();
  }

  async claim(now: number): Promise<Job | undefined> {
    const lockClause = this.dialect === 'postgres' ? sql`for update skip locked` : sql``;
    const rows = await sql<{ id: string; kind: string; payload_json: string; attempts: number }>`
      update jobs set status = 'running', locked_by = ${this.#workerId}, locked_until = ${now + LEASE_MS}, attempts = attempts + 1
      where id = (
        select id from jobs
        where (status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_until < ${now})
        order by run_at, id
        limit 1 ${lockClause}
      )
      and ((status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_until < ${now}))
      returning id, kind, payload_json, attempts`.execute(this.db);
    const row = rows.rows[0];
    return row && { id: row.id, kind: row.kind, payload: JSON.parse(row.payload_json), attempts: row.attempts };
  }

  /** Runs every due job; concurrent calls share one pass. Returns how many ran. */
  runDue(): Promise<number> {
    this.#running ??= this.#runAll().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #runAll(): Promise<number> {
    let ran = 0;
    for (;;) {
      const now = this.clock.now();
      const job = await this.claim(now);
      if (!job) return ran;
      await this.#run(job, now);
      ran++;
    }
  }

  /** The job's row while this worker holds its lease: updates through it change nothing once the lease passed on. */
  #held(jobId: string) {
    return tables(this.db).updateTable('jobs').where('id', '=', jobId).where('status', '=', 'running').where('locked_by', '=', this.#workerId);
  }

  async #renew(jobId: string, set: { progress_done?: number; progress_total?: number } = {}): Promise<boolean> {
    const renewed = await this.#held(jobId).set({ ...set, locked_until: this.clock.now() + LEASE_MS }).executeTakeFirst();
    return Number(renewed.numUpdatedRows) === 1;
  }

  async #run(job: Job, now: number): Promise<void> {
    const handler = this.registry.jobs.get(job.kind)?.run;
    const log = this.log.child({ jobId: job.id, kind: job.kind });
    const jobCtx: JobContext = {
      db: this.db,
      now,
      clock: this.clock,
      log,
      registry: this.registry,
      progress: async (done, total) => {
        if (!(await this.#renew(job.id, { progress_done: done, ...(total === undefined ? {} : { progress_total: total }) }))) throw new LeaseLost(job.id);
      },
    };
    // A job that reports no progress for a while still shows it is alive.
    const heartbeat = setInterval(() => {
      this.#renew(job.id).catch((error: unknown) => log.warn({ err: error }, 'job lease renewal failed'));
    }, LEASE_MS / 3);
    heartbeat.unref();
    let finished;
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const result = await handler(job, jobCtx);
      finished = await this.#held(job.id)
        .set({ status: 'done', finished_at: this.clock.now(), result_json: JSON.stringify(result ?? null), locked_by: null, locked_until: null })
        .executeTakeFirst();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = job.attempts >= MAX_ATTEMPTS;
      if (!(error instanceof LeaseLost)) log.error({ err: error }, failed ? 'job failed for good' : 'job failed; will retry');
      finished = await this.#held(job.id)
        .set({
          status: failed ? 'failed' : 'queued',
          run_at: now + 2 ** job.attempts * 1000,
          last_error: message,
          locked_by: null,
          locked_until: null,
          ...(failed ? { finished_at: this.clock.now() } : {}),
        })
        .executeTakeFirst();
    } finally {
      clearInterval(heartbeat);
    }
    if (Number(finished.numUpdatedRows) === 0) log.warn('job lease lost to another worker; its outcome here is dropped');
  }

  start(intervalMs = 1000): void {
    // Timers exist only while started: an app built for a test must not keep its process alive.
    this.#crons = [...this.registry.jobs.values()].flatMap(({ schedule, kind }) =>
      schedule
        ? [
            new Cron(schedule, { timezone: 'Asia/Shanghai', unref: true }, () => {
              void this.enqueueSlot(kind, this.clock.now());
            }),
          ]
        : [],
    );
    this.#timer = setInterval(() => {
      this.runDue().catch((error: unknown) => this.log.error({ err: error }, 'job pass failed'));
    }, intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    for (const cron of this.#crons) cron.stop();
    this.#crons = [];
    clearInterval(this.#timer);
  }
}
