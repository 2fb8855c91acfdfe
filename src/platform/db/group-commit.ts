import { sql } from 'kysely';
import type { DialectName } from './database.ts';
import type { Db, Tx } from './tables.ts';

/** How one item of a batch ended: its value, or the error that refused it alone. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Pending<T, R> {
  item: T;
  resolve(value: R): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  /** Items in one transaction at most. */
  maxBatch?: number;
  /** Turns of the event loop to wait, at most, for more items after a batch (see `#gather`). */
  gatherTurns?: number;
}

/**
 * Group commit: many small writes that arrive on their own (one HTTP request each) share one
 * transaction, so one commit — on SQLite one fsync, the cost that dominates a small write — covers
 * them all. Items waiting while a batch commits go together in the next one. `runBatch` decides
 * each item's outcome, so one refused item does not sink the others; a caller's promise settles
 * only after the commit that holds its item.
 *
 * A database call on better-sqlite3 never yields to the event loop, so without waiting no request
 * would ever arrive during a batch and every batch would hold one item: the first batch waits one
 * turn, and each next one up to `gatherTurns` turns while the queue still grows.
 */
export class GroupCommit<T, R> {
  readonly #queue: Pending<T, R>[] = [];
  readonly #maxBatch: number;
  readonly #gatherTurns: number;
  #running = false;

  constructor(
    private readonly runBatch: (items: T[]) => Promise<Outcome<R>[]>,
    options: GroupCommitOptions = {},
  ) {
    this.#maxBatch = options.maxBatch ?? 256;
    this.#gatherTurns = options.gatherTurns ?? 4;
  }

  submit(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (!this.#running) {
        this.#running = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, this.#maxBatch);
        let outcomes: Outcome<R>[];
        try {
          outcomes = await this.runBatch(batch.map((p) => p.item));
        } catch (error) {
          for (const p of batch) p.reject(error);
          continue;
        }
        batch.forEach((p, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) p.resolve(outcome.value);
          else p.reject(outcome.error);
        });
        await this.#gather();
      }
    } finally {
      this.#running = false;
    }
  }

  /**
   * Callers answered by the last batch send their next item a few turns of the event loop later
   * (over HTTP: the response goes out, the next request comes in and is authenticated). Waiting
   * while the queue still grows, a few turns at most, lets them ride together in the next batch.
   */
  async #gather(): Promise<void> {
    for (let turn = 0; turn < this.#gatherTurns && this.#queue.length < this.#maxBatch; turn++) {
      const before = this.#queue.length;
      await new Promise((resolve) => setImmediate(resolve));
      if (this.#queue.length === before && before > 0 && turn > 0) return;
    }
  }
}

/**
 * A `runBatch` for `GroupCommit` that runs `run` for each item in one transaction, each inside its
 * own savepoint: an item that throws is rolled back alone and the others commit. The same outcome,
 * item by item, as running each in its own transaction one after another.
 */
export function eachInSavepoint<T, R>(db: Db, run: (trx: Tx, item: T) => Promise<R>): (items: T[]) => Promise<Outcome<R>[]> {
  return (items) =>
    db.transaction().execute(async (trx) => {
      const outcomes: Outcome<R>[] = [];
      for (const item of items) {
        await sql`savepoint group_item`.execute(trx);
        try {
          const value = await run(trx, item);
          await sql`release savepoint group_item`.execute(trx);
          outcomes.push({ ok: true, value });
        } catch (error) {
          try {
            await sql`rollback to savepoint group_item`.execute(trx);
            await sql`release savepoint group_item`.execute(trx);
          } catch {
            // The engine rolled the whole transaction back itself (disk full, I/O error): the batch
            // fails, with this item's error as the cause everyone is told, not the missing savepoint.
            throw error;
          }
          outcomes.push({ ok: false, error });
        }
      }
      return outcomes;
    });
}

/** Runs `work` as one transaction of its own, as far as anyone can tell. */
export type RunCommand = <R>(work: (trx: Tx) => Promise<R>) => Promise<R>;

const commandGroups = new WeakMap<Db, GroupCommit<(trx: Tx) => Promise<unknown>, unknown>>();

/**
 * Short write commands (an approval action, a customer adding through a link), each with the
 * outcome it would have in its own transaction. On SQLite they are group-committed: commands that
 * arrive together share one transaction and one fsync, each inside its own savepoint; every module
 * of a server shares the one group, as they share the one writer. On PostgreSQL, which commits
 * concurrently, each command is a plain transaction.
 *
 * `work` must use only the `trx` it is given: on SQLite, touching `db` or starting another command
 * from inside a command waits for the batch it is part of, which never ends.
 */
export function commandRunner(db: Db, dialect: DialectName): RunCommand {
  if (dialect !== 'sqlite') return (work) => db.transaction().execute(work);
  let group = commandGroups.get(db);
  if (!group) {
    group = new GroupCommit(
      eachInSavepoint(db, (trx, work: (trx: Tx) => Promise<unknown>) => work(trx)),
      { maxBatch: 64 },
    );
    commandGroups.set(db, group);
  }
  const shared = group;
  return <R>(work: (trx: Tx) => Promise<R>) => shared.submit(work) as Promise<R>;
}
