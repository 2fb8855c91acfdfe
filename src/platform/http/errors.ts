import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrors, DomainError } from '../errors.ts';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

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

function send(reply: FastifyReply, status: number, code: string, message: string, details?: Record<string, unknown>): FastifyReply {
  return reply.status(status).type('application/json').send({ error: { code, message, ...(details ? { details } : {}) } });
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
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, 400, 'request.invalid', 'The body is not valid JSON.', { in: 'body', field: '/', reason: 'json' });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, 413, 'request.too_large', CommonErrors['request.too_large'].message);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, 415, 'request.unsupported_media_type', CommonErrors['request.unsupported_media_type'].message);
    }
    if (error.statusCode === 429) return send(reply, 429, 'rate_limited', CommonErrors.rate_limited.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, error.statusCode, 'request.invalid', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'internal', CommonErrors.internal.message);
  });
}
