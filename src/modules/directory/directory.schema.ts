import { Type } from 'typebox';
import { IsoDateTime, NullableIsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import { MEMBER_LIMITS } from './member.rules.ts';
import { ACTIVATIONS } from './activation.ts';

const Ref = Type.String({ minLength: 1, maxLength: 40 });
const DepartmentName = Type.String({ minLength: 1, maxLength: 64, pattern: '\\S' });
const TagName = Type.String({ minLength: 1, maxLength: 32, pattern: '\\S' });
const MemberName = Type.String({ minLength: 1, maxLength: MEMBER_LIMITS.name, pattern: '\\S' });
const Userid = Type.String({ minLength: 1, maxLength: MEMBER_LIMITS.userid, pattern: '^[A-Za-z0-9][A-Za-z0-9_.@-]*$' });
const Phone = Type.Union([Type.String({ pattern: '^(\\+?[0-9][0-9-]{4,19})?$' }), Type.Null()]);
const Email = Type.Union([Type.String({ maxLength: MEMBER_LIMITS.email, pattern: '^([^\\s@]+@[^\\s@]+\\.[^\\s@]+)?$' }), Type.Null()]);
const Position = Type.Union([Type.String({ maxLength: MEMBER_LIMITS.position }), Type.Null()]);
const MemberStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled'), Type.Literal('departed')]);
/** 未激活 / 已激活 / 已禁用 / 已离职. */
export const Activation = Type.Enum(ACTIVATIONS, { description: 'not_activated: no account linked yet; activated: an account is linked; disabled; departed' });

export const IdParams = StrictObject({ id: Ref });
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) });
export const Created = Type.Object({ id: Type.String() });

export const Person = Type.Object({ id: Type.String(), name: Type.String() });

export const DepartmentDto = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  sortOrder: Type.Integer(),
  depth: Type.Integer(),
  memberCount: Type.Integer({ description: 'active and disabled members sitting directly in the department' }),
  totalMemberCount: Type.Integer({ description: 'active and disabled members of the department and its sub-departments, each counted once' }),
  heads: Type.Array(Person),
  manageable: Type.Boolean(),
});
export const DepartmentList = Type.Object({ items: Type.Array(DepartmentDto), canManage: Type.Boolean() });
export const NewDepartmentBody = StrictObject({ parentId: Ref, name: DepartmentName });
export const RenameDepartmentBody = StrictObject({ name: DepartmentName });
export const MoveDepartmentBody = StrictObject({
  parentId: Ref,
  index: Type.Optional(Type.Integer({ minimum: 0, description: 'position among the new siblings; the end when absent' })),
});
export const HeadsBody = StrictObject({ memberIds: Type.Array(Ref, { maxItems: 50 }) });

export const MemberDto = Type.Object({
  id: Type.String(),
  userid: Type.String(),
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  position: Type.Union([Type.String(), Type.Null()]),
  status: MemberStatus,
  mainDepartmentId: Type.String(),
  departments: Type.Array(Person),
  headOf: Type.Array(Type.String()),
  linked: Type.Boolean(),
  activation: Activation,
  joinedAt: IsoDateTime,
  departedAt: NullableIsoDateTime,
  editable: Type.Boolean(),
  removable: Type.Boolean(),
});
export const ActivationCounts = Type.Object({ not_activated: Type.Integer(), activated: Type.Integer(), disabled: Type.Integer(), departed: Type.Integer() });
export const MemberPage = Type.Object({
  items: Type.Array(MemberDto),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  total: Type.Optional(Type.Integer({ description: 'with withTotal: how many members the same filter matches' })),
});
export const MemberQuery = StrictObject({
  departmentId: Type.Optional(Ref),
  includeSub: Type.Optional(Type.Boolean({ description: 'with departmentId: the whole subtree' })),
  q: Type.Optional(Type.String({ maxLength: 64, description: 'name, pinyin initials, full pinyin, phone or userid' })),
  status: Type.Optional(MemberStatus),
  activation: Type.Optional(Activation),
  cursor: Type.Optional(Type.String({ maxLength: 1000 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'skip this many members (page numbers); not with cursor' })),
  withTotal: Type.Optional(Type.Boolean({ description: 'also count the members the filter matches (total)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const NewMemberBody = StrictObject({
  name: MemberName,
  userid: Userid,
  phone: Type.Optional(Phone),
  email: Type.Optional(Email),
  position: Type.Optional(Position),
  departmentIds: Type.Array(Ref, { minItems: 1, maxItems: 20 }),
  mainDepartmentId: Type.Optional(Ref),
  joinedAt: Type.Optional(IsoDateTime),
});
export const UpdateMemberBody = StrictObject({
  name: Type.Optional(MemberName),
  phone: Type.Optional(Phone),
  email: Type.Optional(Email),
  position: Type.Optional(Position),
  departmentIds: Type.Optional(Type.Array(Ref, { minItems: 1, maxItems: 20 })),
  mainDepartmentId: Type.Optional(Ref),
});
export const StatusBody = StrictObject({ status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]) });

export const TagDto = Type.Object({ id: Type.String(), name: Type.String(), memberCount: Type.Integer(), departmentCount: Type.Integer() });
export const TagList = Type.Object({ items: Type.Array(TagDto) });
export const TagBody = StrictObject({ name: TagName });
export const TagHoldersDto = Type.Object({
  members: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), userid: Type.String() })),
  departments: Type.Array(Person),
  reach: Type.Integer(),
});
const HolderSet = StrictObject({ memberIds: Type.Optional(Type.Array(Ref, { maxItems: 1000 })), departmentIds: Type.Optional(Type.Array(Ref, { maxItems: 1000 })) });
export const TagHoldersBody = StrictObject({ add: Type.Optional(HolderSet), remove: Type.Optional(HolderSet) });

export const ImportKind = Type.Union([Type.Literal('members'), Type.Literal('departments')]);
export const FileFormat = Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]);
/** The import's multipart/form-data fields, for the OpenAPI document (upload.ts reads and checks them). */
export const ImportForm = Type.Object(
  {
    kind: ImportKind,
    format: FileFormat,
    file: Type.String({ format: 'binary', description: 'the .xlsx or .csv file, at most 20 MiB (20,971,520 bytes)' }),
  },
  { additionalProperties: false },
);
export const ImportRowError = Type.Object({ row: Type.Integer(), field: Type.String(), reason: Type.String() });
export const ImportStatusDto = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  done: Type.Integer(),
  total: Type.Union([Type.Integer(), Type.Null()]),
  result: Type.Union([Type.Object({ created: Type.Integer() }), Type.Null()]),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String(), rows: Type.Array(ImportRowError) }), Type.Null()]),
});
export const ExportQuery = StrictObject({ kind: ImportKind, format: FileFormat });
