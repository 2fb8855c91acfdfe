import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';

export type Wallet = Reply<'/wallet'>;
export type AlertSettings = Wallet['alert'];
export type Frequency = AlertSettings['frequency'];
export type Topup = Reply<'/wallet/topups/{topupId}'>;
export type Channel = Topup['channel'];
export type TopupStatus = Topup['status'];
export type Agreement = Reply<'/wallet/agreement'>;
export type LedgerRow = Item<Reply<'/wallet/ledger'>['items']>;
export type TxnType = LedgerRow['type'];
export type SpendingRule = Item<Reply<'/wallet/spending-rules'>['items']>;
export type CatalogItem = Item<Reply<'/wallet/catalog'>['items']>;
export type Order = Item<Reply<'/wallet/orders'>['items']>;
export type Invoice = Item<Reply<'/wallet/invoices'>['items']>;

/** In the order the console lists them. */
export const CHANNELS = ['bank_transfer', 'wechat_pay', 'qq_wallet', 'online_banking'] as const satisfies readonly Channel[];
export const TXN_TYPES = ['topup', 'purchase', 'auto_deduct', 'refund', 'manual_refund'] as const satisfies readonly TxnType[];

export const walletKey = ['/wallet'] as const;
/** Every page of the top-up list (useCursorList keys by path first). */
export const TOPUPS_KEY = ['/wallet/topups'] as const;

export function useAgreement(enabled = true) {
  return useQuery({ queryKey: ['/wallet/agreement'], queryFn: () => api.get('/wallet/agreement'), enabled });
}

export function useWallet() {
  return useQuery({ queryKey: walletKey, queryFn: () => api.get('/wallet') });
}

export function useCatalog() {
  return useQuery({ queryKey: ['/wallet/catalog'], queryFn: () => api.get('/wallet/catalog'), select: (d) => d.items });
}

/** A catalog item's name in the chosen language (the catalog carries both); the key until the catalog has loaded. */
export function useItemName(): (key: string) => string {
  const { i18n } = useTranslation();
  const catalog = useCatalog();
  return (key) => {
    const item = catalog.data?.find((i) => i.key === key);
    return item ? (i18n.language === 'en' ? item.en : item.zh) : key;
  };
}

export function useRules() {
  return useQuery({ queryKey: ['/wallet/spending-rules'], queryFn: () => api.get('/wallet/spending-rules'), select: (d) => d.items });
}

/** Active members for pickers (first 200, by the contacts API). */
export function useMemberOptions() {
  return useQuery({
    queryKey: ['/contacts/members', 'wallet-picker'],
    queryFn: () => api.get('/contacts/members', { params: { query: { limit: 200 } } }),
    select: (d) => d.items.filter((m) => m.status === 'active').map((m) => ({ value: m.id, label: m.name })),
  });
}

export { yuan } from '../../format';
