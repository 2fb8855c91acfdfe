/**
 * A WeCom client over `app.inject` for tests and benchmarks: the way real clients call, with the
 * token in the query and, when asked, a JSON body without any Content-Type header.
 */
import type { FastifyInstance } from 'fastify';

export type WecomAnswer = { errcode: number; errmsg: string } & Record<string, unknown>;

export class WecomClient {
  token = '';

  constructor(private readonly app: FastifyInstance) {}

  async call(method: 'GET' | 'POST', path: string, query: Record<string, string | number> = {}, body?: unknown, options: { contentType?: boolean } = {}): Promise<{ status: number; body: WecomAnswer }> {
    const params = new URLSearchParams(Object.entries({ ...(this.token ? { access_token: this.token } : {}), ...query }).map(([k, v]) => [k, String(v)]));
    const res = await this.app.inject({
      method,
      url: `/cgi-bin/${path}?${params.toString()}`,
      headers: body !== undefined && options.contentType !== false ? { 'content-type': 'application/json' } : {},
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { status: res.statusCode, body: JSON.parse(res.body) as WecomAnswer };
  }

  async get(path: string, query: Record<string, string | number> = {}): Promise<WecomAnswer> {
    return (await this.call('GET', path, query)).body;
  }

  async post(path: string, body: unknown, options: { contentType?: boolean } = {}): Promise<WecomAnswer> {
    return (await this.call('POST', path, {}, body, options)).body;
  }

  /** gettoken, keeping the token for the next calls. */
  async signIn(corpid: string, corpsecret: string): Promise<WecomAnswer> {
    this.token = '';
    const answer = await this.get('gettoken', { corpid, corpsecret });
    if (answer.errcode === 0) this.token = answer.access_token as string;
    return answer;
  }
}
