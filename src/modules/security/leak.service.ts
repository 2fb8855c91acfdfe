import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { hasFeature } from '../features/index.ts';
import { compileClientPolicy, restricts } from './enforcement.ts';
import { checkScope, readPolicy, savePolicy, securityActiveUntil } from './policies.service.ts';
import { SecurityErrors } from './security.errors.ts';
import type { LeakPolicy } from './security.schema.ts';

/**
 * 文件防泄漏's policy: 禁止分享到外部 only on top of leak prevention (turning it on alone would
 * promise a protection nothing enforces), scope and whitelist the enterprise's own.
 */
export async function saveLeakPolicy(ctx: Ctx, input: LeakPolicy): Promise<LeakPolicy> {
  if (input.blockExternalShare && !input.enabled) throw new DomainError(SecurityErrors['security.leak_prevention_off'], { field: '/blockExternalShare' });
  await checkScope(ctx, input.scope, '/scope');
  await checkScope(ctx, input.whitelist, '/whitelist');
  return savePolicy(ctx, 'leak', input);
}

/** What 文件防泄漏 enforces at `now` on files already confidential: nothing while the purchase has lapsed or the policy is off. */
export interface LeakRules {
  /** The purchase is in force and leak prevention is on: confidential files are governed and their use recorded. */
  active: boolean;
  /** 禁止下载与导出: a confidential file is preview-only, and cannot be shared out or opened with another app. */
  blockDownload: boolean;
  /** 禁止分享到外部: 「分享到微信」 and 「用其他应用打开」 are refused. */
  blockExternalShare: boolean;
}

export async function leakRules(db: Executor, corpId: string, now: number): Promise<LeakRules> {
  const [activeUntil, policy] = await Promise.all([securityActiveUntil(db, corpId), readPolicy(db, corpId, 'leak')]);
  const active = now < activeUntil && policy.enabled;
  return { active, blockDownload: active && policy.blockDownload, blockExternalShare: active && policy.blockExternalShare };
}

/**
 * Whether a file this member uploads at `now` becomes confidential: the purchase in force, leak
 * prevention on, the member in its scope and not whitelisted, and holding a 安全管理 seat (the
 * policies of a paid feature govern only its seat holders).
 */
export async function leakCovers(db: Executor, corpId: string, memberId: string, now: number): Promise<boolean> {
  const policy = await compileClientPolicy(db, corpId, 'leak');
  if (!restricts(policy, memberId, now)) return false;
  return hasFeature(db, corpId, memberId, 'security', now);
}
