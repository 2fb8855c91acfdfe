import type { Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { DAY, chinaTime, toIso } from '../../platform/clock.ts';
import { systemCtx, type JobContext } from '../../platform/jobs.ts';
import { audit } from '../../platform/audit.ts';
import { publish } from '../../platform/events.ts';
import type { MemberNotice } from '../../platform/notice.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { can } from '../../platform/policy/index.ts';
import { certificationsEndingBetween, corpsByIds, getCorp, isCertified, setCertification } from '../corp/index.ts';
import { adminMemberIds } from '../directory/index.ts';
import { assertQuoted, catalogItem, payWithBalance, priceQuote, type PriceQuote } from '../wallet/index.ts';
import { CertificationErrors } from './certification.errors.ts';
import { CertificationEvents } from './certification.events.ts';
import { assertScans, scansOf, type ScanView } from './files.ts';
import { tables, type ApplicationStatus, type CertificationTables } from './certification.tables.ts';

/**
 * 企业认证 as an application: a super admin submits the subject, the licence and a contact and pays
 * the review fee from the wallet; the operator approves it with a validity or rejects it with a
 * reason. Until the review, the enterprise's certification stays as it was; it lapses at its end
 * instant (corp.isCertified), and everything that asks (the 100-customer cap, invoices) follows.
 */
export const CERTIFICATION_ITEM = 'certification';
/** Expiry warnings go out this many days before the end, each once. */
export const WARNING_DAYS = [30, 7, 1] as const;

type Row = CertificationTables['certification_applications'];

export interface ApplicationView {
  id: string;
  corpId: string;
  status: ApplicationStatus;
  subjectName: string;
  licenceName: string;
  creditCode: string;
  licenceFile: ScanView | null;
  contactName: string;
  contactPhone: string;
  feeFen: number;
  submittedBy: string;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  validUntil: string | null;
  rejectReason: string | null;
}

export interface CertificationState {
  certified: boolean;
  certifiedUntil: string | null;
  /** Days left when the certification ends within 30 days (the console's banner), else null. */
  expiresInDays: number | null;
  /** The latest application, whatever its state. */
  latest: ApplicationView | null;
  /** Whether the caller may submit an application now (a super admin, none under review). */
  mayApply: boolean;
}

async function toViews(db: Executor, corpId: string, rows: Row[]): Promise<ApplicationView[]> {
  const scans = await scansOf(db, corpId, rows.map((r) => r.licence_file));
  return rows.map((r) => ({
    id: r.id,
    corpId: r.corp_id,
    status: r.status,
    subjectName: r.subject_name,
    licenceName: r.licence_name,
    creditCode: r.credit_code,
    licenceFile: scans.get(r.licence_file) ?? null,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    feeFen: Number(r.fee_fen),
    submittedBy: r.submitted_by_name,
    submittedAt: toIso(r.submitted_at),
    reviewedBy: r.reviewed_by_name,
    reviewedAt: toIso(r.reviewed_at),
    validUntil: toIso(r.valid_until),
    rejectReason: r.reject_reason,
  }));
}

async function latestRow(db: Executor, corpId: string): Promise<Row | undefined> {
  return tables(db).selectFrom('certification_applications').selectAll().where('corp_id', '=', corpId).orderBy('submitted_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export async function certificationState(ctx: ReadCtx): Promise<CertificationState> {
  const corp = await getCorp(ctx.trx, ctx.corpId);
  const certified = await isCertified(ctx.trx, ctx.corpId, ctx.now);
  const until = corp.certifiedUntil === null ? null : Date.parse(corp.certifiedUntil);
  const left = certified && until !== null && until - ctx.now <= 30 * DAY ? Math.ceil((until - ctx.now) / DAY) : null;
  const latest = await latestRow(ctx.trx, ctx.corpId);
  return {
    certified,
    certifiedUntil: corp.certifiedUntil,
    expiresInDays: left,
    latest: latest ? (await toViews(ctx.trx, ctx.corpId, [latest]))[0]! : null,
    mayApply: latest?.status !== 'review' && (await can(ctx, 'certification.apply')),
  };
}

/** The application's own, by id, of the enterprise (another enterprise's id is not found). */
export async function getApplication(db: Executor, corpId: string, id: string): Promise<ApplicationView> {
  const row = await tables(db).selectFrom('certification_applications').selectAll().where('corp_id', '=', corpId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', { id });
  return (await toViews(db, corpId, [row]))[0]!;
}

/**
 * The paid fee a rejected application leaves for the next one (a resubmission is not charged again):
 * the latest rejected application's order, when no later application used it.
 */
const carriedFeeOrder = (latest: Row | undefined): string | undefined => (latest?.status === 'rejected' ? latest.fee_order_id : undefined);

function feeFen(): number {
  return catalogItem(CERTIFICATION_ITEM)!.unitFen;
}

/** What submitting charges now: a year's review fee (企业微信认证), or nothing when a rejected application's fee carries over. */
export async function quoteApplication(db: Executor, corpId: string): Promise<PriceQuote> {
  const carried = carriedFeeOrder(await latestRow(db, corpId));
  return priceQuote(db, corpId, { item: CERTIFICATION_ITEM, quantity: 1, totalFen: carried ? 0 : feeFen(), validUntil: null });
}

export interface ApplicationInput {
  subjectName: string;
  licenceName: string;
  creditCode: string;
  licenceFileId: string;
  contactName: string;
  contactPhone: string;
  quotedFen: number;
  idempotencyKey: string;
}

/** The subject as written, and as compared: surrounding spaces and full-width brackets do not make a difference. */
const comparable = (name: string) => name.trim().replaceAll('（', '(').replaceAll('）', ')');

/**
 * Submits an application at the price the admin confirmed: the fee, the application and its audit
 * row are one transaction; the same key replays the first result. The certification in force is
 * not touched until the operator's review.
 */
export async function submitApplication(ctx: Ctx, input: ApplicationInput): Promise<ApplicationView> {
  return idempotent(ctx, `certification:${input.idempotencyKey}`, { command: 'certification.submit', ...input }, async () => {
    const subject = input.subjectName.trim();
    if (comparable(subject) !== comparable(input.licenceName)) {
      throw new DomainError(CertificationErrors['certification.subject_mismatch'], { subjectName: subject, licenceName: input.licenceName.trim() });
    }
    await assertScans(ctx.trx, ctx.corpId, { licenceFileId: input.licenceFileId });
    await publish(ctx, CertificationEvents['certification.subject_proposed'], { subjectName: subject });
    const latest = await latestRow(ctx.trx, ctx.corpId);
    if (latest?.status === 'review') throw new DomainError(CertificationErrors['certification.under_review'], { applicationId: latest.id });
    const carried = carriedFeeOrder(latest);
    let orderId: string;
    let charged = 0;
    if (carried) {
      assertQuoted(input.quotedFen, 0);
      orderId = carried;
    } else {
      charged = feeFen();
      const paid = await payWithBalance(ctx, {
        item: CERTIFICATION_ITEM,
        amountFen: charged,
        quotedFen: input.quotedFen,
        quantity: 1,
        idempotencyKey: `certification-pay:${input.idempotencyKey}`,
        description: `企业微信认证 审核服务费（${subject}）`,
      });
      orderId = paid.orderId;
    }
    const id = newId('cert', ctx.now);
    await tables(ctx.trx)
      .insertInto('certification_applications')
      .values({
        corp_id: ctx.corpId,
        id,
        subject_name: subject,
        licence_name: input.licenceName.trim(),
        credit_code: input.creditCode,
        licence_file: input.licenceFileId,
        contact_name: input.contactName.trim(),
        contact_phone: input.contactPhone,
        status: 'review',
        fee_order_id: orderId,
        fee_fen: charged,
        submitted_by_name: ctx.actor.name,
        submitted_at: ctx.now,
        reviewed_by_name: null,
        reviewed_at: null,
        valid_until: null,
        reject_reason: null,
      })
      .execute();
    await audit(ctx, { action: 'certification.submit', target: { type: 'certification', id }, after: { subjectName: subject, creditCode: input.creditCode, feeFen: charged } });
    return getApplication(ctx.trx, ctx.corpId, id);
  });
}

export type ReviewInput = { applicationId: string } & ({ decision: 'approve'; validUntil: number } | { decision: 'reject'; reason: string });

/**
 * The operator's decision on an application under review (`ctx.corpId`'s): approved, the enterprise is
 * certified until `validUntil` with the subject as its full name; rejected, nothing changes and the
 * reason is shown. Either way the admins hear of it.
 */
export async function reviewApplication(ctx: Ctx, input: ReviewInput): Promise<ApplicationView> {
  if (input.decision === 'approve' && input.validUntil <= ctx.now) throw new DomainError(CertificationErrors['certification.validity_in_past'], { validUntil: toIso(input.validUntil) });
  const done = await tables(ctx.trx)
    .updateTable('certification_applications')
    .set({
      status: input.decision === 'approve' ? 'approved' : 'rejected',
      reviewed_by_name: ctx.actor.name,
      reviewed_at: ctx.now,
      valid_until: input.decision === 'approve' ? input.validUntil : null,
      reject_reason: input.decision === 'reject' ? input.reason.trim() : null,
    })
    .where('corp_id', '=', ctx.corpId)
    .where('id', '=', input.applicationId)
    .where('status', '=', 'review')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw new DomainError(CertificationErrors['certification.not_under_review'], { applicationId: input.applicationId });
  const view = await getApplication(ctx.trx, ctx.corpId, input.applicationId);
  if (input.decision === 'approve') await setCertification(ctx, input.validUntil, view.subjectName);
  await audit(ctx, {
    action: input.decision === 'approve' ? 'certification.approve' : 'certification.reject',
    target: { type: 'certification', id: view.id },
    after: input.decision === 'approve' ? { subjectName: view.subjectName, validUntil: view.validUntil } : { reason: view.rejectReason },
  });
  await notifyAdmins(ctx, {
    title: input.decision === 'approve' ? '企业认证审核通过' : '企业认证审核未通过',
    body: input.decision === 'approve' ? `认证主体：${view.subjectName}，有效期至 ${chinaTime(view.validUntil!)}` : `原因：${view.rejectReason}。修改后可重新提交，无需再次付费。`,
    text: input.decision === 'approve' ? { key: 'certification.approved', params: { subject: view.subjectName, validUntil: view.validUntil! } } : { key: 'certification.rejected', params: { reason: view.rejectReason ?? '' } },
    dedupeKey: `certification:${view.id}:${input.decision}`,
  });
  return view;
}

async function notifyAdmins(ctx: Ctx, notice: Omit<MemberNotice, 'memberIds' | 'link'>): Promise<number> {
  const memberIds = await adminMemberIds(ctx);
  if (memberIds.length > 0) await publish(ctx, CertificationEvents['certification.notified'], { memberIds, link: '/certification', ...notice });
  return memberIds.length;
}

/** The operator's queue: applications under review, oldest first (ids are time-ordered), across enterprises, a page after the cursor (the last id). */
export async function listPendingApplications(db: Executor, query: { cursor?: string | undefined; limit: number }): Promise<{ items: (ApplicationView & { corpName: string })[]; nextCursor: string | null }> {
  let q = tables(db).selectFrom('certification_applications').selectAll().where('status', '=', 'review');
  if (query.cursor) q = q.where('id', '>', query.cursor);
  const rows = await q.orderBy('id').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const names = new Map((await corpsByIds(db, page.map((r) => r.corp_id))).map((c) => [c.id, c.name]));
  const items: (ApplicationView & { corpName: string })[] = [];
  for (const row of page) items.push({ ...(await toViews(db, row.corp_id, [row]))[0]!, corpName: names.get(row.corp_id) ?? '' });
  return { items, nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}

/**
 * The expiry warning due for a certification ending at `until`, seen at `now`: the nearest of 30, 7
 * and 1 days it is within, or none (more than 30 days left, or already ended).
 */
export function warningDue(until: number, now: number): number | undefined {
  if (until <= now) return undefined;
  return [...WARNING_DAYS].reverse().find((days) => until - now <= days * DAY);
}

/** Sends the enterprise's due expiry warning, once per end and threshold; returns whether it sent one. */
export async function warnIfDue(ctx: Ctx, until: number): Promise<boolean> {
  const days = warningDue(until, ctx.now);
  if (days === undefined) return false;
  const inserted = await tables(ctx.trx)
    .insertInto('certification_warnings')
    .values({ corp_id: ctx.corpId, valid_until: until, days, sent_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'valid_until', 'days']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await notifyAdmins(ctx, {
    title: '企业认证即将到期',
    body: `企业认证将于 ${chinaTime(toIso(until))} 到期（不足 ${days} 天）。到期后客户添加上限恢复为 100 人，发票等依赖认证的功能将不可用，请及时申请认证。`,
    text: { key: 'certification.expiring', params: { until: toIso(until)!, days } },
    dedupeKey: `certification:expiry:${until}:${days}`,
  });
  return true;
}

export const WARNING_JOB = 'certification.expiry_warnings';

/** The scheduled pass: every certification ending within 30 days, each enterprise in its own transaction. */
export async function runWarnings(job: Pick<JobContext, 'db' | 'now' | 'log' | 'registry'>): Promise<number> {
  let sent = 0;
  for (const { corpId, certifiedUntil } of await certificationsEndingBetween(job.db, job.now, job.now + WARNING_DAYS[0] * DAY)) {
    if (await job.db.transaction().execute((trx) => warnIfDue(systemCtx(job, corpId, trx), certifiedUntil))) sent++;
  }
  return sent;
}
