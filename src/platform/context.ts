import type { FastifyBaseLogger } from 'fastify';
import type { Executor } from './db/schema.ts';

/** Who is acting. `member` and `token` act inside one enterprise; `operator` is the platform. */
export type Actor =
  | { kind: 'member'; id: string; name: string; accountId: string }
  | { kind: 'external'; id: string; name: string; accountId: string }
  | { kind: 'token'; id: string; name: string; rights: readonly string[] }
  | { kind: 'operator'; id: string; name: string }
  | { kind: 'account'; id: string; name: string }
  | { kind: 'system'; id: 'system'; name: 'system' };

export const systemActor: Actor = { kind: 'system', id: 'system', name: 'system' };

/**
 * What every service function takes first. `now` is read once per request or transaction so one
 * command sees one instant; `trx` is the open transaction (never the global database handle).
 */
export interface Ctx {
  corpId: string;
  actor: Actor;
  trx: Executor;
  now: number;
  log: FastifyBaseLogger;
  ip?: string | undefined;
}

/** The part of a context that a write needs: which enterprise, which transaction, which instant. */
export type TxCtx = Pick<Ctx, 'corpId' | 'trx' | 'now'>;
