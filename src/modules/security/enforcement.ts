import type { Executor } from '../../platform/db/tables.ts';
import type { ReadCache, ReadCaches } from '../../platform/http/read-cache.ts';
import { expandRecipients } from '../directory/index.ts';
import { IpAllowList, parseRange, type ParsedRange } from './ip-ranges.ts';
import { readPolicy, securityActiveUntil } from './policies.service.ts';
import type { IpSurface, Scope } from './security.schema.ts';

/** An IP policy ready for the request path: allow lists compiled, exempt members expanded. */
export interface CompiledIpPolicy {
  activeUntil: number;
  enabled: boolean;
  lists: Record<IpSurface, IpAllowList | null>;
  exempt: ReadonlySet<string>;
}

/** The policies that name a scope and a whitelist of members. */
export type ScopedPolicyKind = 'screen_capture' | 'share_external' | 'device' | 'leak';

/** A client policy (截屏/录屏管控, 分享到外部管理) or 设备管理's restriction with its scope and whitelist expanded to members. */
export interface CompiledClientPolicy {
  activeUntil: number;
  enabled: boolean;
  /** null: the scope is empty, so it covers every member. */
  scope: ReadonlySet<string> | null;
  whitelist: ReadonlySet<string>;
}

export type IpDecision = { allowed: true } | { allowed: false; reason: 'address_not_listed' };

/**
 * The check on every request to mail or drive. Not applied when the purchase has lapsed (from the
 * instant `activeUntil` on), when the policy is off, when the surface has no list, or for an
 * exempt member.
 */
export function decideIp(policy: CompiledIpPolicy, surface: IpSurface, memberId: string, address: string, now: number): IpDecision {
  if (now >= policy.activeUntil || !policy.enabled) return { allowed: true };
  const list = policy.lists[surface];
  if (list === null || policy.exempt.has(memberId)) return { allowed: true };
  return list.allows(address) ? { allowed: true } : { allowed: false, reason: 'address_not_listed' };
}

/** Whether the client policy restricts this member at `now`. */
export function restricts(policy: CompiledClientPolicy, memberId: string, now: number): boolean {
  if (now >= policy.activeUntil || !policy.enabled) return false;
  if (policy.whitelist.has(memberId)) return false;
  return policy.scope === null || policy.scope.has(memberId);
}

function compileList(entries: readonly string[]): IpAllowList | null {
  if (entries.length === 0) return null;
  // Entries were validated when saved; parseRange cannot fail on them.
  return new IpAllowList(entries.map((e) => parseRange(e) as ParsedRange));
}

const isEmpty = (scope: Scope) => scope.memberIds.length + scope.departmentIds.length + scope.tagIds.length === 0;

async function expand(db: Executor, corpId: string, scope: Scope): Promise<Set<string>> {
  return new Set(await expandRecipients(db, corpId, scope));
}

export async function compileIpPolicy(db: Executor, corpId: string): Promise<CompiledIpPolicy> {
  const [activeUntil, policy] = await Promise.all([securityActiveUntil(db, corpId), readPolicy(db, corpId, 'ip')]);
  return { activeUntil, enabled: policy.enabled, lists: { mail: compileList(policy.mail), drive: compileList(policy.drive) }, exempt: await expand(db, corpId, policy.exempt) };
}

export async function compileClientPolicy(db: Executor, corpId: string, kind: ScopedPolicyKind): Promise<CompiledClientPolicy> {
  const [activeUntil, policy] = await Promise.all([securityActiveUntil(db, corpId), readPolicy(db, corpId, kind)]);
  return { activeUntil, enabled: policy.enabled, scope: isEmpty(policy.scope) ? null : await expand(db, corpId, policy.scope), whitelist: await expand(db, corpId, policy.whitelist) };
}

/**
 * The compiled policies of each enterprise, in the app's read caches: any write request clears
 * them (a policy saved, a member moved, a purchase made), and on PostgreSQL, where other processes
 * may write, they are compiled on every request (see ReadCache). The cache holds the compilation
 * under way, so the requests arriving while it runs wait for that one instead of each compiling.
 */
export class PolicyCache {
  readonly #ip: ReadCache<Promise<CompiledIpPolicy>>;
  readonly #client: ReadCache<Promise<CompiledClientPolicy>>;

  constructor(caches: ReadCaches) {
    this.#ip = caches.create();
    this.#client = caches.create();
  }

  ip(db: Executor, corpId: string): Promise<CompiledIpPolicy> {
    return once(this.#ip, corpId, () => compileIpPolicy(db, corpId));
  }

  client(db: Executor, corpId: string, kind: 'screen_capture' | 'share_external'): Promise<CompiledClientPolicy> {
    return once(this.#client, `${corpId}:${kind}`, () => compileClientPolicy(db, corpId, kind));
  }
}

function once<V>(cache: ReadCache<Promise<V>>, key: string, compile: () => Promise<V>): Promise<V> {
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = compile();
  cache.set(key, compiled);
  // A failed compilation is not kept: the next request tries again.
  compiled.catch(() => cache.clear());
  return compiled;
}
