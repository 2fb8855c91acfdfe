import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Db, Executor, Tx } from '../../platform/db/tables.ts';
import { flag } from '../../platform/db/tables.ts';
import { audit } from '../../platform/audit.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ScryptParams } from '../../platform/auth/password.ts';
import { randomToken } from '../../platform/auth/tokens.ts';
import { LOGIN_NAME_PATTERN, createAccount, findAccountByLogin, getAccount, type AccountView } from '../account/index.ts';
import { insertMember, linkMemberAccount, memberForSignIn, rootDepartmentId } from '../directory/index.ts';
import { SsoErrors } from './sso.errors.ts';
import { tables, type MatchBy } from './sso.tables.ts';

/** A sign-in through the provider must come back within 10 minutes of starting. */
export const LOGIN_TTL_MS = 10 * 60_000;

export interface OidcSettings {
  configured: boolean;
  displayName: string;
  issuer: string;
  clientId: string;
  hasSecret: boolean;
  claim: string;
  matchBy: MatchBy;
  autoCreate: boolean;
}

export interface OidcSettingsInput {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  claim: string;
  matchBy: MatchBy;
  autoCreate: boolean;
}

const NOT_CONFIGURED: OidcSettings = { configured: false, displayName: '', issuer: '', clientId: '', hasSecret: false, claim: 'preferred_username', matchBy: 'userid', autoCreate: false };

async function providerRow(db: Executor, corpId: string) {
  return tables(db).selectFrom('oidc_providers').selectAll().where('corp_id', '=', corpId).executeTakeFirst();
}

export async function getSettings(ctx: ReadCtx): Promise<OidcSettings> {
  const row = await providerRow(ctx.trx, ctx.corpId);
  if (!row) return NOT_CONFIGURED;
  return { configured: true, displayName: row.display_name, issuer: row.issuer, clientId: row.client_id, hasSecret: true, claim: row.claim, matchBy: row.match_by, autoCreate: row.auto_create === 1 };
}

/** http is allowed only for an issuer on this machine (development and tests); anywhere else it must be https. */
function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
}

/** Saves the provider; the secret is kept when none is sent, and never leaves the server again. */
export async function saveSettings(ctx: Ctx, input: OidcSettingsInput): Promise<OidcSettings> {
  const issuer = new URL(input.issuer);
  if (issuer.protocol !== 'https:' && !isLoopbackHttp(issuer)) throw new DomainError(SsoErrors['sso.insecure_issuer'], { field: 'issuer' });
  const existing = await providerRow(ctx.trx, ctx.corpId);
  const secret = input.clientSecret ?? existing?.client_secret;
  if (secret === undefined) throw new DomainError(SsoErrors['sso.secret_required'], { field: 'clientSecret' });
  const values = {
    display_name: input.displayName,
    issuer: input.issuer,
    client_id: input.clientId,
    client_secret: secret,
    claim: input.claim,
    match_by: input.matchBy,
    auto_create: flag(input.autoCreate),
    updated_at: ctx.now,
  };
  await tables(ctx.trx)
    .insertInto('oidc_providers')
    .values({ corp_id: ctx.corpId, ...values })
    .onConflict((oc) => oc.column('corp_id').doUpdateSet(values))
    .execute();
  const { clientSecret, ...shown } = input;
  await audit(ctx, { action: 'sso.settings', target: { type: 'corp', id: ctx.corpId }, after: { ...shown, secretChanged: clientSecret !== undefined } });
  return getSettings(ctx);
}

/** What the sign-in page shows for an enterprise: whether it has a provider and its name. */
export async function providerOf(db: Executor, corpId: string): Promise<{ configured: boolean; displayName: string | null }> {
  const row = await providerRow(db, corpId);
  return { configured: row !== undefined, displayName: row?.display_name ?? null };
}

type ProviderRow = NonNullable<Awaited<ReturnType<typeof providerRow>>>;

async function discover(row: ProviderRow): Promise<oidc.Configuration> {
  const issuer = new URL(row.issuer);
  try {
    return await oidc.discovery(issuer, row.client_id, undefined, oidc.ClientSecretBasic(row.client_secret), isLoopbackHttp(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined);
  } catch {
    throw new DomainError(SsoErrors['sso.unreachable']);
  }
}

/**
 * Starts a sign-in: an authorization-code request with PKCE (S256), a state and a nonce kept until
 * the provider sends the person back. Returns the provider's address to send the browser to.
 */
export async function startSignIn(db: Executor, now: number, corpId: string, redirectUri: string): Promise<string> {
  const row = await providerRow(db, corpId);
  if (!row) throw new DomainError(SsoErrors['sso.not_configured']);
  const config = await discover(row);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = randomToken('oidc');
  const nonce = randomBytes(24).toString('base64url');
  const logins = tables(db);
  await logins.deleteFrom('oidc_logins').where('expires_at', '<=', now).execute();
  await logins.insertInto('oidc_logins').values({ state, corp_id: corpId, code_verifier: codeVerifier, nonce, redirect_uri: redirectUri, expires_at: now + LOGIN_TTL_MS }).execute();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return url.href;
}

/** Takes the sign-in started with this state, once: the enterprise it is for and what it needs to finish. */
export async function takeLogin(db: Executor, now: number, state: string) {
  const row = await tables(db).deleteFrom('oidc_logins').where('state', '=', state).returningAll().executeTakeFirst();
  if (!row || row.expires_at <= now) return undefined;
  return row;
}

export type SignInRefusal = 'sso.unreachable' | 'sso.no_claim' | 'sso.unknown_person' | 'sso.member_inactive' | 'sso.login_expired' | 'sso.not_configured';

/**
 * Finishes a sign-in the provider sent back: exchanges the code (with the PKCE verifier), checks the
 * id token (issuer, audience, nonce), reads the configured claim and finds the member it names. A
 * member without an account gets one (the provider vouches for them); an unknown person is refused
 * unless the enterprise lets the provider's people in, then they join the root department.
 */
export async function finishSignIn(
  db: Db,
  now: number,
  params: ScryptParams,
  login: { corp_id: string; code_verifier: string; nonce: string; redirect_uri: string; state: string },
  callbackQuery: string,
): Promise<{ ok: true; account: AccountView } | { ok: false; code: SignInRefusal; subject: string | null }> {
  const row = await providerRow(db, login.corp_id);
  if (!row) return { ok: false, code: 'sso.not_configured', subject: null };
  let claims: oidc.IDToken | undefined;
  try {
    const config = await discover(row);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(`${login.redirect_uri}?${callbackQuery}`), {
      pkceCodeVerifier: login.code_verifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch {
    return { ok: false, code: 'sso.unreachable', subject: null };
  }
  const value = claims?.[row.claim];
  if (typeof value !== 'string' || value === '') return { ok: false, code: 'sso.no_claim', subject: null };
  const displayName = typeof claims?.name === 'string' && claims.name !== '' ? claims.name.slice(0, 64) : undefined;
  // The provider has answered: only now a transaction, so none is held open across its round trips.
  return db.transaction().execute((trx) => personFor(trx, now, params, row, value, displayName));
}

async function personFor(
  trx: Tx,
  now: number,
  params: ScryptParams,
  row: ProviderRow,
  value: string,
  displayName: string | undefined,
): Promise<{ ok: true; account: AccountView } | { ok: false; code: SignInRefusal; subject: string | null }> {
  const ctx = { corpId: row.corp_id, trx, now };
  const member = await memberForSignIn(trx, row.corp_id, row.match_by, value);
  if (member && member.status !== 'active') return { ok: false, code: 'sso.member_inactive', subject: value };
  if (member?.accountId) return { ok: true, account: await getAccount(trx, member.accountId) };
  if (!member && row.auto_create !== 1) return { ok: false, code: 'sso.unknown_person', subject: value };
  const name = displayName ?? member?.name ?? value.slice(0, 64);
  const account = await createAccount(trx, now, params, { name, loginName: await freeLoginName(trx, row.match_by === 'userid' ? value : value.split('@')[0]!), password: randomBytes(24).toString('base64url') });
  if (member) {
    await linkMemberAccount(ctx, member.id, account.id);
  } else {
    const root = await rootDepartmentId(trx, row.corp_id);
    const userid = row.match_by === 'userid' ? value : await freeUserid(trx, row.corp_id, account.loginName);
    const memberId = await insertMember(ctx, { name, userid, accountId: account.id, email: row.match_by === 'email' ? value : null, departmentIds: [root], mainDepartmentId: root });
    await audit({ ...ctx, actor: { kind: 'member', id: memberId, name, accountId: account.id } }, { action: 'sso.member_created', target: { type: 'member', id: memberId }, after: { claim: row.claim, value } });
  }
  return { ok: true, account };
}

const LOGIN_NAME = new RegExp(LOGIN_NAME_PATTERN);

/** The account's login name: the person's own name at the provider when it fits and is free, else a generated one. */
async function freeLoginName(db: Executor, wanted: string): Promise<string> {
  if (LOGIN_NAME.test(wanted) && !(await findAccountByLogin(db, wanted))) return wanted;
  return `sso-${randomBytes(6).toString('hex')}`;
}

async function freeUserid(db: Executor, corpId: string, wanted: string): Promise<string> {
  return (await memberForSignIn(db, corpId, 'userid', wanted)) ? `sso-${randomBytes(6).toString('hex')}` : wanted;
}
