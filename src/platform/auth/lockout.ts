import { audit } from '../audit.ts';
import type { Db, Executor } from '../db/tables.ts';
import { tables } from '../platform.tables.ts';
import { hashPassword, verifyPassword, type ScryptParams } from './password.ts';
import type { PrincipalKind } from './sessions.ts';

/** Checks of a password one address may make against one login before it has to wait. */
export const FREE_ATTEMPTS = 5;
/** The wait after the last free attempt; it doubles with every further attempt, up to an hour. */
export const FIRST_DELAY_MS = 60_000;
export const MAX_DELAY_MS = 3600_000;
/** A pair quiet this long starts again from nothing (and the sweep forgets it). */
export const THROTTLE_MEMORY_MS = 24 * 3600_000;

/** What is signing in: whose credentials (the principal's id, or the login typed when none matches) and from where. */
export interface Attempt {
  kind: PrincipalKind;
  subject: string;
  address: string;
}

/** Why a check refused. The caller answers all three the same way; only the audit log tells them apart. */
export type SignInFailure = 'wrong_password' | 'unknown_login' | 'throttled';
export type SignInOutcome = { ok: true } | { ok: false; reason: SignInFailure };

/** The wait an address has to keep after its n-th counted attempt (nothing while attempts are free). */
function delayAfter(attempts: number): number {
  if (attempts < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (attempts - FREE_ATTEMPTS), MAX_DELAY_MS);
}

/**
 * Counts one attempt for the pair before its password is checked: a compare-and-set on the count,
 * taken only while the pair may try, so whatever the concurrency at most FREE_ATTEMPTS guesses are
 * checked before the first wait, and one per wait after. False when the pair must wait.
 */
async function claimAttempt(db: Executor, now: number, attempt: Attempt): Promise<boolean> {
  const throttle = tables(db);
  await throttle
    .insertInto('sign_in_throttle')
    .values({ principal_kind: attempt.kind, subject: attempt.subject, address: attempt.address, attempts: 0, next_at: 0, last_at: now })
    .onConflict((oc) => oc.columns(['principal_kind', 'subject', 'address']).doNothing())
    .execute();
  for (;;) {
    const row = await throttle
      .selectFrom('sign_in_throttle')
      .select(['attempts', 'next_at', 'last_at'])
      .where('principal_kind', '=', attempt.kind)
      .where('subject', '=', attempt.subject)
      .where('address', '=', attempt.address)
      .executeTakeFirstOrThrow();
    if (row.next_at > now) return false;
    const forgotten = now - row.last_at >= THROTTLE_MEMORY_MS;
    const attempts = (forgotten ? 0 : row.attempts) + 1;
    const claimed = await throttle
      .updateTable('sign_in_throttle')
      .set({ attempts, next_at: now + delayAfter(attempts), last_at: now })
      .where('principal_kind', '=', attempt.kind)
      .where('subject', '=', attempt.subject)
      .where('address', '=', attempt.address)
      .where('attempts', '=', row.attempts)
      .where('last_at', '=', row.last_at)
      .where('next_at', '<=', now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 1) return true;
    // Another attempt of the pair counted first: read the count again.
  }
}

async function clearAttempts(db: Executor, attempt: Attempt): Promise<void> {
  await tables(db)
    .deleteFrom('sign_in_throttle')
    .where('principal_kind', '=', attempt.kind)
    .where('subject', '=', attempt.subject)
    .where('address', '=', attempt.address)
    .execute();
}

/**
 * Checks a password against credentials (undefined when no login matched), throttled per
 * credentials and address: a stranger's guesses make the stranger wait, never the owner at another
 * address. The attempt is counted before the check. Every refusal spends what a check costs, so
 * neither the answer nor its timing tells an unknown login or a throttled pair from a wrong password.
 */
export async function checkPassword(
  db: Executor,
  now: number,
  params: ScryptParams,
  attempt: Attempt,
  passwordHash: string | undefined,
  password: string,
): Promise<SignInOutcome> {
  if (!(await claimAttempt(db, now, attempt))) {
    await hashPassword(password, params);
    return { ok: false, reason: 'throttled' };
  }
  if (passwordHash === undefined) {
    await hashPassword(password, params);
    return { ok: false, reason: 'unknown_login' };
  }
  if (!(await verifyPassword(password, passwordHash))) return { ok: false, reason: 'wrong_password' };
  await clearAttempts(db, attempt);
  return { ok: true };
}

export const THROTTLE_SWEEP_JOB = 'platform.sign_in_throttle.sweep';

/** Pairs quiet for a day start again from nothing anyway: their rows go. */
export async function deleteStaleThrottles(db: Executor, now: number): Promise<number> {
  const gone = await tables(db).deleteFrom('sign_in_throttle').where('last_at', '<=', now - THROTTLE_MEMORY_MS).executeTakeFirst();
  return Number(gone.numDeletedRows);
}

/**
 * Writes a refused sign-in to the audit log with its address and why it was refused: in the
 * enterprise the account would have entered, or under the platform (empty enterprise id) for an
 * operator or a login that matched nobody.
 */
export async function auditSignInFailure(
  db: Db,
  now: number,
  address: string,
  entry: { action: string; corpId: string; kind: PrincipalKind; principal: { id: string; name: string } | null; login: string; reason: string },
): Promise<void> {
  await db.transaction().execute((trx) =>
    audit(
      { corpId: entry.corpId, trx, now, ip: address, actor: { kind: entry.kind, id: entry.principal?.id ?? '', name: entry.principal?.name ?? entry.login } },
      { action: entry.action, target: { type: entry.kind, id: entry.principal?.id ?? '' }, after: { login: entry.login, reason: entry.reason } },
    ),
  );
}
