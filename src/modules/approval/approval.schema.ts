import { Type } from 'typebox';
import { StrictObject, IsoDateTime, NullableIsoDateTime, Page, PageQuery } from '../../platform/http/schemas.ts';
import { FormField, FlowNode, Range, Settings, TemplateInput } from './approval.model.ts';

export { TemplateInput };

const IdParam = Type.String({ maxLength: 40 });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const FormValue = Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 200 })]);
export const FormValues = Type.Record(Type.String({ maxLength: 40 }), FormValue);
const MemberIdList = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 200 });

export const TemplateDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  form: Type.Array(FormField),
  flow: Type.Array(FlowNode),
  settings: Settings,
  version: Type.Integer(),
  archived: Type.Boolean(),
  builtin: Type.Union([Type.String(), Type.Null()], { description: "A built-in template's kind (attendance.correction: 补卡); its form is fixed, its flow and settings are the admin's" }),
  visibility: Type.Union([Range, Type.Null()], { description: '可见范围: who sees and submits it; null: everyone' }),
  assistantIds: Type.Array(Type.String(), { description: '协助管理: members who manage this template and read its requests' }),
  /** Whether the caller may edit it: an admin of the app or one of its assistants. */
  canManage: Type.Boolean(),
  updatedAt: IsoDateTime,
});
export const TemplateList = Type.Object({ items: Type.Array(TemplateDto) });
export const UpdateTemplateBody = StrictObject({ ...TemplateInput.properties, expectedVersion: Type.Integer({ minimum: 1 }) });
export const TemplateParams = StrictObject({ templateId: IdParam });
export const TaskParams = StrictObject({ taskId: IdParam });
export const RequestParams = StrictObject({ requestId: IdParam });

export const SubmitBody = StrictObject({
  templateId: IdParam,
  applicantId: Type.Optional(IdParam),
  form: FormValues,
  picks: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), MemberIdList)),
  ccAdd: Type.Optional(MemberIdList),
  ccRemove: Type.Optional(MemberIdList),
  handlerOverrides: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), MemberIdList)),
  mentions: Type.Optional(MemberIdList),
});

const Comment = Type.Optional(Type.String({ maxLength: 2000 }));
/** 电子签名: the drawing from the console's signature pad, as a PNG data URL. */
const Signature = Type.String({ maxLength: 200_000, pattern: '^data:image/png;base64,[A-Za-z0-9+/=]+$' });
export const ActionBody = Type.Union([
  StrictObject({ action: Type.Literal('approve'), comment: Comment, signature: Type.Optional(Signature) }),
  StrictObject({ action: Type.Literal('reject'), comment: Comment }),
  StrictObject({ action: Type.Literal('handle'), comment: Comment }),
  StrictObject({ action: Type.Literal('transfer'), toMemberId: IdParam, comment: Comment }),
  StrictObject({ action: Type.Literal('return'), comment: Comment }),
  StrictObject({ action: Type.Literal('add_approvers'), memberIds: Type.Array(IdParam, { minItems: 1, maxItems: 20 }), mode: Type.Union([Type.Literal('all'), Type.Literal('any'), Type.Literal('sequential')]), comment: Comment }),
]);
export const HandoverBody = StrictObject({ toMemberId: IdParam });
export const EditBody = StrictObject({ form: FormValues });
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) });

export const ActionResultDto = Type.Object({
  instanceId: Type.String(),
  instanceStatus: Type.String(),
  taskId: Nullable(Type.String()),
  taskStatus: Nullable(Type.String()),
  version: Type.Integer(),
});

const Reason = Type.Object({ code: Type.String(), text: Type.String(), data: Type.Optional(Type.Record(Type.String(), Type.Unknown())) });
export const StepDto = Type.Object({
  nodeId: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  mode: Type.String(),
  assigneeIds: Type.Array(Type.String()),
  autoApproved: Type.Boolean(),
  origin: Type.String(),
  /** A 加签 step ended by a 退回 (see ResolvedStep.dropped). */
  dropped: Type.Optional(Type.Boolean()),
  reasons: Type.Array(Reason),
  perAssignee: Type.Record(Type.String(), Type.Array(Reason)),
});
export const PreviewDto = Type.Object({
  steps: Type.Array(StepDto),
  branches: Type.Array(Type.Object({ nodeId: Type.String(), branchId: Type.String(), branchName: Type.String() })),
  names: Type.Record(Type.String(), Type.String()),
});
export const PreviewBody = StrictObject({ ...SubmitBody.properties });

export const ListQuery = StrictObject({ box: Type.Union([Type.Literal('todo'), Type.Literal('done'), Type.Literal('submitted'), Type.Literal('cc')]), ...PageQuery });
export const ListDto = Type.Object({
  items: Type.Array(
    Type.Object({
      instanceId: Type.String(),
      taskId: Nullable(Type.String()),
      templateName: Type.String(),
      applicantId: Type.String(),
      applicantName: Type.String(),
      status: Type.String(),
      taskKind: Nullable(Type.String()),
      taskStatus: Nullable(Type.String()),
      submittedAt: IsoDateTime,
    }),
  ),
  nextCursor: Nullable(Type.String()),
});

export const DetailDto = Type.Object({
  id: Type.String(),
  templateId: Type.String(),
  templateName: Type.String(),
  status: Type.String(),
  applicantId: Type.String(),
  applicantName: Type.String(),
  submitterId: Type.String(),
  submitterName: Type.String(),
  fields: Type.Array(FormField),
  form: FormValues,
  settings: Settings,
  steps: Type.Array(StepDto),
  currentStep: Type.Integer(),
  version: Type.Integer(),
  mentions: Type.Array(Type.String()),
  tasks: Type.Array(
    Type.Object({
      id: Type.String(),
      step: Type.Integer(),
      kind: Type.String(),
      assigneeId: Type.String(),
      assigneeName: Type.String(),
      status: Type.String(),
      comment: Nullable(Type.String()),
      signed: Type.Boolean(),
      why: Type.Array(Reason),
      createdAt: IsoDateTime,
      actedAt: NullableIsoDateTime,
    }),
  ),
  trail: Type.Array(
    Type.Object({
      id: Type.String(),
      action: Type.String(),
      actorId: Nullable(Type.String()),
      actorName: Nullable(Type.String()),
      taskId: Nullable(Type.String()),
      comment: Nullable(Type.String()),
      details: Type.Record(Type.String(), Type.Unknown()),
      at: IsoDateTime,
    }),
  ),
  pendingEdit: Type.Union([FormValues, Type.Null()]),
  canWithdraw: Type.Boolean({ description: '撤销权限: whether the caller may withdraw it now' }),
  submittedAt: IsoDateTime,
  finishedAt: NullableIsoDateTime,
});

const Named = Type.Array(Type.Object({ id: Type.String(), name: Type.String() }));
export const PeopleQuery = StrictObject({ q: Type.Optional(Type.String({ maxLength: 60 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) });
export const PeopleDto = Type.Object({ members: Named, tags: Named, departments: Named });

const InstanceStatus = Type.Union([Type.Literal('running'), Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('withdrawn')]);
const dataFilters = {
  templateId: Type.Optional(IdParam),
  status: Type.Optional(InstanceStatus),
  applicantId: Type.Optional(IdParam),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
};
export const DataQuery = StrictObject({ ...PageQuery, ...dataFilters });
export const DataExportQuery = StrictObject({ ...dataFilters, lang: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { description: 'the language of the headers and statuses' }) });
export const DataPage = Page(
  Type.Object({
    id: Type.String(),
    templateId: Type.String(),
    templateName: Type.String(),
    applicantId: Type.String(),
    applicantName: Type.String(),
    submitterName: Type.String(),
    status: InstanceStatus,
    submittedAt: IsoDateTime,
    finishedAt: NullableIsoDateTime,
  }),
);
