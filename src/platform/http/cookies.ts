import type { FastifyReply } from 'fastify';
import { SESSION_TTL_MS } from '../auth/sessions.ts';
import { COOKIES } from './auth.ts';

/**
 * The session cookie is httpOnly; the CSRF cookie is readable by the console, which echoes it in
 * the `x-csrf-token` header of every write (double submit, checked against the session's value).
 */
export function setSessionCookies(reply: FastifyReply, which: 'session' | 'operatorSession', secure: boolean, cookie: string, csrfToken: string): void {
  const base = { path: '/', sameSite: 'lax' as const, secure, maxAge: SESSION_TTL_MS / 1000 };
  reply.setCookie(COOKIES[which], cookie, { ...base, httpOnly: true });
  reply.setCookie(csrfCookieOf(which), csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, which: 'session' | 'operatorSession'): void {
  reply.clearCookie(COOKIES[which], { path: '/' });
  reply.clearCookie(csrfCookieOf(which), { path: '/' });
}

/** Members and operators have separate CSRF cookies, so one signing in does not break the other. */
function csrfCookieOf(which: 'session' | 'operatorSession'): string {
  return which === 'session' ? COOKIES.csrf : COOKIES.operatorCsrf;
}
