import type { ReadCtx } from '../../platform/context.ts';
import { can } from '../../platform/policy/index.ts';
import { getCorp, isCertified } from '../corp/index.ts';
import { directoryCounts } from '../directory/index.ts';
import { getCategoryState } from '../category/index.ts';
import { getAlert, getWallet } from '../wallet/index.ts';
import { quotaLimit, servedCount } from '../customers/index.ts';
import { approvalCounts } from '../approval/index.ts';

export interface Overview {
  members: { activated: number; notActivated: number };
  departments: number;
  /** Null for a caller who may not see the wallet. */
  wallet: { balanceFen: number; alert: { enabled: boolean; thresholdFen: number; below: boolean } } | null;
  approvals: { running: number; todoForMe: number };
  /** Null for a caller who may not see customer statistics. */
  customers: { served: number; limit: number } | null;
  /** The category chosen (the seed's Chinese with its English) and its review; null entry when never chosen. */
  category: { status: 'unset' | 'review' | 'approved' | 'rejected'; entry: { code: string; level1: string; level2: string | null; scope: string; en: { level1: string; level2: string | null; scope: string } } | null };
  certification: { certified: boolean; until: string | null };
}

/**
 * 首页: the enterprise at a glance, read only through the owning modules' doors. Figures the caller
 * has no right to see are null rather than refused, so every admin gets the page.
 */
export async function overview(ctx: ReadCtx): Promise<Overview> {
  const { trx: db, corpId, now } = ctx;
  const counts = await directoryCounts(db, corpId);
  const memberId = ctx.actor.kind === 'member' ? ctx.actor.id : null;
  const state = (await getCategoryState(db, corpId)).category;
  const corp = await getCorp(db, corpId);
  let wallet: Overview['wallet'] = null;
  if (await can(ctx, 'wallet.read')) {
    const { balanceFen } = await getWallet(db, corpId);
    const alert = await getAlert(db, corpId);
    const thresholdFen = alert.amountYuan * 100;
    wallet = { balanceFen, alert: { enabled: alert.enabled, thresholdFen, below: alert.enabled && balanceFen < thresholdFen } };
  }
  let customers: Overview['customers'] = null;
  if (await can(ctx, 'customers.stats')) customers = { served: await servedCount(db, corpId), limit: (await quotaLimit(db, corpId, now)).limit };
  return {
    members: { activated: counts.activated, notActivated: counts.notActivated },
    departments: counts.departments,
    wallet,
    approvals: await approvalCounts(db, corpId, memberId),
    customers,
    category: { status: state?.status ?? 'unset', entry: state ? { code: state.code, level1: state.level1, level2: state.level2, scope: state.scope, en: state.en } : null },
    certification: { certified: await isCertified(db, corpId, now), until: corp.certifiedUntil },
  };
}
