import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

/** One POST the receiver took and verified. */
export interface WebhookReceived {
  body: Record<string, unknown>;
  raw: string;
  eventId: string | undefined;
  timestamp: number;
}

/**
 * A Banyan webhook receiver on 127.0.0.1, as an integrator writes one from the docs: it parses
 * `Banyan-Signature: t=…,v1=…`, recomputes HMAC-SHA256 over `${t}.${body}` with its secret and
 * compares in constant time. A delivery whose signature does not verify is a problem (answered 400).
 * `answers` scripts the HTTP statuses of the POSTs (then 200).
 */
export class WebhookReceiver {
  readonly received: WebhookReceived[] = [];
  readonly problems: string[] = [];
  answers: number[] = [];
  secret = '';
  url = '';
  #server: Server | undefined;

  async start(): Promise<this> {
    this.#server = createServer((request, response) => {
      void this.#handle(request).then(
        (status) => response.writeHead(status).end(),
        (error: unknown) => {
          this.problems.push(String(error instanceof Error ? error.message : error));
          response.writeHead(400).end();
        },
      );
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as { port: number }).port}/banyan/webhook`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }

  async #handle(request: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const header = String(request.headers['banyan-signature'] ?? '');
    const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
    const t = Number(parts.t);
    const expected = createHmac('sha256', this.secret).update(`${parts.t}.${raw}`).digest();
    const given = Buffer.from(parts.v1 ?? '', 'hex');
    if (!Number.isInteger(t) || given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error(`bad signature: ${header}`);
    if (!String(request.headers['content-type']).startsWith('application/json')) throw new Error('not JSON');
    const eventId = request.headers['banyan-event-id'];
    this.received.push({ body: JSON.parse(raw) as Record<string, unknown>, raw, eventId: typeof eventId === 'string' ? eventId : undefined, timestamp: t });
    return this.answers.shift() ?? 200;
  }
}
