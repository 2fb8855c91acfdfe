/**
 * What can be ordered (企业订单), at what price, and what the balance may buy
 * (企业充值介绍 四: 企业微信认证、获客助手、外部联系人规模、安全/邮件/文档/微盘高级功能;
 * 暂不包括 会议高级功能、会话内容存档、数据保障计划、公费电话).
 */
export interface CatalogItem {
  key: string;
  zh: string;
  en: string;
  /** Price of one unit, in fen. */
  unitFen: number;
  unit: { zh: string; en: string };
  /** May be paid with the wallet balance (and listed in a spending rule). */
  balancePayable: boolean;
  /** May be refunded to the balance (安全高级功能 is not). */
  refundable: boolean;
}

const year = { zh: '年', en: 'year' };

export const CATALOG: readonly CatalogItem[] = [
  { key: 'certification', zh: '企业微信认证', en: 'Certification', unitFen: 30_000, unit: year, balancePayable: true, refundable: true },
  { key: 'acquisition', zh: '获客助手', en: 'Acquisition assistant', unitFen: 100, unit: { zh: '次', en: 'use' }, balancePayable: true, refundable: true },
  // The seed's ladder is ¥0.10 per customer·year at every tier (5,000 ¥500 … 1,000,000 ¥100,000).
  { key: 'customer_quota', zh: '外部联系人规模', en: 'Customer quota', unitFen: 10, unit: { zh: '人·年', en: 'customer · year' }, balancePayable: true, refundable: true },
  { key: 'security', zh: '安全高级功能', en: 'Security advanced features', unitFen: 12_000, unit: { zh: '人·年', en: 'seat · year' }, balancePayable: true, refundable: false },
  { key: 'mail', zh: '邮件高级功能', en: 'Mail advanced features', unitFen: 6_000, unit: { zh: '人·年', en: 'seat · year' }, balancePayable: true, refundable: true },
  { key: 'docs', zh: '文档高级功能', en: 'Docs advanced features', unitFen: 6_000, unit: { zh: '人·年', en: 'seat · year' }, balancePayable: true, refundable: true },
  { key: 'drive', zh: '微盘高级功能', en: 'Drive advanced features', unitFen: 6_000, unit: { zh: '人·年', en: 'seat · year' }, balancePayable: true, refundable: true },
  { key: 'meeting', zh: '会议高级功能', en: 'Meeting advanced features', unitFen: 9_000, unit: { zh: '人·年', en: 'seat · year' }, balancePayable: false, refundable: true },
  { key: 'session_archive', zh: '会话内容存档', en: 'Session archive', unitFen: 9_000, unit: { zh: '人·年', en: 'seat · year' }, balancePayable: false, refundable: true },
  { key: 'data_protection', zh: '数据保障计划', en: 'Data protection plan', unitFen: 100_000, unit: year, balancePayable: false, refundable: true },
  { key: 'public_phone', zh: '公费电话', en: 'Public phone', unitFen: 10_000, unit: { zh: '千分钟', en: '1,000 minutes' }, balancePayable: false, refundable: true },
];

export const ITEM_KEYS = CATALOG.map((i) => i.key);
export const BALANCE_ITEMS = CATALOG.filter((i) => i.balancePayable).map((i) => i.key);

export function catalogItem(key: string): CatalogItem | undefined {
  return CATALOG.find((i) => i.key === key);
}

/** The one item that supports auto-deduction (自动扣款管理 a: 目前仅支持对获客助手开通). */
export const AUTO_DEDUCT_ITEMS = ['acquisition'] as const;
export type AutoDeductItem = (typeof AUTO_DEDUCT_ITEMS)[number];

/** Refund policy: a balance-paid order can be refunded within this many days of payment. */
export const REFUND_WINDOW_DAYS = 7;
/** 发票: 6% VAT on 信息技术服务费. */
export const INVOICE_TAX_PERCENT = 6;
export const INVOICE_SERVICE_NAME = '信息技术服务费';
