import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrors, DomainError, type CommonCode } from '../errors.ts';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** The JSON body limit of every route (an upload says its own limit and is read as a stream). */
export const BODY_LIMIT = 1024 * 1024;
/** Fastify's router refuses a path parameter longer than this (`maxParamLength`). */
export const MAX_PARAM_LENGTH = 100;

/** `/account/name` for a bad value, `/account/password` for a missing one, `/foo` for an unknown one. */
function fieldOf(issue: ValidationIssue): string {
  const path = issue.instancePath ?? '';
  const params = issue.params ?? {};
  const named =
    (params.requiredProperties as string[] | undefined)?.[0] ??
    (params.missingProperty as string | undefined) ??
    (params.additionalProperties as string[] | undefined)?.[0] ??
    (params.additionalProperty as string | undefined);
  return named ? `${path}/${named}` : path || '/';
}

/** The schema keyword that failed; an unknown field (a `false` sub-schema) reads as `unknown_field`. */
function reasonOf(issue: ValidationIssue): string {
  if (issue.keyword === 'boolean' || issue.keyword === 'additionalProperties') return 'unknown_field';
  return issue.keyword ?? 'invalid';
}

/** The one body of every error: `{ error: { code, message, details? } }`. */
export function errorBody(code: string, message: string, details?: Record<string, unknown>): { error: { code: string; message: string; details?: Record<string, unknown> } } {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

function send(reply: FastifyReply, status: number, code: string, message: string, details?: Record<string, unknown>): FastifyReply {
  return reply.status(status).type('application/json').send(errorBody(code, message, details));
}

function sendCommon(reply: FastifyReply, code: CommonCode, details?: Record<string, unknown>, message?: string): FastifyReply {
  const def = CommonErrors[code];
  return send(reply, def.status, def.code, message ?? def.message, details);
}

/** The content types a route's body may have: those its schema lists, JSON otherwise. */
function acceptedTypes(request: FastifyRequest): string[] {
  const body = request.routeOptions.schema?.body as { content?: Record<string, unknown> } | undefined;
  return body?.content ? Object.keys(body.content) : ['application/json'];
}

/**
 * Fastify's own errors (router, body parsers, limits) as Banyan codes. A client sees the same
 * envelope whatever refused the request; nothing of Fastify's wording or codes leaks.
 */
function sendFastifyError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(reply, 400, 'request.invalid', 'The body is not valid JSON.', { in: 'body', field: '/', reason: 'json' });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return send(reply, 400, 'request.invalid', 'The body does not match its Content-Length.', { in: 'body', field: '/', reason: 'content_length' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendCommon(reply, 'request.too_large', { limitBytes: request.routeOptions.bodyLimit ?? BODY_LIMIT });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendCommon(reply, 'request.unsupported_media_type', { accepted: acceptedTypes(request) });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return sendCommon(reply, 'request.param_too_long', { in: 'params', maxLength: MAX_PARAM_LENGTH });
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_INVALID_URL':
      return send(reply, 400, 'request.invalid', 'The address is not valid.', { in: 'url', reason: 'url' });
    case 'FST_ERR_NOT_FOUND':
      return notFound(request, reply);
  }
  return undefined;
}

/** The answer for a path no route serves (and for the console's missing files). */
export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0]!;
  return send(reply, 404, 'not_found', `No route ${request.method} ${path}.`);
}

/** The one place where errors become HTTP responses. No stack trace ever leaves. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) {
      return send(reply, error.status, error.code, error.message, Object.keys(error.details).length ? error.details : undefined);
    }
    if (error.validation) {
      const issue = error.validation[0] as ValidationIssue;
      const field = fieldOf(issue);
      const where = error.validationContext ?? 'body';
      return send(reply, 400, 'request.invalid', `${where} ${field}: ${issue.message ?? 'is not valid'}`, { in: where, field, reason: reasonOf(issue) });
    }
    const mapped = sendFastifyError(error, request, reply);
    if (mapped) return mapped;
    if (error.statusCode === 429) return sendCommon(reply, 'rate_limited');
    if (error.statusCode === 413) return sendCommon(reply, 'request.too_large');
    if (error.statusCode === 404) return notFound(request, reply);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Another 4xx from a plugin: the envelope and a stable code, not the plugin's wording.
      return sendCommon(reply, 'request.invalid');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendCommon(reply, 'internal');
  });
}

/**
 * Fastify's `frameworkErrors`: errors raised before a route is chosen (a path parameter over
 * 100 characters, a malformed URL), which skip the error handler and the request hooks. They get
 * the same envelope, and the response headers the hooks would have set (`headers`).
 */
export function frameworkErrorHandler(headers: () => (url: string) => Record<string, string>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    reply.headers(headers()(request.url));
    if (!sendFastifyError(error, request, reply)) {
      request.log.error({ err: error }, 'unhandled framework error');
      sendCommon(reply, 'internal');
    }
  };
}

/**
 * Fastify's `clientErrorHandler`: a request that is not HTTP at all (bad framing, headers too large,
 * too slow) never reaches a route; it is answered on the socket in the same envelope and closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'request.too_large', 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request.timeout', CommonErrors['request.timeout'].message]
        : [400, 'request.invalid', 'The request is not valid HTTP.'];
  const body = JSON.stringify(errorBody(code, message));
  const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  // end() rather than destroy(): the answer is flushed before the socket closes.
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  else socket.destroy();
}
