import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describeEachDialect } from './support/db.ts';
import { createTestApp, importForm, type RegisteredClient, type TestApp } from './support/app.ts';

/**
 * The error contract (issue 11): whatever refuses a request, the router, a body parser, a limit or a
 * rule, the answer is `{ error: { code, message, details? } }` with a Banyan code. Walks every route
 * of the OpenAPI document, so a route added later is held to it too.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Operation {
  requestBody?: { content: Record<string, unknown> };
}
interface Route {
  method: Method;
  path: string;
  bodyTypes: string[] | null;
}

const PARAM_TOO_LONG = {
  error: { code: 'request.param_too_long', message: 'A value in the path is longer than 100 characters.', details: { in: 'params', maxLength: 100 } },
};
const NOT_JSON = { error: { code: 'request.invalid', message: 'The body is not valid JSON.', details: { in: 'body', field: '/', reason: 'json' } } };
const unsupported = (accepted: string[]) => ({
  error: { code: 'request.unsupported_media_type', message: 'This route does not take a body of this content type; details.accepted says which it takes.', details: { accepted } },
});
const tooLarge = (limitBytes: number) => ({ error: { code: 'request.too_large', message: 'The request body is too large.', details: { limitBytes } } });
/** JSON routes taking more than 1 MiB: a clock-in carries a phone camera's photo of up to 8,000,000 bytes, as base64 (docs/decisions/att.md). */
const LARGER_BODIES: Record<string, number> = { 'POST /api/v1/attendance/clock-ins': 10_732_204 };
const UPLOAD_TOO_LARGE = {
  error: { code: 'directory.import_too_large', message: 'The file is larger than an import takes (details.limitBytes); split it into several files.', details: { limitBytes: 20_971_520 } },
};
const NOT_MULTIPART = { error: { code: 'request.invalid', message: 'The body is not a valid multipart/form-data upload.', details: { in: 'body', field: '/', reason: 'multipart' } } };

describeEachDialect('the error contract on every route', (use) => {
  let t: TestApp;
  let client: RegisteredClient;
  let routes: Route[];
  before(async () => {
    t = await createTestApp(use());
    // Signed in, with the CSRF header, so that a refusal below comes from what was sent, not from who sent it.
    client = await t.register();
    const doc = t.app.swagger() as { paths: Record<string, Partial<Record<Method, Operation>>> };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      (Object.keys(operations) as Method[]).map((method) => {
        const body = operations[method]!.requestBody;
        return { method, path, bodyTypes: body ? Object.keys(body.content) : null };
      }),
    );
  });
  after(() => t.close());

  /** The path with every `{param}` filled in. */
  const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);

  async function send(route: Route, url: string, payload: string | Buffer | undefined, contentType: string | undefined) {
    const res = await client.request(route.method.toUpperCase() as 'POST', url, payload, contentType ? { 'content-type': contentType } : {});
    return { status: res.status, body: res.body, type: String(res.headers['content-type']), nosniff: res.headers['x-content-type-options'] };
  }

  const where = (route: Route) => `${route.method.toUpperCase()} ${route.path}`;

  it('the document lists the routes the walk is about', () => {
    const withParams = routes.filter((r) => r.path.includes('{'));
    const withJson = routes.filter((r) => r.bodyTypes?.includes('application/json'));
    const withUpload = routes.filter((r) => r.bodyTypes?.includes('multipart/form-data'));
    assert.ok(withParams.length >= 60, `${withParams.length} routes with path parameters`);
    assert.ok(withJson.length >= 60, `${withJson.length} routes with a JSON body`);
    assert.deepEqual(
      withUpload.map(where).sort(),
      ['POST /api/v1/certification/files', 'POST /api/v1/contacts/imports', 'POST /api/v1/files', 'POST /api/v1/security/hidden-watermark/decode-image', 'PUT /api/v1/operator/data-migration-templates/{kind}'],
      'the contacts import, the migration templates, the certification scans, the file store and the image to decode are the uploads; every other body is JSON',
    );
    assert.deepEqual(
      routes.filter((r) => r.bodyTypes && !r.bodyTypes.includes('application/json') && !r.bodyTypes.includes('multipart/form-data')).map(where),
      [],
    );
  });

  it('a path parameter over 100 characters is a 414 in the envelope, on every route that has one', async () => {
    const long = 'x'.repeat(101);
    for (const route of routes.filter((r) => r.path.includes('{'))) {
      const res = await send(route, fill(route.path, long), route.bodyTypes ? '{}' : undefined, route.bodyTypes ? 'application/json' : undefined);
      assert.equal(res.status, 414, where(route));
      assert.deepEqual(res.body, PARAM_TOO_LONG, where(route));
      assert.match(res.type, /^application\/json/, where(route));
      assert.equal(res.nosniff, 'nosniff', `${where(route)}: the API's headers, though no hook ran`);
    }
    // 100 characters still reach the route, whose schema then names the parameter.
    const member = await client.get<{ error: { code: string; details: unknown } }>(`/api/v1/contacts/members/${'x'.repeat(100)}`);
    assert.deepEqual([member.status, member.body.error.code, member.body.error.details], [400, 'request.invalid', { in: 'params', field: '/id', reason: 'maxLength' }]);
  });

  it('malformed JSON, a wrong content type and a body over 1 MiB (or over the larger limit of its route) get their exact answers, on every route that takes JSON', async () => {
    for (const route of routes.filter((r) => r.bodyTypes?.includes('application/json'))) {
      const url = fill(route.path, 'x');
      const malformed = await send(route, url, '{"name": ', 'application/json');
      assert.deepEqual([malformed.status, malformed.body], [400, NOT_JSON], `${where(route)}: malformed JSON`);
      const empty = await send(route, url, '', 'application/json');
      assert.deepEqual([empty.status, empty.body], [400, NOT_JSON], `${where(route)}: an empty JSON body`);
      const text = await send(route, url, 'name=x', 'text/plain');
      assert.deepEqual([text.status, text.body], [415, unsupported(['application/json'])], `${where(route)}: text/plain`);
      const form = await send(route, url, '--b\r\n\r\n--b--', 'multipart/form-data; boundary=b');
      assert.deepEqual([form.status, form.body], [415, unsupported(['application/json'])], `${where(route)}: multipart`);
      const limit = LARGER_BODIES[where(route)] ?? 1_048_576;
      const large = await send(route, url, JSON.stringify({ text: 'x'.repeat(limit) }), 'application/json');
      assert.deepEqual([large.status, large.body], [413, tooLarge(limit)], `${where(route)}: over ${limit} bytes`);
    }
  });

  it('the upload takes multipart only, refuses a broken form and a file over its limit, in the same envelope', async () => {
    const upload = routes.find((r) => r.path === '/api/v1/contacts/imports')!;
    const url = upload.path;
    const json = await send(upload, url, '{"kind": "members"}', 'application/json');
    assert.deepEqual([json.status, json.body], [415, unsupported(['multipart/form-data'])]);
    const text = await send(upload, url, 'members', 'text/plain');
    assert.deepEqual([text.status, text.body], [415, unsupported(['multipart/form-data'])]);
    const broken = await send(upload, url, '--b\r\nContent-Disposition: form-data; name="kind"\r\n\r\nmem', 'multipart/form-data; boundary=b');
    assert.deepEqual([broken.status, broken.body], [400, NOT_MULTIPART]);
    const large = await client.postForm(url, importForm('members', 'csv', Buffer.alloc(20 * 1024 * 1024 + 1, 'a')));
    assert.deepEqual([large.status, large.body], [413, UPLOAD_TOO_LARGE]);
  });

  it('an unknown path is a 404 in the envelope; a malformed URL is a 400', async () => {
    const res = await client.get('/api/v1/no-such-route');
    assert.deepEqual([res.status, res.body], [404, { error: { code: 'not_found', message: 'No route GET /api/v1/no-such-route.' } }]);
    const bad = await client.get('/api/v1/contacts/members/%E0%A4%A');
    assert.deepEqual([bad.status, bad.body], [400, { error: { code: 'request.invalid', message: 'The address is not valid.', details: { in: 'url', reason: 'url' } } }]);
  });

  it('a request that is not HTTP is answered on the socket in the envelope', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(address);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('THIS IS NOT HTTP\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    const [head, body] = answer.split('\r\n\r\n');
    assert.match(head!, /^HTTP\/1\.1 400 Bad Request\r\n/);
    assert.match(head!, /\r\nContent-Type: application\/json; charset=utf-8/);
    assert.deepEqual(JSON.parse(body!), { error: { code: 'request.invalid', message: 'The request is not valid HTTP.' } });
  });
});
