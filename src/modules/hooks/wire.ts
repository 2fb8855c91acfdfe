import { randomBytes, randomInt } from 'node:crypto';
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
