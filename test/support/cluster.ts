import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './ports.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'banyan.js');

/** A fresh PostgreSQL database (`t_…`) beside TEST_DATABASE_URL's, for real server processes to share. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(base, `drop database if exists ${name} with (force)`) };
}

async function adminQuery(base: URL, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `banyan serve` as a process of its own on 127.0.0.1, ready when this resolves. */
export async function serveProcess(env: Record<string, string>, flags: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', String(port), '--log-level', 'error', '--rate-limit', '0', '--sign-in-limit', '100000', '--scrypt-log-n', '4', ...flags], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  // A process start has no event to wait on: poll its readiness endpoint.
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      if (child.exitCode !== null) throw new Error(`banyan serve exited with ${child.exitCode}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A browser's cookies for one signed-in session, usable against any of the processes. */
export class Cookies {
  #jar = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.#jar.delete(name);
      else this.#jar.set(name, value);
    }
  }

  headers(write: boolean): Record<string, string> {
    const headers: Record<string, string> = { cookie: [...this.#jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    const csrf = this.#jar.get('banyan_csrf');
    if (write && csrf) headers['x-csrf-token'] = csrf;
    return headers;
  }
}

/** A JSON request as the console sends it, keeping the session's cookies. */
export async function call(base: string, cookies: Cookies, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const write = method !== 'GET';
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...cookies.headers(write), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  cookies.take(response);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
