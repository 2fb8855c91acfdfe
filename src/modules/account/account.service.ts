import './account.tables.ts';
import type { Executor } from '../../platform/db/schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword, type ScryptParams } from '../../platform/auth/password.ts';
import { checkPassword } from '../../platform/auth/lockout.ts';
import { deleteOtherSessions } from '../../platform/auth/sessions.ts';
import { AccountErrors } from './account.errors.ts';

export interface AccountView {
  id: string;
  name: string;
  loginName: string;
  phone: string | null;
}

export interface NewAccount {
  name: string;
  loginName: string;
  phone?: string | undefined;
  password: string;
}

export async function createAccount(trx: Executor, now: number, params: ScryptParams, input: NewAccount): Promise<AccountView> {
  const taken = await trx
    .selectFrom('accounts')
    .select('id')
    .where((eb) => eb.or([eb('login_name', '=', input.loginName), ...(input.phone ? [eb('phone', '=', input.phone)] : [])]))
    .executeTakeFirst();
  if (taken) throw new DomainError(AccountErrors['account.login_taken']);
  const id = newId('acc', now);
  await trx
    .insertInto('accounts')
    .values({ id, login_name: input.loginName, phone: input.phone ?? null, name: input.name, password_hash: await hashPassword(input.password, params), created_corps: 0, failed_sign_ins: 0, locked_until: null, created_at: now, updated_at: now })
    .execute();
  return { id, name: input.name, loginName: input.loginName, phone: input.phone ?? null };
}

export async function getAccount(db: Executor, id: string): Promise<AccountView> {
  const row = await db.selectFrom('accounts').select(['id', 'name', 'login_name', 'phone']).where('id', '=', id).executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, loginName: row.login_name, phone: row.phone };
}

/** Signs in by login name or phone number. */
export async function authenticate(db: Executor, now: number, params: ScryptParams, login: string, password: string): Promise<AccountView> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where((eb) => eb.or([eb('login_name', '=', login), eb('phone', '=', login)]))
    .executeTakeFirst();
  const outcome = await checkPassword(db, 'accounts', row, password, now, params);
  if (outcome === 'locked') throw new DomainError(AccountErrors['auth.locked']);
  if (outcome === 'invalid' || !row) throw new DomainError(AccountErrors['auth.invalid_credentials']);
  return { id: row.id, name: row.name, loginName: row.login_name, phone: row.phone };
}

export async function changePassword(
  db: Executor,
  now: number,
  params: ScryptParams,
  session: { accountId: string; sessionHash: string },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', session.accountId).executeTakeFirstOrThrow();
  const outcome = await checkPassword(db, 'accounts', row, input.currentPassword, now, params);
  if (outcome === 'locked') throw new DomainError(AccountErrors['auth.locked']);
  if (outcome === 'invalid') throw new DomainError(AccountErrors['account.wrong_password']);
  await db.updateTable('accounts').set({ password_hash: await hashPassword(input.newPassword, params), updated_at: now }).where('id', '=', row.id).execute();
  await deleteOtherSessions(db, 'account', row.id, session.sessionHash);
}
