import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { checkRecipients } from '../directory/index.ts';
import { featureActiveUntil } from '../features/index.ts';
import { SecurityErrors } from './security.errors.ts';
import { emptyScope, type ClientPolicy, type DevicePolicy, type IpPolicy, type LeakPolicy, type Scope, type WatermarkPolicy } from './security.schema.ts';
import { tables, type PolicyKind } from './security.tables.ts';

export interface Policies {
  ip: IpPolicy;
  watermark: WatermarkPolicy;
  screen_capture: ClientPolicy;
  share_external: ClientPolicy;
  device: DevicePolicy;
  leak: LeakPolicy;
}

const mark = () => ({ enabled: false, content: ['name' as const, 'phone' as const] });
/** What an enterprise that never saved a policy has: everything off. */
function defaults<K extends PolicyKind>(kind: K): Policies[K] {
  const all: Policies = {
    ip: { enabled: false, mail: [], drive: [], exempt: emptyScope() },
    watermark: { chat: mark(), contacts: mark(), mail: mark(), docs: mark(), drive: mark(), customText: '' },
    screen_capture: { enabled: false, scope: emptyScope(), whitelist: emptyScope() },
    share_external: { enabled: false, scope: emptyScope(), whitelist: emptyScope() },
    device: { enabled: false, newDevice: 'approval', scope: emptyScope(), whitelist: emptyScope() },
    leak: { enabled: false, scope: emptyScope(), whitelist: emptyScope(), blockDownload: false, blockExternalShare: false },
  };
  return all[kind];
}

/** When the enterprise's 安全管理 purchase ends: policies apply while `now < activeUntil`. */
export function securityActiveUntil(db: Executor, corpId: string): Promise<number> {
  return featureActiveUntil(db, corpId, 'security');
}

export async function readPolicy<K extends PolicyKind>(db: Executor, corpId: string, kind: K): Promise<Policies[K]> {
  const row = await tables(db).selectFrom('security_policies').select('settings_json').where('corp_id', '=', corpId).where('kind', '=', kind).executeTakeFirst();
  return row ? (JSON.parse(row.settings_json) as Policies[K]) : defaults(kind);
}

export async function assertActive(db: Executor, corpId: string, now: number): Promise<void> {
  if ((await securityActiveUntil(db, corpId)) <= now) throw new DomainError(SecurityErrors['security.not_active']);
}

/** Every id of a scope must be the enterprise's own (`request.unknown_id` at its place). */
export function checkScope(ctx: Ctx, scope: Scope, field: string): Promise<void> {
  return checkRecipients(ctx.trx, ctx.corpId, scope, field);
}

/**
 * Saves a policy, only while the purchase is in force (a lapsed enterprise keeps what it had and
 * changes it after renewing), with the audit row in the same transaction.
 */
export async function savePolicy<K extends PolicyKind>(ctx: Ctx, kind: K, policy: Policies[K]): Promise<Policies[K]> {
  await assertActive(ctx.trx, ctx.corpId, ctx.now);
  const before = await readPolicy(ctx.trx, ctx.corpId, kind);
  const json = JSON.stringify(policy);
  await tables(ctx.trx)
    .insertInto('security_policies')
    .values({ corp_id: ctx.corpId, kind, settings_json: json, updated_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'kind']).doUpdateSet({ settings_json: json, updated_at: ctx.now }))
    .execute();
  await audit(ctx, { action: `security.${kind}`, target: { type: 'security_policy', id: kind }, before, after: policy });
  return policy;
}
