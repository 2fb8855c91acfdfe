import { Type } from 'typebox';
import { IsoDateTime, Page, PageQuery, StrictObject } from '../../platform/http/schemas.ts';
import { FileId } from '../certification/index.ts';
import { MATERIALS } from './materials.ts';
import { MIGRATION_STATUSES, REASON_CODES, RELATIONS, TEMPLATE_KINDS } from './datamigration.tables.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Enum(MIGRATION_STATUSES);
export const Relation = Type.Enum(RELATIONS);
const Materials = Type.Partial(Type.Object(Object.fromEntries(Object.keys(MATERIALS).map((k) => [k, FileId])) as Record<keyof typeof MATERIALS, typeof FileId>, { additionalProperties: false }));

const Reason = Nullable(
  Type.Object(
    { code: Type.Enum(REASON_CODES), params: Type.Record(Type.String(), Type.String()) },
    {
      description:
        'Why it was rejected or halted, for the console to word: operator (params.text, as the operator typed it), not_approved, source_not_certified / target_not_certified (params.corp, the enterprise out of its validity), source_subject_changed / target_subject_changed',
    },
  ),
);

export const MigrationDto = Type.Object({
  id: Type.String(),
  sourceCorpId: Type.String(),
  sourceName: Type.String(),
  targetCorpId: Type.String(),
  targetName: Type.String(),
  relation: Relation,
  materials: Type.Record(Type.String(), Type.String()),
  status: Status,
  reason: Reason,
  submittedBy: Type.String(),
  submittedAt: IsoDateTime,
  steps: Type.Array(Type.Object({ status: Status, actor: Nullable(Type.String({ description: 'who took the step; null: the system did (a halt it found)' })), reason: Reason, at: IsoDateTime })),
  progress: Nullable(
    Type.Object(
      {
        phase: Type.Union([Type.Literal('listing'), Type.Literal('moving'), Type.Literal('done'), Type.Literal('halted')]),
        total: Type.Integer(),
        moved: Type.Integer(),
        failed: Type.Integer(),
        givenUp: Type.Integer(),
        pending: Type.Integer(),
        canFinish: Type.Boolean(),
      },
      { description: 'The move (迁移) once started: customers moved / total, failed and given up' },
    ),
  ),
});
export const MigrationList = Type.Object({ items: Type.Array(MigrationDto) });
export const MigrationPage = Page(MigrationDto);
export const PageParams = StrictObject(PageQuery);

export const FailureDto = Type.Object({
  customerId: Type.String(),
  name: Type.String(),
  reason: Type.Union([Type.Literal('no_matching_member'), Type.Literal('no_follower'), Type.Literal('quota_exceeded')]),
  givenUp: Type.Boolean(),
  detail: Type.Object({ members: Type.Optional(Type.Array(Type.String())), limit: Type.Optional(Type.Integer()) }),
});
/** 未迁移成功, a page at a time, by customer id. */
export const FailurePage = Page(FailureDto);
export const MigrationParams = StrictObject({ id: Type.String({ maxLength: 40 }) });

const Material = Type.Enum(Object.keys(MATERIALS) as (keyof typeof MATERIALS)[]);
/** Each relationship's checklist: every entry is required, an entry of several is "one of these". */
export const RequirementsDto = Type.Object({
  items: Type.Array(Type.Object({ relation: Relation, required: Type.Array(Type.Array(Material, { minItems: 1 })) })),
});

export const MigrationBody = StrictObject({ targetCorpId: Type.String({ minLength: 1, maxLength: 40 }), relation: Relation, materials: Materials });
export const StepBody = StrictObject({
  step: Type.Union([Type.Literal('approve'), Type.Literal('paper_received'), Type.Literal('start'), Type.Literal('finish'), Type.Literal('reject'), Type.Literal('retry'), Type.Literal('give_up')]),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
export const StepParams = StrictObject({ corpId: Type.String({ maxLength: 40 }), id: Type.String({ maxLength: 40 }) });
export const TemplateParams = StrictObject({ kind: Type.Enum(TEMPLATE_KINDS) });
export const TemplateForm = Type.Object({ file: Type.String({ format: 'binary', description: 'a PDF or .docx file, at most 5 MiB' }) }, { additionalProperties: false });
export const TemplateDto = Type.Object({
  kind: Type.Enum(TEMPLATE_KINDS),
  builtIn: Type.Boolean({ description: 'the built-in text template: the operator has uploaded none' }),
  name: Type.String({ description: 'the file name enterprises download it as' }),
  mime: Type.String(),
  size: Type.Integer({ description: 'bytes' }),
  updatedBy: Nullable(Type.String()),
  updatedAt: Nullable(IsoDateTime),
});
export const TemplateList = Type.Object({ items: Type.Array(TemplateDto) });
