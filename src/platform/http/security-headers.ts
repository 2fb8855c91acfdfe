import type { FastifyInstance } from 'fastify';

/**
 * The headers @fastify/helmet would set, computed once at start-up instead of on every request:
 * helmet halved the requests per second of a trivial route (see docs/decisions.md).
 */
export function installSecurityHeaders(app: FastifyInstance, options: { https: boolean }): (url: string) => Record<string, string> {
  const csp = [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'self'",
    // QR codes are data: images.
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    // antd injects its CSS-in-JS as <style> elements.
    "style-src 'self' 'unsafe-inline'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join(';');
  const common: Record<string, string> = {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  const strict = { ...common, 'content-security-policy': csp };
  // The API reference page (swagger-ui) runs an inline bootstrap script.
  const docs = { ...common, 'content-security-policy': csp.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'") };
  // JSON is never rendered as a page: the API gets the few headers that matter for it (the OWASP
  // REST set), which also keeps the hottest path short.
  const api: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
    ...(options.https ? { 'strict-transport-security': common['strict-transport-security']! } : {}),
  };

  const headersFor = (url: string) => (url.startsWith('/api/v1/') ? api : url.startsWith('/api/docs') ? docs : strict);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headersFor(request.url));
    done();
  });
  // For the answers given before any hook runs (platform/http/errors.ts frameworkErrorHandler).
  return headersFor;
}
