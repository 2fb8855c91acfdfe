/** A signed-in session against a benchmark's own server: an enterprise registered over HTTP, and JSON calls made with its cookies. */
export interface Session {
  cookie: string;
  csrf: string;
  corpId: string;
}

/** Registers a new enterprise whose creator signs in as `login`; the session carries its cookies and CSRF token. */
export async function register(url: string, login: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: { name: login, loginName: login, password: 'password123' }, corp: { name: `${login}企业`, shortName: login, industry: 'general' } }),
  });
  const { me } = (await res.json()) as { me: { currentCorp: { id: string } } };
  const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return { cookie: pairs.join('; '), csrf: pairs.find((p) => p.startsWith('banyan_csrf='))!.split('=')[1]!, corpId: me.currentCorp.id };
}

/** A JSON call in the session; a status of 300 or more throws with the answer's text. Returns the answer's body. */
export async function send(url: string, who: Pick<Session, 'cookie' | 'csrf'>, method: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf }, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}
