import { Type } from 'typebox';
import { StrictObject } from '../../platform/http/schemas.ts';
import { AccountDto, NewAccountBody } from '../account/index.ts';
import { CorpDto, NewCorpBody } from '../corp/index.ts';

export const RegisterBody = StrictObject({ account: NewAccountBody, corp: NewCorpBody });
export const SwitchCorpBody = StrictObject({ corpId: Type.String({ maxLength: 40 }) });

export const MeDto = Type.Object({
  account: AccountDto,
  corps: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), shortName: Type.String(), isCreator: Type.Boolean() })),
  currentCorp: Type.Union([CorpDto, Type.Null()]),
  member: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  roles: Type.Object({ creator: Type.Boolean(), superAdmin: Type.Boolean(), hierarchicalAdmin: Type.Boolean() }),
  newPasswordRequired: Type.Boolean({ description: 'an admin asked for a new password: the console shows only the set-password step' }),
});
export const MeEnvelope = Type.Object({ me: MeDto });
