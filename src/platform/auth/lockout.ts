import { sql } from 'kysely';
import type { Executor } from '../db/schema.ts';
import { hashPassword, verifyPassword, type ScryptParams } from './password.ts';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60_000;


export interface Credentials {
  id: string;
  password_hash: string;
  failed_sign_ins: number;
  locked_until: number | null;
}

export type SignInOutcome = 'ok' | 'invalid' | 'locked';

/**
 * Checks a password and keeps the failure count. The fifth wrong password in a row locks the
 * credentials for 15 minutes; while locked even the right password is refused.
 */
export async function checkPassword(
  db: Executor,
  table: 'accounts' | 'operators',
  row: Credentials | undefined,
  password: string,
  now: number,
  params: ScryptParams,
): Promise<SignInOutcome> {
  if (!row) {
    // Spend what a real check costs, so timing does not tell which logins exist.
    await hashPassword(password, params);
    return 'invalid';
  }
  if (row.locked_until !== null && row.locked_until > now) return 'locked';
  if (await verifyPassword(password, row.password_hash)) {
    if (row.failed_sign_ins !== 0 || row.locked_until !== null) {
      await db.updateTable(table).set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', row.id).execute();
    }
    return 'ok';
  }
  // Counted in SQL so concurrent wrong guesses cannot overwrite each other's count.
  const updated = await db
    .updateTable(table)
    .set({ failed_sign_ins: sql<number>`failed_sign_ins + 1` })
    .where('id', '=', row.id)
    .returning('failed_sign_ins')
    .executeTakeFirstOrThrow();
  if (updated.failed_sign_ins >= MAX_FAILED_SIGN_INS) {
    await db.updateTable(table).set({ failed_sign_ins: 0, locked_until: now + LOCKOUT_MS }).where('id', '=', row.id).execute();
    return 'locked';
  }
  return 'invalid';
}
