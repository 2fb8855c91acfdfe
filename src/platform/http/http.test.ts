import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

describeEachDialect('HTTP API conventions', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use(), { rateLimitPerMinute: 1000 }, (app) => {
      app.get('/api/v1/test-only/crash', { config: { auth: 'public' } }, async () => {
        throw new Error('secret detail at /srv/banyan/src/x.ts:12');
      });
      app.get('/api/v1/test-only/no-auth-mode', async () => ({ reached: true }));
    });
  });
  after(() => t.close());

  it('malformed JSON is a 400 with a stable code', async () => {
    const res = await t.client().request<ErrorBody>('POST', '/api/v1/auth/sign-in', '{"login": ');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { error: { code: 'request.invalid', message: 'The body is not valid JSON.', details: { in: 'body', field: '/', reason: 'json' } } });
  });

  it('a wrong type names the field', async () => {
    const res = await t.client().post<ErrorBody>('/api/v1/auth/sign-in', { login: 42, password: 'x' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.details, { in: 'body', field: '/login', reason: 'type' });
  });

  it('an unknown field is refused, not ignored', async () => {
    const res = await t.client().post<ErrorBody>('/api/v1/auth/sign-in', { login: 'a', password: 'b', remember: true });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.details, { in: 'body', field: '/remember', reason: 'unknown_field' });
  });

  it('a wrong query parameter names it', async () => {
    const client = await t.register();
    const res = await client.get<ErrorBody>('/api/v1/audit?limit=0');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.details, { in: 'querystring', field: '/limit', reason: 'minimum' });
  });

  it('an oversized body is a 413 in the same shape', async () => {
    const res = await t.client().post<ErrorBody>('/api/v1/auth/sign-in', { login: 'x'.repeat(1_100_000), password: 'y' });
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'request.too_large');
  });

  it('an unknown route is a 404 in the same JSON shape', async () => {
    const res = await t.client().get<ErrorBody>('/api/v1/no-such-thing');
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, { error: { code: 'not_found', message: 'No route GET /api/v1/no-such-thing.' } });
  });

  it('an unexpected error is a 500 with no stack trace or detail', async () => {
    const res = await t.client().get<ErrorBody>('/api/v1/test-only/crash');
    assert.equal(res.status, 500);
    assert.deepEqual(res.body, { error: { code: 'internal', message: 'Something went wrong on the server.' } });
  });

  it('a route that does not state who may call it is refused (default deny)', async () => {
    const res = await t.client().get<ErrorBody>('/api/v1/test-only/no-auth-mode');
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'forbidden');
  });

  it('without a session an enterprise route is a 401', async () => {
    const res = await t.client().get<ErrorBody>('/api/v1/corp');
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'auth.required');
  });

  it('the OpenAPI 3.1 document lists the routes, and the reference page is served', async () => {
    const doc = await t.client().get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    assert.equal(doc.body.openapi, '3.1.0');
    assert.ok('/api/v1/register' in doc.body.paths);
    assert.ok('/api/v1/audit' in doc.body.paths);
    const docs = await t.client().get<string>('/api/docs/');
    assert.equal(docs.status, 200);
    assert.match(docs.body, /swagger/i);
  });

  it('health, readiness and Prometheus metrics', async () => {
    assert.deepEqual((await t.client().get('/healthz')).body, { status: 'ok' });
    assert.deepEqual((await t.client().get('/readyz')).body, { status: 'ready' });
    const metrics = await t.client().get<string>('/metrics');
    assert.match(metrics.body, /banyan_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/);
    assert.match(metrics.body, /process_resident_memory_bytes \d+/);
  });

  it('security headers are on every response; API answers are never framed or cached', async () => {
    const res = await t.client().get('/healthz');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
    const api = await t.client().get('/api/v1/me');
    assert.equal(api.headers['x-content-type-options'], 'nosniff');
    assert.equal(api.headers['x-frame-options'], 'DENY');
    assert.equal(api.headers['cache-control'], 'no-store');
    assert.equal(api.headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'");
  });

  it('sign-in is rate limited per address: the 21st attempt in a minute is a 429', async () => {
    const client = t.client();
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await client.request('POST', '/api/v1/auth/sign-in', { login: 'ghost', password: 'whatever' }, { 'x-forwarded-for': '10.0.0.1' })).status;
    assert.equal(last, 429);
  });
});
