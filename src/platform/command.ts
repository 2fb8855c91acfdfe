import type { FastifyBaseLogger } from 'fastify';
import type { Actor, Ctx, ReadCtx } from './context.ts';
import type { DialectName } from './db/database.ts';
import { commandRunner, type RunCommand } from './db/group-commit.ts';
import type { Db, Tx } from './db/tables.ts';
import { idempotent } from './idempotency.ts';
import type { Registry } from './module.ts';
import { authorize } from './policy/index.ts';

/**
 * The one command path. A command is a unit of work with what it needs around it: the right the
 * actor must hold, the transaction it runs in, and whether a caller's idempotency key applies.
 * Adapters (REST routes today, the WeCom-compatible API later) turn a request into a `Caller` and an
 * input and call `run`; the rules live in the services the work calls, never in the adapter.
 *
 * - `read`: no transaction; the work gets a `ReadCtx` whose handle is the database.
 * - `plain`: its own transaction.
 * - `group`: a short write that arrives one per request (an approval action, a customer add): on
 *   SQLite it shares a transaction and an fsync with the commands of the same moment, each in its
 *   own savepoint (platform/db/group-commit.ts); on PostgreSQL a plain transaction.
 */
export type TxMode = 'read' | 'plain' | 'group';

export interface CommandSpec<M extends TxMode = TxMode, I = unknown> {
  /** The right the actor needs (declared in some module's manifest); resource scopes are the work's. */
  right: string;
  tx: M;
  /** Namespace of the caller's `Idempotency-Key`: a replay with the same input returns the first result. */
  idempotent?: string;
  /** What identifies the request for the key, when not the whole input (a file: its digest). */
  fingerprint?: (input: I) => unknown;
}

export interface Command<I, O, M extends TxMode = TxMode> {
  readonly spec: CommandSpec<M, I>;
  readonly work: (ctx: M extends 'read' ? ReadCtx : Ctx, input: I) => Promise<O>;
}

export function command<I, O>(spec: CommandSpec<'read', I>, work: (ctx: ReadCtx, input: I) => Promise<O>): Command<I, O, 'read'>;
export function command<I, O>(spec: CommandSpec<'plain' | 'group', I>, work: (ctx: Ctx, input: I) => Promise<O>): Command<I, O, 'plain' | 'group'>;
export function command<I, O>(spec: CommandSpec<TxMode, I>, work: (ctx: Ctx, input: I) => Promise<O>): Command<I, O> {
  return { spec, work: work as Command<I, O>['work'] };
}

/**
 * Runs a command's work inside another command's transaction, after asking for its right: an
 * adapter that must do several things at once (a WeCom user/create with its department heads)
 * composes the same commands REST uses, all or nothing. The caller's idempotency key is the outer
 * command's business.
 */
export async function runIn<I, O>(ctx: Ctx, command: Command<I, O>, input: I): Promise<O> {
  await authorize(ctx, command.spec.right);
  return (command.work as (ctx: Ctx, input: I) => Promise<O>)(ctx, input);
}

/** Who asks, as an adapter established it. */
export interface Caller {
  corpId: string;
  actor: Actor;
  now: number;
  log: FastifyBaseLogger;
  ip?: string | undefined;
  idempotencyKey?: string | undefined;
}

export class Commands {
  readonly #group: RunCommand;

  constructor(
    private readonly db: Db,
    dialect: DialectName,
    private readonly registry: Registry,
  ) {
    this.#group = commandRunner(db, dialect);
  }

  async run<I, O>(command: Command<I, O>, caller: Caller, input: I): Promise<O> {
    const { spec } = command;
    if (spec.tx === 'read') {
      const ctx: ReadCtx = this.#ctx(caller, this.db);
      await authorize(ctx, spec.right);
      return (command.work as (ctx: ReadCtx, input: I) => Promise<O>)(ctx, input);
    }
    const inTransaction = async (trx: Tx): Promise<O> => {
      const ctx: Ctx = this.#ctx(caller, trx);
      await authorize(ctx, spec.right);
      const work = () => (command.work as (ctx: Ctx, input: I) => Promise<O>)(ctx, input);
      return spec.idempotent && caller.idempotencyKey ? idempotent(ctx, `${spec.idempotent}:${caller.idempotencyKey}`, spec.fingerprint ? spec.fingerprint(input) : input, work) : work();
    };
    return spec.tx === 'group' ? this.#group(inTransaction) : this.db.transaction().execute(inTransaction);
  }

  #ctx<T extends Db | Tx>(caller: Caller, trx: T) {
    return { corpId: caller.corpId, actor: caller.actor, now: caller.now, log: caller.log, ip: caller.ip, trx, registry: this.registry };
  }
}
