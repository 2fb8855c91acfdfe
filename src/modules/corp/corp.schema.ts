import { Type } from 'typebox';
import { NullableIsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import { AccountDto, NewAccountBody } from '../account/account.schema.ts';
import { INDUSTRIES } from './corp.tables.ts';

export const Industry = Type.Enum(INDUSTRIES);
export const CorpName = Type.String({ minLength: 2, maxLength: 80 });
export const ShortName = Type.String({ minLength: 1, maxLength: 20 });

export const NewCorpBody = StrictObject({ name: CorpName, shortName: ShortName, industry: Industry });
export const RegisterBody = StrictObject({ account: NewAccountBody, corp: NewCorpBody });
export const UpdateCorpBody = StrictObject({ name: Type.Optional(CorpName), shortName: Type.Optional(ShortName), industry: Type.Optional(Industry) });
export const SwitchCorpBody = StrictObject({ corpId: Type.String({ maxLength: 40 }) });

export const CorpDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  industry: Industry,
  certifiedUntil: NullableIsoDateTime,
});

export const MeDto = Type.Object({
  account: AccountDto,
  corps: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), shortName: Type.String(), isCreator: Type.Boolean() })),
  currentCorp: Type.Union([CorpDto, Type.Null()]),
  member: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  roles: Type.Object({ creator: Type.Boolean(), superAdmin: Type.Boolean(), hierarchicalAdmin: Type.Boolean() }),
});
export const MeEnvelope = Type.Object({ me: MeDto });
