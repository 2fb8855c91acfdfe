import type { DestinationStream } from 'pino';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import type { Deps } from '../../src/platform/deps.ts';
import type { ModuleManifest } from '../../src/platform/module.ts';
import type { TestDatabase } from './db.ts';
import { DAY } from '../../src/platform/clock.ts';
import { tablesOf } from './tables.ts';

/** Cheap scrypt parameters: tests hash hundreds of passwords. */
export const TEST_SCRYPT = { logN: 4, r: 8, p: 1 };

/** Sandbox payments are on in tests (top-ups without a real channel); a test of the default turns them off. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}, {}), wecomPort: 0, logLevel: 'silent', scrypt: TEST_SCRYPT, rateLimitPerMinute: 0, workers: false, webDir: '/nonexistent', sandboxPayments: true, allowPrivateCallbacks: true, ...overrides };
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/**
 * A browser-like client over `app.inject`: keeps cookies and sends the CSRF header on writes,
 * as the console does.
 */
export class Client {
  readonly cookies = new Map<string, string>();
  bearer: string | undefined;
  /** The address the requests come from (the socket's, as the server sees it). */
  address: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  async request<T = unknown>(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const cookieHeader = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get(url.startsWith('/api/v1/operator/') ? 'banyan_op_csrf' : 'banyan_csrf');
    const res = await this.app.inject({
      method,
      url,
      ...(this.address ? { remoteAddress: this.address } : {}),
      headers: {
        ...(cookieHeader ? { cookie: cookieHeader } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const text = res.body;
    return { status: res.statusCode, body: (text && res.headers['content-type']?.toString().includes('json') ? JSON.parse(text) : text) as T, headers: res.headers };
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  put<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body ?? {});
  }
  patch<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  delete<T = unknown>(url: string) {
    return this.request<T>('DELETE', url);
  }
  /** A GET whose answer is bytes (an image, a download): the raw reply, `rawPayload` unaltered. */
  raw(url: string) {
    return this.app.inject({ method: 'GET', url, headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  }
  /** A multipart/form-data POST, encoded as a browser encodes a FormData. */
  async postForm<T = unknown>(url: string, form: FormData, headers: Record<string, string> = {}) {
    const encoded = new Request('http://banyan.test/', { method: 'POST', body: form });
    const payload = Buffer.from(await encoded.arrayBuffer());
    return this.request<T>('POST', url, payload, { 'content-type': encoded.headers.get('content-type')!, ...headers });
  }
}

/** The form the console's import sends: kind, format, then the file. */
export function importForm(kind: string, format: string, content: Buffer | string, filename = `${kind}.${format}`): FormData {
  const form = new FormData();
  form.append('kind', kind);
  form.append('format', format);
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), filename);
  return form;
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  clock: ManualClock;
  client(): Client;
  /** Registers a new account with its enterprise and returns a signed-in client. */
  register(input?: { loginName?: string; name?: string; corpName?: string; industry?: string; password?: string; phone?: string }): Promise<RegisteredClient>;
  close(): Promise<void>;
}

export interface Me {
  account: { id: string; name: string; loginName: string; phone: string | null };
  corps: { id: string; name: string; shortName: string; isCreator: boolean }[];
  currentCorp: { id: string; name: string; shortName: string; industry: string; language: string; certifiedUntil: string | null } | null;
  member: { id: string; name: string } | null;
  roles: { creator: boolean; superAdmin: boolean; hierarchicalAdmin: boolean };
  newPasswordRequired: boolean;
}

export interface RegisteredClient extends Client {
  me: Me;
}

let counter = 0;

export async function createTestApp(
  test: TestDatabase,
  overrides: Partial<Config> = {},
  beforeReady?: (app: FastifyInstance) => void,
  modules?: readonly ModuleManifest[],
  logStream?: DestinationStream,
): Promise<TestApp> {
  const clock = new ManualClock();
  const { app, deps } = await buildApp({ config: testConfig(overrides), database: test.database, clock, ...(modules ? { modules } : {}), ...(logStream ? { logStream } : {}) });
  beforeReady?.(app);
  await app.ready();
  return {
    app,
    deps,
    clock,
    client: () => new Client(app),
    register: async (input = {}) => {
      counter++;
      const client = new Client(app) as RegisteredClient;
      const loginName = input.loginName ?? `user${process.pid}x${counter}`;
      const res = await client.post<{ me: Me }>('/api/v1/register', {
        account: { name: input.name ?? `用户${counter}`, loginName, password: input.password ?? 'password123', ...(input.phone ? { phone: input.phone } : {}) },
        corp: { name: input.corpName ?? `测试企业${counter}`, shortName: `测试${counter}`, industry: input.industry ?? 'general' },
      });
      if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
      client.me = res.body.me;
      return client;
    },
    close: () => app.close(),
  };
}

/** Tests that jump months ahead keep their sign-ins (sessions would otherwise expire on the way). */
export async function keepSessions(t: TestApp): Promise<void> {
  await tablesOf(t.deps.db).updateTable('sessions').set({ expires_at: t.clock.now() + 10 * 365 * DAY }).execute();
}
