import { hashPassword, verifyPassword, type ScryptParams } from './password.ts';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface Credentials {
  id: string;
  password_hash: string;
  failed_sign_ins: number;
  locked_until: number | null;
}

/** Where a module keeps the failure count of its credentials (accounts, operators), in its own table. */
export interface CredentialStore {
  /** Counts one more failure in SQL, so concurrent wrong guesses cannot overwrite each other, and returns it. */
  countFailure(id: string): Promise<number>;
  lock(id: string, until: number): Promise<void>;
  reset(id: string): Promise<void>;
}

export type SignInOutcome = 'ok' | 'invalid' | 'locked';

/**
 * Checks a password and keeps the failure count. The fifth wrong password in a row locks the
 * credentials for 15 minutes; while locked even the right password is refused.
 */
export async function checkPassword(store: CredentialStore, row: Credentials | undefined, password: string, now: number, params: ScryptParams): Promise<SignInOutcome> {
  if (!row) {
    // Spend what a real check costs, so timing does not tell which logins exist.
    await hashPassword(password, params);
    return 'invalid';
  }
  if (row.locked_until !== null && row.locked_until > now) return 'locked';
  if (await verifyPassword(password, row.password_hash)) {
    if (row.failed_sign_ins !== 0 || row.locked_until !== null) await store.reset(row.id);
    return 'ok';
  }
  if ((await store.countFailure(row.id)) >= MAX_FAILED_SIGN_INS) {
    await store.lock(row.id, now + LOCKOUT_MS);
    return 'locked';
  }
  return 'invalid';
}
