import type { Ctx } from '../../platform/context.ts';
import type { Db, Executor, Tx } from '../../platform/db/tables.ts';
import { createSession, setSessionCorp } from '../../platform/auth/sessions.ts';
import { runSignInGuards, type DeviceClaim } from '../../platform/auth/sign-in-guards.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import type { Registry } from '../../platform/module.ts';
import { roleOfAccount } from '../../platform/policy/index.ts';
import { getAccount, newPasswordRequired, takeCreatorSlot, type AccountView } from '../account/index.ts';
import { CorpErrors, corpsByIds, insertCorp, type CorpView, type NewCorp } from '../corp/index.ts';
import { activeMemberOfAccount, corpIdsOfAccount, createRootDepartment, insertMember } from '../directory/index.ts';
import { externalAdminCorpIds } from '../admin/index.ts';

/** Where a signed-in account stands: the enterprises it can enter, and what it is in the current one. */
export interface Me {
  account: AccountView;
  corps: { id: string; name: string; shortName: string; isCreator: boolean }[];
  currentCorp: CorpView | null;
  member: { id: string; name: string } | null;
  /** What the console shows: admin pages for any admin, their own rights decided per page by the API. */
  roles: { creator: boolean; superAdmin: boolean; hierarchicalAdmin: boolean };
  /** 下次登录时修改密码: nothing else until a new password is set. */
  newPasswordRequired: boolean;
}

/** What the session's reads need: the database and the modules' providers. */
export interface SessionDeps {
  db: Executor;
  registry: Registry;
}

/** Enterprises an account can enter: where it is an active member or an external super admin. */
async function enterable(db: Executor, accountId: string) {
  const ids = [...(await corpIdsOfAccount(db, accountId)), ...(await externalAdminCorpIds(db, accountId))];
  return corpsByIds(db, ids);
}

export async function corpsOfAccount(db: Executor, accountId: string): Promise<Me['corps']> {
  return (await enterable(db, accountId)).map((c) => ({ id: c.id, name: c.name, shortName: c.shortName, isCreator: c.creatorAccountId === accountId }));
}

export async function describeMe(deps: SessionDeps, accountId: string, corpId: string | null): Promise<Me> {
  const account = await getAccount(deps.db, accountId);
  const corps = await enterable(deps.db, accountId);
  const current = corps.find((c) => c.id === corpId);
  const member = current ? await activeMemberOfAccount(deps.db, current.id, accountId) : undefined;
  const rank = current ? roleOfAccount(await deps.registry.providers.roles(deps.db, current.id), accountId, member?.id ?? null) : 'none';
  return {
    account,
    corps: corps.map((c) => ({ id: c.id, name: c.name, shortName: c.shortName, isCreator: c.creatorAccountId === accountId })),
    currentCorp: current ? { id: current.id, name: current.name, shortName: current.shortName, industry: current.industry, language: current.language, certifiedUntil: current.certifiedUntil } : null,
    member: member ? { id: member.id, name: member.name } : null,
    roles: { creator: rank === 'creator', superAdmin: rank === 'creator' || rank === 'super', hierarchicalAdmin: rank === 'hierarchical' },
    newPasswordRequired: await newPasswordRequired(deps.db, accountId),
  };
}

/**
 * 注册企业: the account becomes the enterprise's creator (one of its five creator slots) and its first
 * member, in the root department named after the enterprise, all in the caller's transaction.
 */
export async function registerCorp(trx: Tx, ctx: Pick<Ctx, 'now' | 'ip' | 'log' | 'registry'>, account: AccountView, input: NewCorp): Promise<string> {
  await takeCreatorSlot(trx, account.id);
  const corpId = await insertCorp(trx, ctx.now, input, account.id);
  const inCorp = { ...ctx, corpId, trx };
  const root = await createRootDepartment(inCorp, input.name);
  const memberId = await insertMember(inCorp, { name: account.name, userid: account.loginName, accountId: account.id, phone: account.phone, departmentIds: [root], mainDepartmentId: root });
  await audit({ ...inCorp, actor: { kind: 'member', id: memberId, name: account.name, accountId: account.id } }, { action: 'corp.register', target: { type: 'corp', id: corpId }, after: input });
  return corpId;
}

/**
 * Opens a session for an account that proved who it is (by password or through the enterprise's
 * identity provider) and audits the sign-in in the enterprise it enters, in one transaction. A
 * password sign-in of an account asked to change its password opens a session that must do so first;
 * the identity provider vouches for the person without the password. The registry's sign-in guards
 * (设备管理) decide first: a refusal commits what they recorded and its audit row, then is thrown.
 */
export async function beginSession(
  db: Db,
  registry: Registry,
  now: number,
  ip: string,
  account: AccountView,
  corpId: string | null,
  method: 'password' | 'oidc',
  device: DeviceClaim | null,
): Promise<{ cookie: string; csrfToken: string }> {
  const outcome = await db.transaction().execute(async (trx) => {
    const actor = corpId ? await registry.providers.accountActor(trx, corpId, account.id) : undefined;
    const who = actor ?? { kind: 'account' as const, id: account.id, name: account.name };
    const guarded = corpId && actor ? await runSignInGuards(registry.signInGuards, { trx, registry, now, ip, corpId, actor, device }) : { allowed: true as const, onSessions: [] };
    if ('refused' in guarded) {
      await audit({ corpId: corpId ?? '', trx, now, ip, actor: who }, { action: 'auth.sign_in_refused', target: { type: 'account', id: account.id }, after: { method, reason: guarded.refused.code } });
      return guarded;
    }
    const passwordChange = method === 'password' && (await newPasswordRequired(trx, account.id));
    const created = await createSession(trx, now, { kind: 'account', id: account.id, corpId, passwordChange });
    for (const onSession of guarded.onSessions) await onSession(created.hash);
    await audit({ corpId: corpId ?? '', trx, now, ip, actor: who }, { action: 'auth.sign_in', target: { type: 'account', id: account.id }, after: { method } });
    return { created };
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.created;
}

/**
 * Moves a session to another enterprise the account can enter, after that enterprise's sign-in
 * guards allow it (a refusal commits what they recorded, then is thrown).
 */
export async function enterCorp(db: Db, registry: Registry, request: { now: number; ip: string; sessionHash: string; accountId: string; corpId: string; device: DeviceClaim | null }): Promise<void> {
  const refused = await db.transaction().execute(async (trx) => {
    const actor = await registry.providers.accountActor(trx, request.corpId, request.accountId);
    if (!actor) return new DomainError(CorpErrors['corp.not_member']);
    const guarded = await runSignInGuards(registry.signInGuards, { trx, registry, now: request.now, ip: request.ip, corpId: request.corpId, actor, device: request.device });
    if ('refused' in guarded) return guarded.refused;
    await setSessionCorp(trx, request.sessionHash, request.corpId);
    for (const onSession of guarded.onSessions) await onSession(request.sessionHash);
    return undefined;
  });
  if (refused) throw refused;
}
