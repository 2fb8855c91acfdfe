import { createHash } from 'node:crypto';
import type { Ctx } from './context.ts';
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from './db/tables.ts';
import { DomainError } from './errors.ts';
import { tables } from './platform.tables.ts';

type KeyCtx = Pick<Ctx, 'corpId' | 'trx' | 'now'>;

/** JSON with sorted keys, so the same request hashes the same whatever order its fields came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonical(request)).digest('hex');
}

const PENDING = '';

export type Claim<T> = { replay: true; response: T } | { replay: false };

/**
 * Claims `key` for this enterprise inside the caller's transaction. The claim is an
 * `insert … on conflict do nothing` made before any other write: on PostgreSQL a second transaction
 * using the same key waits on the first one's uncommitted row, then finds it committed and replays
 * its stored result (or, when the first rolled back, gets the claim itself). So two concurrent first
 * uses never both run and the loser never sees a unique-violation error.
 */
export async function claimKey<T>(ctx: KeyCtx, key: string, request: unknown): Promise<Claim<T>> {
  const hash = requestHash(request);
  const inserted = await tables(ctx.trx)
    .insertInto('idempotency_keys')
    .values({ corp_id: ctx.corpId, key, request_hash: hash, response_json: PENDING, created_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { replay: false };
  const row = await tables(ctx.trx).selectFrom('idempotency_keys').select(['request_hash', 'response_json']).where('corp_id', '=', ctx.corpId).where('key', '=', key).executeTakeFirstOrThrow();
  if (row.request_hash !== hash) throw new DomainError('idempotency.key_reused', { key });
  // Only reachable inside the same transaction (a batch using one key twice): the first use has finished.
  if (row.response_json === PENDING) throw new DomainError('conflict', { key, reason: 'the first use of this key is still running' });
  return { replay: true, response: JSON.parse(row.response_json) as T };
}

export async function storeResult(ctx: KeyCtx, key: string, response: unknown): Promise<void> {
  await tables(ctx.trx).updateTable('idempotency_keys').set({ response_json: JSON.stringify(response) }).where('corp_id', '=', ctx.corpId).where('key', '=', key).execute();
}

/** When a finished use of `key` was claimed, or null when the key was never used (or is still running). */
export async function usedAt(ctx: KeyCtx, key: string): Promise<number | null> {
  const row = await tables(ctx.trx).selectFrom('idempotency_keys').select('created_at').where('corp_id', '=', ctx.corpId).where('key', '=', key).where('response_json', '!=', PENDING).executeTakeFirst();
  return row ? Number(row.created_at) : null;
}

/** Gives a claim back when its command failed with a domain error, so the rest of a batch stays clean. */
export async function releaseKey(ctx: KeyCtx, key: string): Promise<void> {
  await tables(ctx.trx).deleteFrom('idempotency_keys').where('corp_id', '=', ctx.corpId).where('key', '=', key).where('response_json', '=', PENDING).execute();
}

/**
 * Runs a command once per (enterprise, key). A replay with the same request returns the first
 * result; the same key with a different request is refused with `idempotency.key_reused`. A command
 * that fails leaves no key behind, so it can be retried with the same key.
 */
export async function idempotent<T>(ctx: KeyCtx, key: string, request: unknown, run: () => Promise<T>): Promise<T> {
  const claim = await claimKey<T>(ctx, key, request);
  if (claim.replay) return claim.response;
  let result: T;
  try {
    result = await run();
  } catch (error) {
    if (error instanceof DomainError) await releaseKey(ctx, key);
    throw error;
  }
  await storeResult(ctx, key, result);
  return result;
}

/**
 * For batches that decide many keyed commands at once (the wallet's charge batcher): the results
 * already stored for these keys, of any enterprises, in one read, by `${corpId}|${key}` (a pending
 * claim reads as response '').
 */
export async function storedResults(trx: Tx, wanted: readonly { corpId: string; key: string }[]): Promise<Map<string, { hash: string; response: string }>> {
  const found = new Map<string, { hash: string; response: string }>();
  if (wanted.length === 0) return found;
  const ids = new Set(wanted.map((w) => `${w.corpId}|${w.key}`));
  const corpIds = [...new Set(wanted.map((w) => w.corpId))];
  const keys = [...new Set(wanted.map((w) => w.key))];
  // Every key of every enterprise asked for: a superset of the pairs (one index range per
  // enterprise), cut down to them here.
  const rows = await tables(trx).selectFrom('idempotency_keys').select(['corp_id', 'key', 'request_hash', 'response_json']).where('corp_id', 'in', corpIds).where('key', 'in', keys).execute();
  for (const r of rows) {
    const id = `${r.corp_id}|${r.key}`;
    if (ids.has(id)) found.set(id, { hash: r.request_hash, response: r.response_json });
  }
  return found;
}

/**
 * Stores finished results of a batch in one statement per thousand. Returns false when another
 * transaction claimed one of the keys meanwhile (several servers on PostgreSQL): the caller undoes
 * its batch and replays each command alone.
 */
export async function storeResults(trx: Tx, rows: readonly { corpId: string; key: string; requestHash: string; response: unknown; at: number }[]): Promise<boolean> {
  for (let at = 0; at < rows.length; at += 1000) {
    const chunk = rows.slice(at, at + 1000);
    const inserted = await tables(trx)
      .insertInto('idempotency_keys')
      .values(chunk.map((r) => ({ corp_id: r.corpId, key: r.key, request_hash: r.requestHash, response_json: JSON.stringify(r.response), created_at: r.at })))
      .onConflict((oc) => oc.columns(['corp_id', 'key']).doNothing())
      .returning('key')
      .execute();
    if (inserted.length !== chunk.length) return false;
  }
  return true;
}

/**
 * A keyed command folded into one statement, for PostgreSQL (its data-modifying CTEs): `steps` are
 * the command's CTEs (`name as (…), …`), `result` a query over them whose one row carries the result
 * as JSON text in `response`; the same statement claims `key` and stores that result. A key already
 * claimed (or claimed by a transaction that commits meanwhile) fails the statement with a unique
 * violation (see `isKeyTaken`) and changes nothing: the caller then takes its ordinary path, which
 * replays or refuses. No row: the command's own guards refused it, and nothing was written either.
 */
export function keyedStatement<R>(claim: { corpId: unknown; key: unknown; requestHash: unknown; now: unknown }, steps: RawBuilder<unknown>, result: RawBuilder<unknown>): RawBuilder<R> {
  return sql<R>`with ${steps}, result as (${result}), claimed as (
    insert into idempotency_keys (corp_id, "key", request_hash, response_json, created_at)
    select ${claim.corpId}, ${claim.key}, ${claim.requestHash}, response, ${claim.now}::bigint from result
  ) select * from result`;
}

/** The error of a `keyedStatement` whose key was already claimed. */
export function isKeyTaken(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && e.constraint === 'idempotency_keys_pk';
}
