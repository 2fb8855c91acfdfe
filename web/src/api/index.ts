import createClient, { type MaybeOptionalInit, type Middleware } from 'openapi-fetch';
import type { Method, Paths, PathsWith, Reply } from './types';
import { DEVICE_ID_HEADER, DEVICE_NAME_HEADER, deviceId, deviceName } from './device';

export type { Body, Item, Paths, Query, Reply } from './types';
export { newIdempotencyKey, randomId } from './idempotency';

const BASE = '/api/v1';
// The operator console has its own session and CSRF cookie, so both can be signed in at once.
const CSRF_COOKIE = 'banyan_csrf';
const OPERATOR_CSRF_COOKIE = 'banyan_op_csrf';
const CSRF_HEADER = 'x-csrf-token';

export type ErrorDetails = Record<string, unknown>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetails;

  constructor(status: number, code: string, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const entry = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return entry === undefined ? undefined : decodeURIComponent(entry.slice(prefix.length));
}

/** The query string: empty values (`undefined`, `null`, `''`) are left out. */
function querySerializer(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  return search.toString();
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: ErrorDetails };
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const error = body.error ?? {};
  return new ApiError(
    response.status,
    error.code ?? (response.status >= 500 ? 'internal' : 'request.failed'),
    error.message ?? response.statusText,
    error.details,
  );
}

/**
 * What every call does around fetch: the device headers (设备管理), the CSRF header on writes, an `ApiError` for a non-2xx answer
 * (so a call resolves only with the success body) and a `network` ApiError when fetch itself fails.
 */
const banyanMiddleware: Middleware = {
  onRequest({ request, schemaPath }) {
    request.headers.set(DEVICE_ID_HEADER, deviceId());
    request.headers.set(DEVICE_NAME_HEADER, encodeURIComponent(deviceName()));
    if (request.method === 'GET') return;
    const csrf = readCookie(schemaPath.startsWith('/operator') ? OPERATOR_CSRF_COOKIE : CSRF_COOKIE);
    if (csrf) request.headers.set(CSRF_HEADER, csrf);
  },
  async onResponse({ response }) {
    if (!response.ok) throw await toApiError(response);
  },
  onError({ error }) {
    return new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  },
};

/** The typed openapi-fetch client over /api/v1 (paths without the prefix); `api` below unwraps its answers. */
const client = createClient<Paths>({ baseUrl: BASE, credentials: 'same-origin', headers: { accept: 'application/json' }, querySerializer });
client.use(banyanMiddleware);

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Init<P extends PathsWith<M>, M extends Method> = MaybeOptionalInit<Paths[P], M>;
/** `{ params: { path, query }, body }` as openapi-fetch takes it; optional when nothing in it is required. */
type InitArgs<P extends PathsWith<M>, M extends Method> = RequiredKeys<Init<P, M>> extends never ? [init?: Init<P, M>] : [init: Init<P, M>];

type Call<M extends Method> = <P extends PathsWith<M>>(path: P, ...init: InitArgs<P, M>) => Promise<Reply<P, M>>;
type LooseRequest = (method: Method, path: string, init?: object) => Promise<{ data?: unknown }>;

function call<M extends Method>(method: M): Call<M> {
  const request = client.request as unknown as LooseRequest;
  return async (path, ...[init]) => (await request(method, path, init)).data as Reply<typeof path, M>;
}

/**
 * The API, typed by the server's route schemas: `api.get('/corp')`,
 * `api.post('/contacts/tags', { body: { name } })`,
 * `api.get('/contacts/members/{id}', { params: { path: { id } } })`.
 * Resolves with the success body (`undefined` for 204) and rejects with an `ApiError`.
 */
export const api = {
  get: call('get'),
  post: call('post'),
  put: call('put'),
  patch: call('patch'),
  delete: call('delete'),
};

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
