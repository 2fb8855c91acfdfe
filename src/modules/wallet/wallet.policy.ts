import type { RightSpec } from '../../platform/policy/index.ts';

export const walletRights: Record<string, RightSpec> = {
  'wallet.read': { token: { zh: '读取企业余额与资金明细', en: 'Read the wallet balance and fund ledger' } },
  'wallet.manage': {},
  // Members may try; the spending rules (余额使用权限) decide inside the service.
  'wallet.pay': { member: true },
  // 充值入口: the creator and the super admins (internal or external), nobody else; see topups in wallet.commands.ts.
  'wallet.topup': {},
  'wallet.deduct': { token: { zh: '从余额自动扣款（获客助手）', en: 'Charge auto-deductions to the balance (acquisition assistant)' } },
  'wallet.invoice': {},
  'wallet.refund': {},
  /** The operator confirms bank transfers, issues invoices and refunds unspent balance by hand. */
  'operator.wallet': { operator: true },
};
