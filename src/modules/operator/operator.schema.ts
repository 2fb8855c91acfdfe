import { Type } from 'typebox';
import { IsoDateTime, NullableIsoDateTime, PageQuery, Page, StrictObject } from '../../platform/http/schemas.ts';
import { SignInBody } from '../account/account.schema.ts';
import { CorpDto } from '../corp/corp.schema.ts';

export const OperatorSignInBody = SignInBody;
export const OperatorDto = Type.Object({ id: Type.String(), name: Type.String(), loginName: Type.String() });
export const OperatorEnvelope = Type.Object({ operator: OperatorDto });
export const CorpListQuery = StrictObject({ ...PageQuery, q: Type.Optional(Type.String({ maxLength: 80 })) });
export const OperatorCorpDto = Type.Object({ ...CorpDto.properties, createdAt: IsoDateTime });
export const OperatorCorpPage = Page(OperatorCorpDto);
export const CertificationBody = StrictObject({ certifiedUntil: NullableIsoDateTime });
export const CorpParams = StrictObject({ corpId: Type.String({ maxLength: 40 }) });
