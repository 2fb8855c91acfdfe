import type { FastifyRequest } from 'fastify';
import type { Actor } from '../context.ts';
import type { Tx } from '../db/tables.ts';
import type { DomainError } from '../errors.ts';
import type { Registry } from '../module.ts';

/** The headers a client names its device with when it signs in or enters an enterprise. */
export const DEVICE_ID_HEADER = 'x-banyan-device-id';
export const DEVICE_NAME_HEADER = 'x-banyan-device-name';
/** The console also keeps the id in a cookie, for sign-ins that arrive by redirect (OIDC). */
export const DEVICE_COOKIE = 'banyan_device';

/** The device a client says it is: a stable id it generated once, and a name a person recognises. */
export interface DeviceClaim {
  id: string;
  name: string;
}

const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The request's device, or null when it names none (or a malformed id, which names none either). */
export function deviceClaim(request: FastifyRequest): DeviceClaim | null {
  const id = request.headers[DEVICE_ID_HEADER] ?? request.cookies[DEVICE_COOKIE];
  if (typeof id !== 'string' || !DEVICE_ID.test(id)) return null;
  const raw = request.headers[DEVICE_NAME_HEADER];
  const name = typeof raw === 'string' ? decodeName(raw) : '';
  return { id, name: name === '' ? id.slice(0, 12) : name };
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw).trim().slice(0, 60);
  } catch {
    return '';
  }
}

/** An account about to act in an enterprise: signing in to it, or switching a session to it. */
export interface SignInAttempt {
  trx: Tx;
  registry: Registry;
  now: number;
  ip: string;
  corpId: string;
  actor: Actor;
  device: DeviceClaim | null;
}

/**
 * What a guard answers: refused (its writes still commit: a device waiting for approval is
 * recorded), or allowed, with what to do once the session exists (in the same transaction).
 */
export type SignInDecision = { refused: DomainError } | { allowed: true; onSession?: (sessionHash: string) => Promise<void> };

/**
 * A module's say in who may enter an enterprise, declared in its manifest (`signInGuards`). The
 * session module runs every guard of the registry on each sign-in and corp switch; a module listed
 * after session (security's 设备管理) fills it without session importing it.
 */
export interface SignInGuard {
  name: string;
  check(attempt: SignInAttempt): Promise<SignInDecision>;
}

export type GuardsOutcome = { refused: DomainError } | { allowed: true; onSessions: ((sessionHash: string) => Promise<void>)[] };

/** Runs the guards in manifest order: the first refusal wins, else every onSession is kept. */
export async function runSignInGuards(guards: readonly SignInGuard[], attempt: SignInAttempt): Promise<GuardsOutcome> {
  const onSessions: ((sessionHash: string) => Promise<void>)[] = [];
  for (const guard of guards) {
    const decision = await guard.check(attempt);
    if ('refused' in decision) return decision;
    if (decision.onSession) onSessions.push(decision.onSession);
  }
  return { allowed: true, onSessions };
}
