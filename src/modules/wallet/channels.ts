import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../platform/db/tables.ts';
import type { ChannelName } from './wallet.tables.ts';
import { tables } from './wallet.tables.ts';

/**
 * The four ways to top up (充值方式): 对公转账/汇款, 微信支付, QQ 钱包, 网银. They sit behind one
 * interface: `instructions` says what the payer sees. Online channels are sandboxes in Banyan: a
 * payment page with a QR code and a callback signed with the server's payment secret.
 */
export interface ChannelInstructions {
  kind: 'bank_transfer' | 'online';
  /** Bank transfer: the code the payer writes in the remarks (备注). */
  code?: string | undefined;
  /** The platform's account; `nameEn` and `bankEn` for the English console. */
  payee?: { name: string; bank: string; account: string; nameEn: string; bankEn: string } | undefined;
  /** Online: the console's sandbox payment page and what its QR code encodes. */
  payPage?: string | undefined;
  qrText?: string | undefined;
}

export interface TopupChannel {
  name: ChannelName;
  zh: string;
  en: string;
  online: boolean;
  instructions(topup: { id: string; corpId: string; amount: number; code: string | null }): ChannelInstructions;
}

const PAYEE = { name: 'Banyan 平台运营方', bank: '招商银行 深圳分行', account: '7559 0000 0000 0001', nameEn: 'Banyan platform operator', bankEn: 'China Merchants Bank, Shenzhen Branch' };

function online(name: ChannelName, zh: string, en: string): TopupChannel {
  return {
    name,
    zh,
    en,
    online: true,
    instructions: (topup) => ({
      kind: 'online',
      payPage: `/wallet/pay/${topup.id}`,
      qrText: `banyan-sandbox://${name}/pay?topup=${topup.id}&amount=${topup.amount}`,
    }),
  };
}

export const TOPUP_CHANNELS: Record<ChannelName, TopupChannel> = {
  bank_transfer: { name: 'bank_transfer', zh: '对公转账/汇款', en: 'Bank transfer', online: false, instructions: (topup) => ({ kind: 'bank_transfer', code: topup.code ?? undefined, payee: PAYEE }) },
  wechat_pay: online('wechat_pay', '微信支付', 'WeChat Pay'),
  qq_wallet: online('qq_wallet', 'QQ 钱包支付', 'QQ Wallet'),
  online_banking: online('online_banking', '网银支付', 'Online banking'),
};

/** A callback from a channel: what was paid for which top-up, when, and the channel's own trade number. */
export interface ChannelCallback {
  corpId: string;
  topupId: string;
  amountFen: number;
  tradeNo: string;
  /** Epoch ms when the channel sent it; old ones are refused (a replay). */
  timestamp: number;
  signature: string;
}

function payload(channel: string, c: Omit<ChannelCallback, 'signature'>): string {
  return [channel, c.corpId, c.topupId, String(c.amountFen), c.tradeNo, String(c.timestamp)].join('\n');
}

export function signCallback(secret: string, channel: string, c: Omit<ChannelCallback, 'signature'>): string {
  return createHmac('sha256', secret).update(payload(channel, c)).digest('hex');
}

export function verifySignature(secret: string, channel: string, c: ChannelCallback): boolean {
  const expected = Buffer.from(signCallback(secret, channel, c), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(c.signature) ? c.signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const cache = new WeakMap<object, Promise<string>>();

/**
 * The payment secret: `BANYAN_PAYMENT_SECRET` when set; otherwise one generated on first use and kept
 * in the database, so every server of the deployment and every restart signs and verifies with the
 * same key. It is never logged nor returned by any route.
 */
export function paymentSecret(db: Db, configured: string | undefined, now: number): Promise<string> {
  if (configured) return Promise.resolve(configured);
  let found = cache.get(db);
  if (!found) {
    found = (async () => {
      await tables(db)
        .insertInto('wallet_secrets')
        .values({ name: 'payment', value: randomBytes(32).toString('hex'), created_at: now })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await tables(db).selectFrom('wallet_secrets').select('value').where('name', '=', 'payment').executeTakeFirstOrThrow();
      return row.value;
    })();
    found.catch(() => cache.delete(db));
    cache.set(db, found);
  }
  return found;
}

/** A bank transfer's identification code: 8 characters without look-alikes (0/O, 1/I). */
export function transferCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}
