import { Type, type Static } from 'typebox';
import { IsoDateTime, Page, PageQuery, StrictObject } from '../../platform/http/schemas.ts';

const MemberRef = Type.String({ minLength: 1, maxLength: 40 });

/** What of a member's data a hand-over moves, per kind (counts). */
export const AssetsSchema = Type.Object({
  docsFiles: Type.Integer({ description: 'files of their own space (我的空间)' }),
  docsSpaces: Type.Integer({ description: 'team spaces they manage' }),
  files: Type.Integer({ description: 'files of their file store (我的文件), moved with their folders' }),
  customers: Type.Integer(),
  customerGroups: Type.Integer({ description: 'live customer groups they own' }),
  approvalTasks: Type.Integer({ description: 'open tasks of running requests' }),
});
export type Assets = Static<typeof AssetsSchema>;

export const PendingMemberDto = Type.Object({ memberId: Type.String(), name: Type.String(), userid: Type.String(), departedAt: IsoDateTime, assets: AssetsSchema });
export const PendingDto = Type.Object({ active: Type.Boolean({ description: 'the 安全管理 purchase is in force (a hand-over is refused otherwise)' }), items: Type.Array(PendingMemberDto) });

export const HandoverBody = StrictObject({ fromMemberId: MemberRef, toMemberId: MemberRef });
export type HandoverInput = Static<typeof HandoverBody>;

export const LeftTaskDto = Type.Object({ taskId: Type.String(), reason: Type.Literal('successor_is_applicant') });
export const HandoverDto = Type.Object({
  id: Type.String(),
  fromMemberId: Type.String(),
  fromName: Type.String(),
  toMemberId: Type.String(),
  toName: Type.String(),
  state: Type.Union([Type.Literal('completed'), Type.Literal('partial')]),
  moved: AssetsSchema,
  left: Type.Array(LeftTaskDto),
  byName: Type.String(),
  createdAt: IsoDateTime,
  automatic: Type.Boolean({ description: 'made by the rule when the member left, not by an admin' }),
  repeated: Type.Boolean({ description: 'nothing was left to move: this is the earlier hand-over, unchanged' }),
});
export type HandoverView = Static<typeof HandoverDto>;
export const HandoverQuery = StrictObject({ ...PageQuery, memberId: Type.Optional(MemberRef) });
export const HandoverPage = Page(HandoverDto);

/** Who receives a departing member's data by itself: nobody (an admin hands over), their department head, or a named member. */
export const HandoverRuleSchema = StrictObject({
  mode: Type.Union([Type.Literal('manual'), Type.Literal('department_head'), Type.Literal('member')]),
  memberId: Type.Union([MemberRef, Type.Null()], { description: 'the successor when mode is member' }),
});
export type HandoverRule = Static<typeof HandoverRuleSchema>;
export const HandoverRuleDto = Type.Object({ active: Type.Boolean(), rule: HandoverRuleSchema });
