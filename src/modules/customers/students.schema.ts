import { Type } from 'typebox';
import { IsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import { CustomerDto } from './customers.schema.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ParentRelation = Type.Union([Type.Literal('father'), Type.Literal('mother'), Type.Literal('guardian'), Type.Literal('other')]);
export const ParentDto = Type.Object({ id: Type.String(), name: Type.String(), relation: ParentRelation, phone: Nullable(Type.String()), createdAt: IsoDateTime });
export const CustomerProfileDto = Type.Object({ ...CustomerDto.properties, term: Type.Union([Type.Literal('customer'), Type.Literal('student')]), parents: Type.Array(ParentDto) });
export const NewParentBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 64 }),
  relation: ParentRelation,
  phone: Type.Optional(Type.String({ minLength: 3, maxLength: 20, pattern: '^\\+?[0-9-]+$' })),
});
export const ParentParams = StrictObject({ customerId: Type.String({ maxLength: 40 }), parentId: Type.String({ maxLength: 40 }) });
