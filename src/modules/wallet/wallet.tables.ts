import { preparedFor } from '../../platform/db/prepared.ts';
import { tableAccess } from '../../platform/db/tables.ts';

import type { Flag } from '../../platform/db/tables.ts';

/** Kinds of fund-ledger rows (资金明细 交易类型). */
export const TXN_TYPES = ['topup', 'purchase', 'auto_deduct', 'refund', 'manual_refund'] as const;
export type TxnType = (typeof TXN_TYPES)[number];

export const ALERT_FREQUENCIES = ['hourly', 'daily', 'weekly'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

export const CHANNELS = ['bank_transfer', 'wechat_pay', 'qq_wallet', 'online_banking'] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const TOPUP_STATUSES = ['pending', 'paid', 'closed'] as const;
/** 待到账 / 已到账 / 已关闭: a pending top-up is paid once, or closed by the enterprise before it is. */
export type TopupStatus = (typeof TOPUP_STATUSES)[number];
export type OrderStatus = 'pending' | 'paid' | 'refunded';
export type InvoiceType = 'electronic_ordinary' | 'electronic_special';
/** Whether a consumption row may still be invoiced: open, invoiced, or refunded (never invoiceable). */
export type InvoiceState = 'none' | 'open' | 'invoiced' | 'refunded';

export interface WalletTables {
  /** One wallet per enterprise: the available balance and the counters guarded by compare-and-set. */
  wallets: {
    corp_id: string;
    balance: number;
    /** Position of the last ledger row: each movement takes the next one in its balance update. */
    seq: number;
    /** Balance spent on consumption (balance-paid orders and auto-deductions) minus refunds. */
    consumed: number;
    /** Total requested on invoices; never above `consumed`. */
    invoiced: number;
    alert_enabled: Flag;
    alert_fen: number;
    alert_frequency: AlertFrequency;
    alert_recipients_json: string;
    auto_deduct_acquisition: Flag;
    created_at: number;
    updated_at: number;
  };
  /** The fund ledger: one row per movement of the wallet, in `seq` order. */
  wallet_txns: {
    corp_id: string;
    id: string;
    serial_no: string;
    seq: number;
    type: TxnType;
    item: string | null;
    description: string;
    amount: number;
    balance_after: number;
    order_id: string | null;
    invoice_state: InvoiceState;
    invoice_id: string | null;
    actor_kind: string;
    actor_id: string;
    actor_name: string;
    /** The payment channel of a top-up (the 操作者 is the person who started it). */
    channel: ChannelName | null;
    created_at: number;
  };
  /** Double entry: every transaction's lines sum to zero across accounts. */
  wallet_entries: {
    corp_id: string;
    txn_id: string;
    line: number;
    account: string;
    amount: number;
    created_at: number;
  };
  wallet_topups: {
    corp_id: string;
    id: string;
    channel: ChannelName;
    amount: number;
    status: TopupStatus;
    /** For bank transfers: the identification code the payer writes in the remarks. */
    code: string | null;
    /** Set when the top-up pays an order through a channel instead of crediting the balance. */
    order_id: string | null;
    pending_reason: string | null;
    channel_trade_no: string | null;
    payer_name: string | null;
    txn_id: string | null;
    created_by: string;
    /** The member's name when they started it: the ledger's 操作者 once the top-up is paid. */
    created_by_name: string;
    /** The 充值服务协议 version agreed to; null for an order paid online and for top-ups from before agreements. */
    agreement_version: number | null;
    created_at: number;
    paid_at: number | null;
    closed_at: number | null;
  };
  /** A bank transfer's code → its top-up: the operator's confirmation and statement import know only the code. */
  wallet_topup_codes: { code: string; corp_id: string; topup_id: string };
  /** A payment channel's trade number → the top-up it paid: a number is accepted once across enterprises. */
  wallet_trade_nos: { channel_trade_no: string; corp_id: string; topup_id: string };
  wallet_orders: {
    corp_id: string;
    id: string;
    item: string;
    quantity: number;
    amount: number;
    status: OrderStatus;
    paid_by: 'balance' | 'channel' | null;
    description: string;
    txn_id: string | null;
    created_by: string;
    created_by_name: string;
    created_at: number;
    paid_at: number | null;
    refunded_at: number | null;
  };
  wallet_spending_rules: {
    corp_id: string;
    id: string;
    member_ids_json: string;
    items_json: string;
    created_at: number;
    updated_at: number;
  };
  wallet_invoices: {
    corp_id: string;
    id: string;
    basis: 'order' | 'range';
    order_id: string | null;
    range_from: number | null;
    range_to: number | null;
    type: InvoiceType;
    title: string;
    service_name: string;
    amount: number;
    tax_rate_percent: number;
    tax: number;
    status: 'requested' | 'issued';
    invoice_no: string | null;
    requested_by: string;
    created_at: number;
    issued_at: number | null;
    issued_by: string | null;
  };
  /** Server-wide secrets that must survive restarts (the payment-callback key when not configured). */
  wallet_secrets: { name: string; value: string; created_at: number };
  /** 充值服务协议: every published version of the operator's text; the highest is the one in force. */
  wallet_agreements: { version: number; body_zh: string; body_en: string; published_by: string; published_by_name: string; published_at: number };
  /** Enterprises whose online top-ups the sandbox may pay even when the server's flag is off (the demo's). */
  wallet_sandboxes: { corp_id: string; created_at: number };
}

export const tables = tableAccess<WalletTables>();
export const prepared = preparedFor<WalletTables>();
