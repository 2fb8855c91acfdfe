import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { publish } from '../../platform/events.ts';
import { systemCtx, type JobContext } from '../../platform/jobs.ts';
import { DAY, HOUR } from '../../platform/clock.ts';
import { audit } from '../../platform/audit.ts';
import { DomainError } from '../../platform/errors.ts';
import { displayYuan } from '../../platform/money.ts';
import { checkRecipients, expandRecipients, type Recipients } from '../directory/index.ts';
import { WalletEvents } from './wallet.events.ts';
import { ensureWallet, type Posted } from './ledger.service.ts';
import type { AlertFrequency } from './wallet.tables.ts';
import { tables } from './wallet.tables.ts';

/**
 * 余额预警: off by default. While the available balance is below the alert amount, each recipient
 * gets one message per period (hour, day or week, in China time) from the 高级功能 app; at or
 * above the amount, none. Checked by an hourly job and right after every debit.
 */
export interface AlertSettings {
  enabled: boolean;
  /** A non-negative whole number of yuan (预警金额可设置为任意自然数). */
  amountYuan: number;
  frequency: AlertFrequency;
  recipients: { memberIds: string[]; departmentIds: string[]; tagIds: string[] };
}

export const ALERT_JOB = 'wallet.balance_alerts';
const CHINA_OFFSET = 8 * HOUR;

/** Start of the period containing `now`: the hour, the day from 00:00, or the week from Monday 00:00 (UTC+8). */
export function periodStart(frequency: AlertFrequency, now: number): number {
  if (frequency === 'hourly') return Math.floor(now / HOUR) * HOUR;
  const day = Math.floor((now + CHINA_OFFSET) / DAY);
  // 1970-01-01 was a Thursday: three days after a Monday.
  const first = frequency === 'daily' ? day : day - ((day + 3) % 7);
  return first * DAY - CHINA_OFFSET;
}

function parseRecipients(json: string): AlertSettings['recipients'] {
  const r = JSON.parse(json) as Partial<AlertSettings['recipients']>;
  return { memberIds: r.memberIds ?? [], departmentIds: r.departmentIds ?? [], tagIds: r.tagIds ?? [] };
}

export async function getAlert(db: Executor, corpId: string): Promise<AlertSettings> {
  const row = await tables(db).selectFrom('wallets').select(['alert_enabled', 'alert_fen', 'alert_frequency', 'alert_recipients_json']).where('corp_id', '=', corpId).executeTakeFirst();
  if (!row) return { enabled: false, amountYuan: 0, frequency: 'daily', recipients: { memberIds: [], departmentIds: [], tagIds: [] } };
  return { enabled: row.alert_enabled === 1, amountYuan: Number(row.alert_fen) / 100, frequency: row.alert_frequency, recipients: parseRecipients(row.alert_recipients_json) };
}

export async function setAlert(ctx: Ctx, input: AlertSettings): Promise<AlertSettings> {
  if (!Number.isSafeInteger(input.amountYuan) || input.amountYuan < 0) throw new DomainError('request.invalid', { field: '/amountYuan', reason: 'a non-negative whole number of yuan' });
  // 提醒对象 are this enterprise's members, departments and tags: any other id is refused before anything is written.
  await checkRecipients(ctx.trx, ctx.corpId, input.recipients, '/recipients');
  const before = await getAlert(ctx.trx, ctx.corpId);
  await ensureWallet(ctx);
  const recipients = {
    memberIds: [...new Set(input.recipients.memberIds)],
    departmentIds: [...new Set(input.recipients.departmentIds)],
    tagIds: [...new Set(input.recipients.tagIds)],
  };
  await tables(ctx.trx)
    .updateTable('wallets')
    .set({ alert_enabled: input.enabled ? 1 : 0, alert_fen: input.amountYuan * 100, alert_frequency: input.frequency, alert_recipients_json: JSON.stringify(recipients), updated_at: ctx.now })
    .where('corp_id', '=', ctx.corpId)
    .execute();
  const after = await getAlert(ctx.trx, ctx.corpId);
  await audit(ctx, { action: 'wallet.alert.update', target: { type: 'wallet', id: ctx.corpId }, before, after });
  await checkAlert(ctx);
  return after;
}

/** The members an alert reaches: named members, departments' and tags' members, each once. */
export async function alertRecipients(db: Executor, corpId: string, recipients: Recipients): Promise<string[]> {
  return expandRecipients(db, corpId, recipients);
}

/**
 * Announces this period's message to each recipient when the balance is below the alert amount (the
 * inbox delivers it once per recipient and period). Returns how many recipients it names.
 */
export async function checkAlert(ctx: Ctx): Promise<number> {
  const row = await tables(ctx.trx).selectFrom('wallets').selectAll().where('corp_id', '=', ctx.corpId).executeTakeFirst();
  if (!row || row.alert_enabled !== 1) return 0;
  const balance = Number(row.balance);
  const threshold = Number(row.alert_fen);
  if (balance >= threshold) return 0;
  const members = await alertRecipients(ctx.trx, ctx.corpId, parseRecipients(row.alert_recipients_json));
  const period = periodStart(row.alert_frequency, ctx.now);
  if (members.length === 0) return 0;
  await publish(ctx, WalletEvents['wallet.balance_low'], {
    memberIds: members,
    title: '余额不足提醒',
    body: `企业可用余额 ${displayYuan(balance)}，低于预警金额 ${displayYuan(threshold)}，请及时充值，避免影响业务使用。`,
    text: { key: 'wallet.balance_low', params: { balanceFen: balance, thresholdFen: threshold } },
    link: '/wallet',
    dedupeKey: `wallet-alert:${row.alert_frequency}:${period}`,
  });
  return members.length;
}

/** Right after a debit: only when the new balance crossed below the alert amount is any reading done. */
export async function alertIfLow(ctx: Ctx, posted: Posted): Promise<void> {
  if (posted.alert.enabled && posted.balanceAfter < posted.alert.fen) await checkAlert(ctx);
}

/** The scheduled pass: every enterprise whose balance is below its alert amount, each in its own transaction. */
export async function runAlerts(job: Pick<JobContext, 'db' | 'now' | 'log' | 'registry'>): Promise<number> {
  const db = job.db;
  const low = await tables(db)
    .selectFrom('wallets')
    .select('corp_id')
    .where('alert_enabled', '=', 1)
    .whereRef('balance', '<', 'alert_fen')
    .execute();
  let sent = 0;
  for (const { corp_id } of low) {
    sent += await db.transaction().execute((trx) => checkAlert(systemCtx(job, corp_id, trx)));
  }
  return sent;
}
