import type { Settings } from './approval.model.ts';
import type { InstanceStatus } from './approval.tables.ts';

const DAY = 86_400_000;

export type WithdrawRefusal = 'running_not_allowed' | 'approved_not_allowed' | 'window_passed' | 'builtin_approved' | 'closed';

/**
 * 撤销权限: whether the applicant may withdraw a request now, under the settings it was submitted
 * with. A running request unless the template forbids it; an approved one only when the template
 * allows it, at any time or within N days of the approval; a built-in template's approved request
 * never (its feature has already acted on it: 补卡 corrected the record); a rejected or withdrawn
 * one never. Null when allowed, else the reason.
 */
export function withdrawRefusal(row: { status: InstanceStatus; finished_at: number | null; builtin_kind: string | null }, settings: Settings, now: number): WithdrawRefusal | null {
  if (row.status === 'running') return settings.withdrawRunning ? null : 'running_not_allowed';
  if (row.status !== 'approved') return 'closed';
  if (row.builtin_kind !== null) return 'builtin_approved';
  if (settings.withdrawApproved === 'never') return 'approved_not_allowed';
  if (settings.withdrawApproved === 'within_days' && now > (row.finished_at ?? 0) + settings.withdrawApprovedDays * DAY) return 'window_passed';
  return null;
}
