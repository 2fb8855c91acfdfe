import type { FastifyServerOptions } from 'fastify';

/**
 * Pino options: secrets and personal data never reach the logs. Request bodies are not logged at
 * all; these paths cover what handlers or errors might still carry.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.password_hash',
        '*.secret',
        '*.token',
        '*.phone',
        '*.mobile',
        'databaseUrl',
        'paymentSecret',
        '*.paymentSecret',
        'smtpUrl',
        '*.smtpUrl',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({ method: request.method, url: maskLinkSecrets(maskPhones(request.url)), ip: request.ip }),
    },
  };
}

/** Mainland mobile numbers in free text (a search query in a URL) keep only their last four digits. */
export function maskPhones(text: string): string {
  return text.replace(/(?<!\d)(\+?86)?1[3-9]\d{5}(\d{4})(?!\d)/g, '1*******$2');
}

/** The console's link pages (/activate/<corp>.<id>.<secret>, /join/…, /reset/…) keep everything but the secret. */
export function maskLinkSecrets(url: string): string {
  return url.replace(/^(\/(?:activate|join|reset)\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.)[^/?#]+/, '$1…');
}
