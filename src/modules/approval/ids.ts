import type { Executor } from '../../platform/db/tables.ts';
import { DomainError, unknownId } from '../../platform/errors.ts';
import { departmentPaths, membersByIds, tagInfo, type MemberSummary } from '../directory/index.ts';
import { ApprovalErrors } from './approval.errors.ts';

/**
 * Every member, department and tag id in an approval request body must name one of the caller's
 * enterprise: another enterprise's id (or a made-up one) is refused with the JSON pointer of the
 * field that holds it, before anything is written. Existence is checked here; whether a member is
 * still active is each caller's own rule (a departed member in a CC list is a different answer).
 */

export type IdKind = 'member' | 'department' | 'tag';

/** One id of a request body and where it sits (`/flow/0/assignee/memberIds/1`). */
export interface IdRef {
  field: string;
  kind: IdKind;
  id: string;
}

/** A JSON pointer from its parts (RFC 6901: `~` and `/` inside a part are escaped). */
export function pointer(...parts: (string | number)[]): string {
  return parts.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The refs of a list of ids under one field. */
export function listRefs(kind: IdKind, ids: readonly string[] | undefined, ...at: (string | number)[]): IdRef[] {
  return (ids ?? []).map((id, i) => ({ field: pointer(...at, i), kind, id }));
}

/**
 * Refuses the first ref, in body order, that names nothing of this enterprise (`request.unknown_id`,
 * 422, with the field). Returns the members found, whatever their status, for the callers' own checks.
 * One query per kind present: members and departments by id, tags one by one (templates name few).
 */
export async function checkIds(db: Executor, corpId: string, refs: readonly IdRef[]): Promise<Map<string, MemberSummary>> {
  const of = (kind: IdKind) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
  const memberIds = of('member');
  const members = memberIds.length > 0 ? await membersByIds(db, corpId, memberIds) : new Map<string, MemberSummary>();
  const departmentIds = of('department');
  const departments = departmentIds.length > 0 ? await departmentPaths(db, corpId, departmentIds) : new Map<string, string>();
  const tags = new Set<string>();
  for (const id of of('tag')) if (await tagInfo(db, corpId, id)) tags.add(id);
  const known = (r: IdRef) => (r.kind === 'member' ? members.has(r.id) : r.kind === 'department' ? departments.has(r.id) : tags.has(r.id));
  const unknown = refs.find((r) => !known(r));
  if (unknown) throw unknownId(unknown.field, unknown.id);
  return members;
}

/** 申请人不能审批自己的申请: refuses making the applicant an approver or handler through `field`. */
export function refuseApplicant(applicantId: string, memberId: string, field: string): void {
  if (memberId === applicantId) throw new DomainError(ApprovalErrors['approval.own_request'], { field, memberId });
}
