import { flag, type Executor } from '../db/tables.ts';
import { prepared, tables } from '../platform.tables.ts';
import { randomToken, sha256 } from './tokens.ts';

export type PrincipalKind = 'account' | 'operator';

export interface Session {
  hash: string;
  principalKind: PrincipalKind;
  principalId: string;
  corpId: string | null;
  csrfToken: string;
  expiresAt: number;
  /** The account must set a new password before it acts in an enterprise. */
  passwordChange: boolean;
}

export const SESSION_TTL_MS = 7 * 24 * 3600_000;

export async function createSession(
  db: Executor,
  now: number,
  principal: { kind: PrincipalKind; id: string; corpId: string | null; passwordChange?: boolean },
): Promise<{ cookie: string; csrfToken: string; hash: string }> {
  const cookie = randomToken('ses');
  const csrfToken = randomToken('csrf');
  const hash = sha256(cookie);
  await tables(db).insertInto('sessions')
    .values({ id: hash, principal_kind: principal.kind, principal_id: principal.id, corp_id: principal.corpId, csrf_token: csrfToken, created_at: now, expires_at: now + SESSION_TTL_MS, password_change: flag(principal.passwordChange ?? false) })
    .execute();
  return { cookie, csrfToken, hash };
}

const sessionById = prepared((db, p: { id: string; kind: PrincipalKind; now: number }) =>
  db.selectFrom('sessions').selectAll().where('id', '=', p.id).where('principal_kind', '=', p.kind).where('expires_at', '>', p.now),
);

/** The live session of a cookie. Prepared: every signed-in request asks. */
export async function findSession(db: Executor, now: number, kind: PrincipalKind, cookie: string): Promise<Session | undefined> {
  const row = (await sessionById.execute(db, { id: sha256(cookie), kind, now })).rows[0];
  return row && { hash: row.id, principalKind: row.principal_kind, principalId: row.principal_id, corpId: row.corp_id, csrfToken: row.csrf_token, expiresAt: row.expires_at, passwordChange: row.password_change === 1 };
}

export async function deleteSession(db: Executor, hash: string): Promise<void> {
  await tables(db).deleteFrom('sessions').where('id', '=', hash).execute();
}

/** Ends the named sessions (a revoked device's); answers how many there were. */
export async function deleteSessionsByHash(db: Executor, hashes: readonly string[]): Promise<number> {
  if (hashes.length === 0) return 0;
  const gone = await tables(db).deleteFrom('sessions').where('id', 'in', [...hashes]).executeTakeFirst();
  return Number(gone.numDeletedRows);
}

/** Which of the named sessions are still open at `now`. */
export async function openSessionHashes(db: Executor, now: number, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await tables(db).selectFrom('sessions').select('id').where('id', 'in', [...hashes]).where('expires_at', '>', now).execute();
  return new Set(rows.map((r) => r.id));
}

export async function setSessionCorp(db: Executor, hash: string, corpId: string | null): Promise<void> {
  await tables(db).updateTable('sessions').set({ corp_id: corpId }).where('id', '=', hash).execute();
}

/** After a password change every other session of the account ends. */
export async function deleteOtherSessions(db: Executor, kind: PrincipalKind, principalId: string, keepHash: string): Promise<void> {
  await tables(db).deleteFrom('sessions').where('principal_kind', '=', kind).where('principal_id', '=', principalId).where('id', '!=', keepHash).execute();
}

/** 退出所有登录: every session of the principal ends (a password reset, an admin's sign-out). */
export async function deleteAllSessions(db: Executor, kind: PrincipalKind, principalId: string): Promise<number> {
  const gone = await tables(db).deleteFrom('sessions').where('principal_kind', '=', kind).where('principal_id', '=', principalId).executeTakeFirst();
  return Number(gone.numDeletedRows);
}

/** Whether the principal's sessions must set a new password first: all of them, or (cleared) the one that just did. */
export async function setSessionsPasswordChange(db: Executor, kind: PrincipalKind, principalId: string, required: boolean, onlyHash?: string): Promise<void> {
  let query = tables(db).updateTable('sessions').set({ password_change: flag(required) }).where('principal_kind', '=', kind).where('principal_id', '=', principalId);
  if (onlyHash !== undefined) query = query.where('id', '=', onlyHash);
  await query.execute();
}

export const SESSION_SWEEP_JOB = 'platform.sessions.sweep';

/** Deletes sessions past their expiry: they can no longer sign anyone in, and keep nothing worth keeping. */
export async function deleteExpiredSessions(db: Executor, now: number): Promise<number> {
  const gone = await tables(db).deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(gone.numDeletedRows);
}
