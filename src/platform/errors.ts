/**
 * One catalogue of error codes. Each module declares its codes with `defineErrors`; the HTTP layer
 * is the only place that turns a code into a status. Services throw `DomainError`, never HTTP errors.
 */
export interface ErrorSpec {
  status: number;
  /** English sentence; the console shows its own translation of the code. */
  message: string;
}

const catalogue = new Map<string, ErrorSpec>();

export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): { [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, spec] of Object.entries(specs)) {
    const known = catalogue.get(code);
    if (known && known.status !== spec.status) throw new Error(`error code ${code} defined twice`);
    catalogue.set(code, spec);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

export function errorSpec(code: string): ErrorSpec | undefined {
  return catalogue.get(code);
}

export function allErrorCodes(): string[] {
  return [...catalogue.keys()].sort();
}

export class DomainError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(code: string, details: Record<string, unknown> = {}, message?: string) {
    const spec = catalogue.get(code);
    if (!spec) throw new Error(`unknown error code ${code}`);
    super(message ?? spec.message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return catalogue.get(this.code)!.status;
  }
}

export const CommonErrors = defineErrors({
  'request.invalid': { status: 400, message: 'The request is not valid.' },
  'request.too_large': { status: 413, message: 'The request body is too large.' },
  'request.unsupported_media_type': { status: 415, message: 'The request body must be JSON.' },
  'auth.required': { status: 401, message: 'Sign in first.' },
  'auth.no_enterprise': { status: 403, message: 'Choose an enterprise first; you may no longer belong to this one.' },
  'auth.csrf': { status: 403, message: 'The request is missing its CSRF token; reload the page.' },
  forbidden: { status: 403, message: 'You do not have the right to do this.' },
  not_found: { status: 404, message: 'Not found.' },
  conflict: { status: 409, message: 'The resource was changed by someone else; reload and try again.' },
  'idempotency.key_reused': { status: 422, message: 'This idempotency key was already used for a different request.' },
  rate_limited: { status: 429, message: 'Too many requests; try again later.' },
  internal: { status: 500, message: 'Something went wrong on the server.' },
  unavailable: { status: 503, message: 'The service is not ready.' },
});
