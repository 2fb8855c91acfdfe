import { createServer, type IncomingMessage, type Server } from 'node:http';
import { decrypt, getSignature } from '@wecom/crypto';

/** One POST the receiver took: its plaintext, checked and decrypted. */
export interface Received {
  xml: string;
  agentId: string | null;
  eventId: string | undefined;
}

/**
 * A WeCom callback receiver on 127.0.0.1, as an integrator writes one: it checks the signature,
 * decrypts with the EncodingAESKey and checks the receiver id (the corpid) itself — @wecom/crypto
 * does not. `answers` scripts the HTTP statuses of the POSTs (then 200).
 */
export class CallbackReceiver {
  readonly received: Received[] = [];
  /** What went wrong on the receiver's side (a bad signature, a foreign corpid): a test expects none. */
  readonly problems: string[] = [];
  answers: number[] = [];
  /** Answer the handshake with something other than the echostr. */
  wrongEcho = false;
  #server: Server | undefined;
  url = '';

  constructor(
    readonly corpId: string,
    readonly token: string,
    readonly aesKey: string,
  ) {}

  async start(): Promise<this> {
    this.#server = createServer((request, response) => {
      void this.#handle(request).then(
        ({ status, body }) => response.writeHead(status, { 'content-type': 'text/plain' }).end(body),
        (error: unknown) => {
          this.problems.push(String(error));
          response.writeHead(400).end();
        },
      );
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as { port: number }).port}/wecom/callback?app=1`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }

  #open(query: URLSearchParams, encrypted: string): string {
    const expected = getSignature(this.token, query.get('timestamp') ?? '', query.get('nonce') ?? '', encrypted);
    if (query.get('msg_signature') !== expected) throw new Error('bad signature');
    const { message, id } = decrypt(this.aesKey, encrypted);
    if (id !== this.corpId) throw new Error(`receiver id ${id} is not the corpid`);
    return message;
  }

  async #handle(request: IncomingMessage): Promise<{ status: number; body: string }> {
    const query = new URL(request.url ?? '/', 'http://x').searchParams;
    if (query.get('app') !== '1') throw new Error('the URL lost its own query');
    if (request.method === 'GET') return { status: 200, body: this.wrongEcho ? 'nope' : this.#open(query, query.get('echostr') ?? '') };
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const encrypted = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(body)?.[1] ?? '';
    const agentId = /<AgentID><!\[CDATA\[(.*?)\]\]><\/AgentID>/.exec(body)?.[1] ?? null;
    const header = request.headers['banyan-event-id'];
    this.received.push({ xml: this.#open(query, encrypted), agentId, eventId: typeof header === 'string' ? header : undefined });
    return { status: this.answers.shift() ?? 200, body: '' };
  }
}
