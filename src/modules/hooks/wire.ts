import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { encrypt, getSignature } from '@wecom/crypto';

/**
 * The wire of WeCom's callbacks (wecom-api.md §7): the message is AES-encrypted with the app's
 * EncodingAESKey and the receiver id (the corpid), signed with its Token over (token, timestamp,
 * nonce, ciphertext), and sent in the query (`msg_signature`, `timestamp`, `nonce`) and an XML body.
 */

/** How long a receiver has to answer (WeCom: 5 s for events; the handshake answers at once). */
const TIMEOUT_MS = 5_000;

export interface Receiver {
  corpId: string;
  url: string;
  token: string;
  aesKey: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random string of letters and digits (nonces, the echostr's plaintext). */
export function randomAlphanumeric(length: number): string {
  return Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
}

/** Text inside CDATA, with a `]]>` in it split so it cannot close the section. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function signedQuery(receiver: Receiver, encrypted: string, now: number, extra: Record<string, string> = {}): URL {
  const timestamp = String(Math.floor(now / 1000));
  const nonce = randomAlphanumeric(16);
  const url = new URL(receiver.url);
  url.searchParams.set('msg_signature', getSignature(receiver.token, timestamp, nonce, encrypted));
  url.searchParams.set('timestamp', timestamp);
  url.searchParams.set('nonce', nonce);
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  return url;
}

export type HandshakeFailure = { reason: 'unreachable'; error: string } | { reason: 'status'; status: number } | { reason: 'echo_mismatch' };

/**
 * 验证URL: a GET with an encrypted echostr; the receiver proves it holds the Token and the key by
 * answering the decrypted echostr, bare (no quotes, BOM or newline). Returns what failed, if anything.
 */
export async function handshake(receiver: Receiver, now: number): Promise<HandshakeFailure | undefined> {
  const plain = randomAlphanumeric(19);
  const echostr = encrypt(receiver.aesKey, plain, receiver.corpId, randomBytes(16));
  let response: Response;
  try {
    response = await fetch(signedQuery(receiver, echostr, now, { echostr }), { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    return { reason: 'unreachable', error: error instanceof Error ? error.message : String(error) };
  }
  const text = await response.text().catch(() => '');
  if (response.status !== 200) return { reason: 'status', status: response.status };
  return text === plain ? undefined : { reason: 'echo_mismatch' };
}

/** POSTs one event, encrypted and signed; resolves with the HTTP status, rejects when nothing answered. */
export async function postEvent(receiver: Receiver, agentId: number | null, message: string, eventId: string, now: number): Promise<number> {
  const encrypted = encrypt(receiver.aesKey, message, receiver.corpId, randomBytes(16));
  const agent = agentId === null ? '' : `<AgentID>${cdata(String(agentId))}</AgentID>`;
  const body = `<xml><ToUserName>${cdata(receiver.corpId)}</ToUserName>${agent}<Encrypt>${cdata(encrypted)}</Encrypt></xml>`;
  const response = await fetch(signedQuery(receiver, encrypted, now), {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', 'banyan-event-id': eventId },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await response.arrayBuffer().catch(() => undefined);
  return response.status;
}

/**
 * Addresses a receiver may not be at unless the server allows private callbacks: loopback, the
 * private ranges, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, "this network",
 * multicast and reserved, in IPv4 and IPv6 (IPv4-mapped IPv6 addresses are checked as IPv4).
 */
const internal = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) internal.addSubnet(net, prefix, 'ipv6');

function isInternal(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return internal.check(mapped, 'ipv4');
  return isIP(address) === 6 ? internal.check(address, 'ipv6') : internal.check(address, 'ipv4');
}

/**
 * Whether a receiver URL may be called: always, when private callbacks are allowed; else only when
 * every address its host resolves to is a public one. Checked when the URL is saved and again before
 * every POST (the name may have been pointed elsewhere since). Returns the refusal, if any.
 */
export async function privateAddressOf(url: string, allowPrivate: boolean): Promise<string | undefined> {
  if (allowPrivate) return undefined;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return host;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    // Unresolvable: the POST fails as unreachable on its own.
    return undefined;
  }
  return addresses.find(isInternal);
}

/** Banyan-Signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with the webhook's secret, in the style of Stripe. */
export function webhookSignature(secret: string, unixSeconds: number, body: string): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

/** POSTs one webhook event as JSON, signed; resolves with the HTTP status, rejects when nothing answered. */
export async function postWebhook(target: { url: string; secret: string }, body: string, eventId: string, now: number): Promise<number> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'banyan-event-id': eventId, 'banyan-signature': webhookSignature(target.secret, Math.floor(now / 1000), body) },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await response.arrayBuffer().catch(() => undefined);
  return response.status;
}
