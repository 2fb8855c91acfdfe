/**
 * Error codes. Each module declares its codes with `defineErrors` in its `<m>.errors.ts` and lists
 * them in its manifest; services throw `new DomainError(WalletErrors['wallet.insufficient_balance'])`.
 * A code carries its HTTP status and English sentence, so the HTTP layer (platform/http/errors.ts)
 * is the only place that turns it into a response, and nothing has to be registered at start-up.
 */
export interface ErrorSpec {
  status: number;
  /** English sentence; the console shows its own translation of the code. */
  message: string;
}

export interface ErrorDef<C extends string = string> extends ErrorSpec {
  readonly code: C;
}

export type ErrorCatalog<K extends string = string> = { readonly [C in K]: ErrorDef<C> };

export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): ErrorCatalog<Extract<keyof T, string>> {
  const catalog: Record<string, ErrorDef> = {};
  for (const [code, spec] of Object.entries(specs)) catalog[code] = Object.freeze({ code, status: spec.status, message: spec.message });
  return Object.freeze(catalog) as ErrorCatalog<Extract<keyof T, string>>;
}

/** The platform's own codes: any module may throw these by name. */
export const CommonErrors = defineErrors({
  'request.invalid': { status: 400, message: 'The request is not valid.' },
  'request.too_large': { status: 413, message: 'The request body is too large.' },
  'request.unsupported_media_type': { status: 415, message: 'This route does not take a body of this content type; details.accepted says which it takes.' },
  'request.param_too_long': { status: 414, message: 'A value in the path is longer than 100 characters.' },
  'request.timeout': { status: 408, message: 'The request took too long to arrive.' },
  'request.unknown_id': { status: 422, message: 'An id in the request names nothing in this enterprise; details.field says which.' },
  'auth.required': { status: 401, message: 'Sign in first.' },
  'auth.no_enterprise': { status: 403, message: 'Choose an enterprise first; you may no longer belong to this one.' },
  'auth.password_change_required': { status: 403, message: 'Set a new password first: your admin asked you to change it.' },
  'auth.csrf': { status: 403, message: 'The request is missing its CSRF token; reload the page.' },
  forbidden: { status: 403, message: 'You do not have the right to do this.' },
  not_found: { status: 404, message: 'Not found.' },
  conflict: { status: 409, message: 'The resource was changed by someone else; reload and try again.' },
  'idempotency.key_reused': { status: 422, message: 'This idempotency key was already used for a different request.' },
  rate_limited: { status: 429, message: 'Too many requests; try again later.' },
  internal: { status: 500, message: 'Something went wrong on the server.' },
  unavailable: { status: 503, message: 'The service is not ready.' },
});

export type CommonCode = keyof typeof CommonErrors;

export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;

  /** A module's code (`XErrors['x.y']`) or one of the platform's by name (`'not_found'`). */
  constructor(error: ErrorDef | CommonCode, details: Record<string, unknown> = {}, message?: string) {
    const def = typeof error === 'string' ? CommonErrors[error] : error;
    super(message ?? def.message);
    this.name = 'DomainError';
    this.code = def.code;
    this.status = def.status;
    this.details = details;
  }
}

export type RequestPart = 'body' | 'querystring';

/**
 * A refusal that concerns one field of the request: its details say where (`in`) and which
 * (`field`, a JSON pointer such as `/userid`), as a schema refusal does, so the console puts the
 * message under that field.
 */
export function fieldError(error: ErrorDef | CommonCode, field: string, details: Record<string, unknown> = {}, where: RequestPart = 'body'): DomainError {
  return new DomainError(error, { in: where, field, ...details });
}

/** An id of a body or query that names nothing in the caller's enterprise: 422 with the field's path. */
export function unknownId(field: string, id: string, where: RequestPart = 'body'): DomainError {
  return fieldError('request.unknown_id', field, { id }, where);
}

/**
 * Refuses the first of `ids` that `known` does not hold, naming its place (`/visibleRange/memberIds/2`).
 * Lists are checked whole before anything is written, so a refusal leaves nothing behind.
 */
export function requireKnownIds(ids: readonly string[], known: { has(id: string): boolean }, field: string, where: RequestPart = 'body'): void {
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0) throw unknownId(`${field}/${index}`, ids[index]!, where);
}
