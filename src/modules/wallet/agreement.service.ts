import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { toIso } from '../../platform/clock.ts';
import { audit } from '../../platform/audit.ts';
import { WalletErrors } from './wallet.errors.ts';
import { tables } from './wallet.tables.ts';

/**
 * 充值服务协议 (支持查看《腾讯企业微信充值服务协议》): the operator's text, in both languages, shown
 * before every top-up. Publishing never edits a version in place: it adds the next one, so the
 * version a top-up recorded still says what the enterprise agreed to.
 */
export interface AgreementView {
  version: number;
  bodyZh: string;
  bodyEn: string;
  publishedAt: string;
  publishedBy: string;
}

type AgreementRow = { version: number; body_zh: string; body_en: string; published_by_name: string; published_at: number };

function toView(r: AgreementRow): AgreementView {
  return { version: Number(r.version), bodyZh: r.body_zh, bodyEn: r.body_en, publishedAt: toIso(Number(r.published_at)), publishedBy: r.published_by_name };
}

/** The version in force: the highest published (migration 0032 publishes version 1). */
export async function currentAgreement(db: Executor): Promise<AgreementView> {
  const row = await tables(db).selectFrom('wallet_agreements').select(['version', 'body_zh', 'body_en', 'published_by_name', 'published_at']).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  return toView(row);
}

/** Every version, newest first. */
export async function agreementHistory(db: Executor, limit: number): Promise<AgreementView[]> {
  const rows = await tables(db).selectFrom('wallet_agreements').select(['version', 'body_zh', 'body_en', 'published_by_name', 'published_at']).orderBy('version', 'desc').limit(limit).execute();
  return rows.map(toView);
}

/** The operator publishes a new version; a concurrent publish of the same number fails on the key, never overwrites. */
export async function publishAgreement(ctx: Ctx, input: { bodyZh: string; bodyEn: string }): Promise<AgreementView> {
  const bodyZh = input.bodyZh.trim();
  const bodyEn = input.bodyEn.trim();
  if (!bodyZh) throw new DomainError('request.invalid', { field: '/bodyZh', reason: 'empty' });
  if (!bodyEn) throw new DomainError('request.invalid', { field: '/bodyEn', reason: 'empty' });
  const before = await currentAgreement(ctx.trx);
  const version = before.version + 1;
  await tables(ctx.trx)
    .insertInto('wallet_agreements')
    .values({ version, body_zh: bodyZh, body_en: bodyEn, published_by: ctx.actor.id, published_by_name: ctx.actor.name, published_at: ctx.now })
    .execute();
  await audit(ctx, { action: 'wallet.agreement.publish', target: { type: 'wallet_agreement', id: String(version) }, before: { version: before.version }, after: { version } });
  return currentAgreement(ctx.trx);
}

/**
 * A top-up goes ahead only after 「我已阅读并同意」 the version in force: none given is a 400; an older
 * one (the operator published since the dialog opened) is a 409, so the console shows the new text.
 */
export async function assertAgreed(db: Executor, agreementVersion: number | undefined): Promise<number> {
  if (agreementVersion === undefined) throw new DomainError(WalletErrors['wallet.agreement_required']);
  const current = await currentAgreement(db);
  if (agreementVersion !== current.version) throw new DomainError(WalletErrors['wallet.agreement_outdated'], { agreed: agreementVersion, current: current.version });
  return current.version;
}
