import type { Kysely } from 'kysely';
import { sql } from 'kysely';

const ZH = [
  '一、充值款项仅可用于为本企业购买高级功能及支付企业认证服务费用，不可转让给其他企业。',
  '二、对公转账/汇款时，付款方须为企业全称，并须在“用途/备注/摘要”中填写识别码；识别码、金额与付款方一致后入账。',
  '三、已消耗的充值款项可按退款说明申请退款，并可申请发票；未消耗的充值款项不开具发票，仅可由平台人工退款。',
  '四、平台运营方可修改本协议；修改后的协议自发布时起适用于此后的充值。',
].join('\n');

const EN = [
  "1. Top-ups may only pay for this enterprise's advanced features and certification fees; they cannot be transferred to another enterprise.",
  "2. A bank transfer must be paid by the enterprise's full name with the identification code in the remarks; it is credited once the code, the amount and the payer match.",
  '3. Consumed balance may be refunded as the refund policy says, and invoiced; unspent balance is not invoiced and is refunded only by the platform, by hand.',
  '4. The platform operator may change this agreement; a new version applies to top-ups made after it is published.',
].join('\n');

/**
 * 充值服务协议: the operator's versioned text (one row per published version, both languages), the
 * version each top-up agreed to, who started a top-up (the ledger's 操作者 once it is paid), and the
 * instant a pending top-up was closed. Rows older than this migration carry no agreement version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wallet_agreements')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_by_name', 'text', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .execute();
  // Version 1, until the operator publishes their own: top-ups need a text to agree to from the start.
  await sql`insert into wallet_agreements (version, body_zh, body_en, published_by, published_by_name, published_at) values (1, ${ZH}, ${EN}, 'system', '', 0)`.execute(db);
  await db.schema.alterTable('wallet_topups').addColumn('agreement_version', 'integer').execute();
  await db.schema.alterTable('wallet_topups').addColumn('created_by_name', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('wallet_topups').addColumn('closed_at', 'bigint').execute();
  // The ledger named the channel as a top-up's 操作者; the channel now has a column of its own.
  await db.schema.alterTable('wallet_txns').addColumn('channel', 'text').execute();
  await sql`update wallet_txns set channel = actor_id where actor_kind = 'system' and actor_id in ('bank_transfer', 'wechat_pay', 'qq_wallet', 'online_banking')`.execute(db);
}
