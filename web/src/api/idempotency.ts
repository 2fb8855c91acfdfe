/**
 * A random id made in the browser: the prefix and 128 bits from its CSPRNG, as hex.
 * `crypto.randomUUID` exists only in secure contexts (https or localhost), and a self-hosted console
 * may be opened over plain http on a LAN.
 */
export function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * A fresh key for one attempt at a command that must not happen twice (a purchase, a payment, a
 * refund, a message): the server answers a request repeated with the same key with the first result.
 */
export function newIdempotencyKey(): string {
  return randomId('web');
}
