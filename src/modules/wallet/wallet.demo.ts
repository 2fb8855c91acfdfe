import type { Ctx } from '../../platform/context.ts';
import type { DemoState } from '../../platform/module.ts';
import { HOUR } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { clearingAccount, post, revenueAccount } from './ledger.service.ts';
import { transferCode } from './channels.ts';
import { markSandbox } from './sandbox.ts';
import { tables } from './wallet.tables.ts';
import { insertTopupRow } from './topups.service.ts';

/**
 * The demo enterprise's wallet: two top-ups (a bank transfer and WeChat Pay), a purchase paid with
 * the balance, a bank transfer still waiting for the operator, and a daily balance alert at ¥1,000.
 * Its online top-ups are paid by the sandbox whatever the server's flag says: the demo's money is
 * make-believe, and a newcomer trying `npx banyan demo` then `npm start` can try a top-up end to end.
 */
export async function fillDemoWallet(ctx: Ctx, state: DemoState): Promise<void> {
  const creator = { id: state.creator.memberId, name: state.creator.name };
  const actor = { kind: 'member', id: creator.id, name: creator.name };
  const at = (hoursAgo: number) => ({ ...ctx, now: ctx.now - hoursAgo * HOUR });
  await markSandbox(ctx);
  await post({ ...at(72), actor }, { type: 'topup', amount: 2_000_000, counterAccount: clearingAccount('bank_transfer'), channel: 'bank_transfer', description: '对公转账/汇款充值' });
  await post({ ...at(48), actor }, { type: 'topup', amount: 500_000, counterAccount: clearingAccount('wechat_pay'), channel: 'wechat_pay', description: '微信支付充值' });
  const orderId = newId('ord', ctx.now - 24 * HOUR);
  await tables(ctx.trx)
    .insertInto('wallet_orders')
    .values({ corp_id: ctx.corpId, id: orderId, item: 'mail', quantity: 20, amount: 120_000, status: 'paid', paid_by: 'balance', description: '邮件高级功能 × 20', txn_id: null, created_by: creator.id, created_by_name: creator.name, created_at: ctx.now - 24 * HOUR, paid_at: ctx.now - 24 * HOUR, refunded_at: null })
    .execute();
  const paid = await post({ ...at(24), actor }, { type: 'purchase', amount: -120_000, counterAccount: revenueAccount('mail'), description: '邮件高级功能 × 20', item: 'mail', orderId, consumedDelta: 120_000 });
  await tables(ctx.trx).updateTable('wallet_orders').set({ txn_id: paid.txnId }).where('corp_id', '=', ctx.corpId).where('id', '=', orderId).execute();
  await insertTopupRow(ctx.trx, { corp_id: ctx.corpId, id: newId('top', ctx.now), channel: 'bank_transfer', amount: 1_000_000, status: 'pending', code: transferCode(), order_id: null, pending_reason: null, channel_trade_no: null, payer_name: null, txn_id: null, created_by: creator.id, created_by_name: creator.name, agreement_version: 1, created_at: ctx.now, paid_at: null, closed_at: null });
  await tables(ctx.trx)
    .updateTable('wallets')
    .set({ alert_enabled: 1, alert_fen: 100_000, alert_frequency: 'daily', alert_recipients_json: JSON.stringify({ memberIds: [creator.id], departmentIds: [], tagIds: [] }) })
    .where('corp_id', '=', ctx.corpId)
    .execute();
}
