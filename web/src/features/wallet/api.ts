import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export type Channel = 'bank_transfer' | 'wechat_pay' | 'qq_wallet' | 'online_banking';
export const CHANNELS: Channel[] = ['bank_transfer', 'wechat_pay', 'qq_wallet', 'online_banking'];
export type Frequency = 'hourly' | 'daily' | 'weekly';
export type TxnType = 'topup' | 'purchase' | 'auto_deduct' | 'refund' | 'manual_refund';
export const TXN_TYPES: TxnType[] = ['topup', 'purchase', 'auto_deduct', 'refund', 'manual_refund'];

export interface AlertSettings {
  enabled: boolean;
  amountYuan: number;
  frequency: Frequency;
  recipients: { memberIds: string[]; departmentIds: string[]; tagIds: string[] };
}

export interface Wallet {
  balanceFen: number;
  consumedFen: number;
  invoicedFen: number;
  invoiceableFen: number;
  mayTopUp: boolean;
  spendableItems: string[];
  autoDeduct: { acquisition: boolean; offered: boolean };
  alert: AlertSettings;
}

export interface Topup {
  id: string;
  channel: Channel;
  amountFen: number;
  status: 'pending' | 'paid';
  orderId: string | null;
  code: string | null;
  pendingReason: string | null;
  createdAt: string;
  paidAt: string | null;
  instructions: { kind: 'bank_transfer' | 'online'; code?: string; payee?: { name: string; bank: string; account: string }; payPage?: string; qrText?: string };
}

export interface LedgerRow {
  serialNo: string;
  at: string;
  type: TxnType;
  item: string | null;
  description: string;
  amountFen: number;
  balanceAfterFen: number;
  operator: string;
  seq: number;
}

export interface SpendingRule {
  id: string;
  isDefault: boolean;
  allSuperAdmins: boolean;
  memberIds: string[];
  items: string[];
}

export interface CatalogItem {
  key: string;
  zh: string;
  en: string;
  unitFen: number;
  unit: { zh: string; en: string };
  balancePayable: boolean;
  refundable: boolean;
  maySpend: boolean;
}

export interface Order {
  id: string;
  item: string;
  quantity: number;
  amountFen: number;
  status: 'pending' | 'paid' | 'refunded';
  paidBy: 'balance' | 'channel' | null;
  description: string;
  createdBy: string;
  createdAt: string;
  paidAt: string | null;
  refundedAt: string | null;
}

export interface Invoice {
  id: string;
  basis: 'order' | 'range';
  orderId: string | null;
  type: 'electronic_ordinary' | 'electronic_special';
  title: string;
  amountFen: number;
  taxFen: number;
  status: 'requested' | 'issued';
  invoiceNo: string | null;
  createdAt: string;
}

export const walletKey = ['/wallet'] as const;

export function useWallet() {
  return useQuery({ queryKey: walletKey, queryFn: () => api.get<Wallet>('/wallet') });
}

export function useCatalog() {
  return useQuery({ queryKey: ['/wallet/catalog'], queryFn: () => api.get<{ items: CatalogItem[] }>('/wallet/catalog'), select: (d) => d.items });
}

export function useRules() {
  return useQuery({ queryKey: ['/wallet/spending-rules'], queryFn: () => api.get<{ items: SpendingRule[] }>('/wallet/spending-rules'), select: (d) => d.items });
}

/** Active members for pickers (first 200, by the contacts API). */
export function useMemberOptions() {
  return useQuery({
    queryKey: ['/contacts/members', 'wallet-picker'],
    queryFn: () => api.get<{ items: { id: string; name: string; status: string }[] }>('/contacts/members', { limit: 200 }),
    select: (d) => d.items.filter((m) => m.status === 'active').map((m) => ({ value: m.id, label: m.name })),
  });
}

/** Fen as yuan with 2 decimals, `¥1,234.56`. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export function newKey(): string {
  return `web-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
