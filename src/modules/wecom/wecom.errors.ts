/**
 * The WeCom-compatible API answers every call with HTTP 200 and `{ errcode, errmsg }`. A
 * `WecomError` is a refusal the adapter decides itself (a missing token, a userid it cannot
 * parse); the services' DomainErrors are mapped to WeCom's codes in one table (`errcodeOf`).
 */
import { DomainError } from '../../platform/errors.ts';

export class WecomError extends Error {
  constructor(
    readonly errcode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Banyan's codes → WeCom's (doc/90313 via go-workwx, see ../shared/wecom-api.md §2). */
const BY_CODE: Record<string, number> = {
  forbidden: 48002,
  'directory.out_of_scope': 60011,
  'directory.department_not_found': 60003,
  'directory.department_root': 60007,
  'directory.department_name_taken': 60008,
  'directory.department_cycle': 60010,
  'directory.member_not_found': 60111,
  'directory.member_departed': 60111,
  'directory.userid_taken': 60102,
  'directory.phone_taken': 60104,
  'directory.main_department_invalid': 40058,
  'directory.head_not_member': 40058,
  'directory.tag_not_found': 40068,
  // 标签名字已经存在 (40071): not in the reference's table; the code WeCom's error list gives.
  'directory.tag_name_taken': 40071,
  'admin.creator_cannot_be_removed': 301005,
  // message/recall: WeCom's doc lists no codes of its own; an unknown (or another app's) msgid, a
  // second recall and one after 24 hours are all invalid parameters to it (docs/decisions.md).
  'app.message_not_found': 40058,
  'app.message_recalled': 40058,
  'app.message_too_old': 40058,
  'request.invalid': 40058,
  'request.too_large': 40058,
  'auth.required': 40014,
  rate_limited: 45009,
  conflict: -1,
};

/** WeCom's answer for any error the facade meets. Unknown failures are -1 (系统繁忙), which clients retry. */
export function errcodeOf(error: unknown): { errcode: number; errmsg: string } {
  if (error instanceof WecomError) return { errcode: error.errcode, errmsg: error.message };
  if (error instanceof DomainError) {
    let errcode = BY_CODE[error.code];
    if (error.code === 'directory.department_not_empty') errcode = Number(error.details.members ?? 0) > 0 ? 60005 : 60006;
    if (error.code === 'request.unknown_id') errcode = unknownIdCode(String(error.details.field ?? ''));
    // 审批: any refusal of the engine (a form it does not accept, an unknown sp_no or template) is 301025 (审批参数错误).
    if (error.code.startsWith('approval.') || (error.code === 'not_found' && ('instanceId' in error.details || 'templateId' in error.details))) errcode = 301025;
    if (error.code === 'approval.not_viewable') errcode = 60011;
    return { errcode: errcode ?? 40058, errmsg: `${error.message} (banyan: ${error.code})` };
  }
  const e = error as { validation?: unknown; statusCode?: number; message?: string };
  if (e.validation) return { errcode: 40058, errmsg: `invalid parameter: ${e.message ?? ''}` };
  if (e.statusCode === 429) return { errcode: 45009, errmsg: 'api freq out of limit' };
  return { errcode: -1, errmsg: 'system busy' };
}

function unknownIdCode(field: string): number {
  if (/parent/i.test(field)) return 60004;
  if (/department/i.test(field)) return 60123;
  if (/tag/i.test(field)) return 40068;
  return 60111;
}
