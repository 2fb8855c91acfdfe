import { Type } from 'typebox';
import { IsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import { FileId } from '../certification/index.ts';
import { MATERIALS } from './materials.ts';
import { MIGRATION_STATUSES, RELATIONS, TEMPLATE_KINDS } from './datamigration.tables.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Enum(MIGRATION_STATUSES);
export const Relation = Type.Enum(RELATIONS);
const Materials = Type.Partial(Type.Object(Object.fromEntries(Object.keys(MATERIALS).map((k) => [k, FileId])) as Record<keyof typeof MATERIALS, typeof FileId>, { additionalProperties: false }));

export const MigrationDto = Type.Object({
  id: Type.String(),
  sourceCorpId: Type.String(),
  sourceName: Type.String(),
  targetCorpId: Type.String(),
  targetName: Type.String(),
  relation: Relation,
  materials: Type.Record(Type.String(), Type.String()),
  status: Status,
  reason: Nullable(Type.String()),
  submittedBy: Type.String(),
  submittedAt: IsoDateTime,
  steps: Type.Array(Type.Object({ status: Status, actor: Type.String(), reason: Nullable(Type.String()), at: IsoDateTime })),
});
export const MigrationList = Type.Object({ items: Type.Array(MigrationDto) });

export const MigrationBody = StrictObject({ targetCorpId: Type.String({ minLength: 1, maxLength: 40 }), relation: Relation, materials: Materials });
export const StepBody = StrictObject({
  step: Type.Union([Type.Literal('approve'), Type.Literal('paper_received'), Type.Literal('start'), Type.Literal('finish'), Type.Literal('reject')]),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
export const StepParams = StrictObject({ corpId: Type.String({ maxLength: 40 }), id: Type.String({ maxLength: 40 }) });
export const TemplateParams = StrictObject({ kind: Type.Enum(TEMPLATE_KINDS) });
export const TemplateForm = Type.Object({ file: Type.String({ format: 'binary', description: 'a PDF or .docx file, at most 5 MiB' }) }, { additionalProperties: false });
export const TemplateDto = Type.Object({ kind: Type.Enum(TEMPLATE_KINDS), name: Type.String(), size: Type.Integer() });
