import { Type, type Static } from 'typebox';
import { StrictObject } from '../../platform/http/schemas.ts';

/**
 * The shape of a template: its form, its flow and its rule settings (规则设置). These schemas
 * validate the admin's request body; `templates.service.ts` then checks what a schema cannot
 * (links between nodes and fields, unique ids).
 */

const ShortId = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });
const MemberIds = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 200 });

export const FormField = StrictObject({
  id: ShortId,
  type: Type.Union([
    Type.Literal('text'),
    Type.Literal('number'),
    Type.Literal('money'),
    Type.Literal('date'),
    Type.Literal('select'),
    Type.Literal('multiselect'),
    Type.Literal('member'),
    Type.Literal('department'),
    Type.Literal('attachment'),
  ]),
  label: Type.String({ minLength: 1, maxLength: 60 }),
  required: Type.Boolean(),
  /** Choices of a single or multiple select. */
  options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 100 })),
});
export type FormField = Static<typeof FormField>;

/** How several people of one node act: 会签 (all), 或签 (any), 依次审批 (one after another). */
export const Mode = Type.Union([Type.Literal('all'), Type.Literal('any'), Type.Literal('sequential')]);
export type Mode = Static<typeof Mode>;

export const Range = StrictObject({ memberIds: Type.Optional(MemberIds), departmentIds: Type.Optional(MemberIds), tagIds: Type.Optional(MemberIds) });
export type Range = Static<typeof Range>;

/** Who a node goes to (a–f of the seed article). */
export const Assignee = Type.Union([
  StrictObject({ type: Type.Literal('members'), memberIds: MemberIds, mode: Mode }),
  StrictObject({ type: Type.Literal('head'), direction: Type.Union([Type.Literal('up'), Type.Literal('down')]), level: Type.Integer({ minimum: 1, maximum: 20 }), mode: Type.Union([Type.Literal('all'), Type.Literal('any')]) }),
  StrictObject({ type: Type.Literal('tag'), tagId: Type.String({ maxLength: 40 }), mode: Type.Union([Type.Literal('all'), Type.Literal('any')]) }),
  StrictObject({ type: Type.Literal('applicant') }),
  StrictObject({ type: Type.Literal('pick'), range: Type.Union([Range, Type.Null()]), max: Type.Integer({ minimum: 1, maximum: 50 }), mode: Mode }),
  StrictObject({ type: Type.Literal('field'), fieldId: ShortId, mode: Mode }),
]);
export type Assignee = Static<typeof Assignee>;

export const ActionNode = StrictObject({
  id: ShortId,
  kind: Type.Union([Type.Literal('approver'), Type.Literal('handler'), Type.Literal('cc')]),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  assignee: Assignee,
});
export type ActionNode = Static<typeof ActionNode>;

/** One test of a branch. All of a branch's clauses must hold; a branch without clauses is the "otherwise". */
export const Clause = Type.Union([
  StrictObject({
    type: Type.Literal('field'),
    fieldId: ShortId,
    op: Type.Union([Type.Literal('eq'), Type.Literal('ne'), Type.Literal('gt'), Type.Literal('gte'), Type.Literal('lt'), Type.Literal('lte'), Type.Literal('in'), Type.Literal('contains')]),
    value: Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 })]),
  }),
  StrictObject({ type: Type.Literal('department'), departmentIds: MemberIds }),
]);
export type Clause = Static<typeof Clause>;

export const Branch = StrictObject({ id: ShortId, name: Type.String({ minLength: 1, maxLength: 60 }), clauses: Type.Array(Clause, { maxItems: 20 }), nodes: Type.Array(ActionNode, { maxItems: 30 }) });
export type Branch = Static<typeof Branch>;

/** A condition node: the first branch (in order) whose clauses hold is taken. Branches hold no further conditions. */
export const ConditionNode = StrictObject({ id: ShortId, kind: Type.Literal('condition'), name: Type.String({ minLength: 1, maxLength: 60 }), branches: Type.Array(Branch, { minItems: 1, maxItems: 10 }) });
export type ConditionNode = Static<typeof ConditionNode>;

export const FlowNode = Type.Union([ActionNode, ConditionNode]);
export type FlowNode = Static<typeof FlowNode>;

const EmptyRule = Type.Union([StrictObject({ action: Type.Literal('auto_approve') }), StrictObject({ action: Type.Literal('transfer'), memberId: Type.String({ maxLength: 40 }) })]);
const DepartedRule = Type.Union([StrictObject({ action: Type.Literal('remind_admin') }), StrictObject({ action: Type.Literal('handover'), memberId: Type.String({ maxLength: 40 }) })]);

/** 规则设置, one field per line of the seed's screen. */
export const Settings = StrictObject({
  approverEmpty: EmptyRule,
  approverDeparted: DepartedRule,
  handlerEmpty: EmptyRule,
  handlerDeparted: DepartedRule,
  /** 当同一个审批人重复审批同一单据时. */
  repeatApprover: Type.Union([Type.Literal('first_only'), Type.Literal('consecutive'), Type.Literal('every')]),
  allowOnBehalf: Type.Boolean(),
  restrictView: Type.Boolean(),
  lockFixedCc: Type.Boolean(),
  lockFixedHandlers: Type.Boolean(),
  allowEditAfterApproval: Type.Boolean(),
  allowAddApprovers: Type.Boolean(),
  requireApprovalComment: Type.Boolean(),
  requireHandlingComment: Type.Boolean(),
  requireSignature: Type.Boolean(),
  /** 撤销权限: whether the applicant may withdraw a request still under approval. */
  withdrawRunning: Type.Boolean(),
  /** 撤销权限 after approval: never, any time, or within `withdrawApprovedDays` days of the approval. */
  withdrawApproved: Type.Union([Type.Literal('never'), Type.Literal('any_time'), Type.Literal('within_days')]),
  withdrawApprovedDays: Type.Integer({ minimum: 1, maximum: 365 }),
});
export type Settings = Static<typeof Settings>;
export type EmptyRule = Static<typeof EmptyRule>;
export type DepartedRule = Static<typeof DepartedRule>;

export const DEFAULT_SETTINGS: Settings = {
  approverEmpty: { action: 'auto_approve' },
  approverDeparted: { action: 'remind_admin' },
  handlerEmpty: { action: 'auto_approve' },
  handlerDeparted: { action: 'remind_admin' },
  repeatApprover: 'every',
  allowOnBehalf: false,
  restrictView: true,
  lockFixedCc: false,
  lockFixedHandlers: false,
  allowEditAfterApproval: false,
  allowAddApprovers: false,
  requireApprovalComment: false,
  requireHandlingComment: false,
  requireSignature: false,
  withdrawRunning: true,
  withdrawApproved: 'never',
  withdrawApprovedDays: 7,
};

export const TemplateInput = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  form: Type.Array(FormField, { maxItems: 50 }),
  flow: Type.Array(FlowNode, { maxItems: 30 }),
  settings: Type.Optional(Settings),
  /** 可见范围: who sees and may submit the template; null or absent: the whole enterprise. */
  visibility: Type.Optional(Type.Union([Range, Type.Null()])),
  /** 协助管理: members who manage this template and read its requests (set by the app's admins only). */
  assistantIds: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 })),
});
export type TemplateInput = Static<typeof TemplateInput>;

export interface Template {
  id: string;
  name: string;
  description: string;
  form: FormField[];
  flow: FlowNode[];
  settings: Settings;
  version: number;
  archived: boolean;
  /** The kind of a built-in template (`attendance.correction`), owned by that module; null for the enterprise's own. */
  builtin: string | null;
  visibility: Range | null;
  assistantIds: string[];
  updatedAt: string;
}

/** Form values by field id: text/date/select strings, numbers, fen integers, id lists. */
export type FormValues = Record<string, string | number | string[]>;

/** One line of a task's "why": which rule, what was walked, who was removed and why. */
export interface ReasonLine {
  code: string;
  text: string;
  data?: Record<string, unknown>;
}

/** One resolved step of a request: who gets it, how several act, and the reason trail of the resolution. */
export interface ResolvedStep {
  nodeId: string;
  kind: 'approver' | 'handler' | 'cc';
  name: string;
  mode: Mode;
  assigneeIds: string[];
  /** Set when nobody remained and the 成员为空时 rule said auto-approve. */
  autoApproved: boolean;
  /** Whether the step came from the template as is (fixed) rather than added (加签) or changed by the submitter. */
  origin: 'template' | 'added' | 'submitter';
  /** A 加签 step that a 退回 to it or to an earlier step ended: the flow passes it, nobody is asked again. */
  dropped?: boolean;
  reasons: ReasonLine[];
  /** Per assignee: extra lines that concern only them (e.g. "transferred to by the 成员为空时 rule"). */
  perAssignee: Record<string, ReasonLine[]>;
}
