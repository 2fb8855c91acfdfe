import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestPerson {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The people the provider knows, by the login they type on its page. */
  people: Map<string, TestPerson>;
  close(): Promise<void>;
}

const page = (uid: string) =>
  `<!doctype html><html><body><form method="post" action="/interaction/${uid}"><label>login <input name="login" autofocus></label><button type="submit">Sign in</button></form></body></html>`;

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, with one confidential client
 * that must use PKCE. Its sign-in page is a one-field form: the login of one of `people`; the
 * provider then grants the client openid, email and profile without a consent step.
 */
export async function startTestProvider(redirectUris: string[]): Promise<TestProvider> {
  const people = new Map<string, TestPerson>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'banyan-test';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'preferred_username'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test-cookie-key'] },
    findAccount: async (_ctx, sub) => {
      const person = [...people.values()].find((p) => p.sub === sub);
      return person ? { accountId: sub, claims: async () => ({ ...person }) } : undefined;
    },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    void (async () => {
      if (req.method === 'GET') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page(match[1]!));
        return;
      }
      let body = '';
      for await (const chunk of req) body += String(chunk);
      const person = people.get(new URLSearchParams(body).get('login') ?? '');
      const details = await provider.interactionDetails(req, res);
      if (!person) {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown login' }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: person.sub, clientId: details.params.client_id as string });
      grant.addOIDCScope('openid email profile');
      await provider.interactionFinished(req, res, { login: { accountId: person.sub }, consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    people,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Follows one redirect chain on the provider's side, keeping its cookies, until it points back at `until`. */
export async function followToCallback(start: string, until: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = new URL(start);
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.href.startsWith(new URL(until).href)) return url;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body ? { body } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      cookies.set(k!, v ?? '');
    }
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url);
      method = 'GET';
      body = undefined;
      continue;
    }
    if (res.status === 200 && /^\/interaction\//.test(url.pathname)) {
      await res.text();
      method = 'POST';
      body = new URLSearchParams({ login }).toString();
      continue;
    }
    throw new Error(`unexpected ${res.status} at ${url.href}: ${await res.text()}`);
  }
  throw new Error('too many redirects');
}
