import { Type } from 'typebox';
import { IsoDateTime, NullableIsoDateTime, StrictObject } from '../../platform/http/schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const CategoryCode = Type.String({ pattern: '^[0-9]{2}-[0-9]{2}$' });
/** A category's names and scope in English; the Chinese ones are the seed's, beside it. */
const EnglishDto = Type.Object({ level1: Type.String(), level2: Nullable(Type.String()), scope: Type.String() });
export const CategoryEntryDto = Type.Object({ code: Type.String(), level1: Type.String(), level2: Nullable(Type.String()), scope: Type.String(), en: EnglishDto });
export const TaxonomyDto = Type.Object({ items: Type.Array(CategoryEntryDto) });

export const CategoryStateDto = Type.Object({
  category: Nullable(
    Type.Object({
      code: Type.String(),
      level1: Type.String(),
      level2: Nullable(Type.String()),
      scope: Type.String(),
      status: Type.Union([Type.Literal('review'), Type.Literal('approved'), Type.Literal('rejected')]),
      chosenAt: IsoDateTime,
      chosenBy: Type.String(),
      reviewedAt: NullableIsoDateTime,
      reviewNote: Nullable(Type.String()),
    }),
  ),
  /** The category in effect (the last approved); differs from `category` while a change is reviewed or after it was rejected. */
  inEffect: Nullable(Type.Object({ code: Type.String(), level1: Type.String(), level2: Nullable(Type.String()), scope: Type.String(), approvedAt: IsoDateTime })),
  /** Whether the signed-in actor may choose; others are told to contact an admin. */
  mayChoose: Type.Boolean(),
});

export const ChooseCategoryBody = StrictObject({ code: CategoryCode });
export const OwnersDto = Type.Object({ items: Type.Array(Type.Object({ memberId: Type.String(), name: Type.String() })) });
export const OwnerParams = StrictObject({ memberId: Type.String({ maxLength: 40 }) });
export const MemberParams = OwnerParams;

export const ExternalProfileDto = Type.Object({
  memberId: Type.String(),
  memberName: Type.String(),
  corpShortName: Type.String(),
  incomplete: Type.Boolean(),
  category: Nullable(Type.Object({ level1: Type.String(), level2: Nullable(Type.String()) })),
});

export const ReviewBody = StrictObject({
  version: Type.Integer({ minimum: 1 }),
  decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});
export const ReviewParams = StrictObject({ corpId: Type.String({ maxLength: 40 }) });
export const PendingReviewsDto = Type.Object({
  items: Type.Array(
    Type.Object({
      corpId: Type.String(),
      corpName: Type.String(),
      code: Type.String(),
      level1: Type.String(),
      level2: Nullable(Type.String()),
      /** The seed's 适用范围 text of the chosen category, for the reviewer. */
      scope: Type.String(),
      en: EnglishDto,
      version: Type.Integer(),
      chosenAt: IsoDateTime,
      chosenBy: Type.String(),
    }),
  ),
});
export const OperatorCategoryDto = Type.Omit(CategoryStateDto, ['mayChoose']);
