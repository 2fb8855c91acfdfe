import type { FastifyBaseLogger } from 'fastify';
import type { Executor, Tx } from './db/tables.ts';
import type { Registry } from './module.ts';

/** Who is acting. `member`, `external` and `token` act inside one enterprise; `operator` is the platform. */
export type Actor =
  | { kind: 'member'; id: string; name: string; accountId: string }
  | { kind: 'external'; id: string; name: string; accountId: string }
  /** `app`: the app a WeCom app secret's token speaks for (it may send as that app, nothing else). */
  | { kind: 'token'; id: string; name: string; rights: readonly string[]; app?: string }
  | { kind: 'operator'; id: string; name: string }
  | { kind: 'account'; id: string; name: string }
  | { kind: 'system'; id: 'system'; name: 'system' };

export const systemActor: Actor = { kind: 'system', id: 'system', name: 'system' };

/**
 * What a read takes first. `now` is read once per request or transaction, so one command sees one
 * instant. `registry` holds what the modules declared (rights, policies, event subscribers): the
 * platform's functions (`authorize`, `publish`, …) read it from here, never from a global.
 */
export interface ReadCtx {
  corpId: string;
  actor: Actor;
  /** The handle to query through: the open transaction in a write, the database in a read. */
  trx: Executor;
  now: number;
  log: FastifyBaseLogger;
  ip?: string | undefined;
  registry: Registry;
}

/** What a write takes first: the same, with `trx` an open transaction (never the global handle). */
export interface Ctx extends ReadCtx {
  trx: Tx;
}

/** The part of a context a plain write needs (no actor decides, nothing is announced or audited). */
export type TxCtx = Pick<Ctx, 'corpId' | 'trx' | 'now'>;
