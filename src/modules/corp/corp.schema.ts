import { Type } from 'typebox';
import { IsoDateTime, NullableIsoDateTime, Page, PageQuery, StrictObject } from '../../platform/http/schemas.ts';
import { INDUSTRIES, LANGUAGES } from './corp.tables.ts';

export const Industry = Type.Enum(INDUSTRIES);
/** The language of the enterprise's mail to its people (invitations, password resets). */
export const CorpLanguage = Type.Enum(LANGUAGES);
export const CorpName = Type.String({ minLength: 2, maxLength: 80 });
export const ShortName = Type.String({ minLength: 1, maxLength: 20 });

export const NewCorpBody = StrictObject({ name: CorpName, shortName: ShortName, industry: Industry });
export const UpdateCorpBody = StrictObject({ name: Type.Optional(CorpName), shortName: Type.Optional(ShortName), industry: Type.Optional(Industry), language: Type.Optional(CorpLanguage) });

export const CorpDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  industry: Industry,
  language: CorpLanguage,
  certifiedUntil: NullableIsoDateTime,
});

export const CorpListQuery = StrictObject({ ...PageQuery, q: Type.Optional(Type.String({ maxLength: 80 })) });
export const OperatorCorpPage = Page(Type.Object({ ...CorpDto.properties, createdAt: IsoDateTime }));
export const CertificationBody = StrictObject({ certifiedUntil: NullableIsoDateTime });
export const CorpParams = StrictObject({ corpId: Type.String({ maxLength: 40 }) });
