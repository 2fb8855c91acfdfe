import { Type } from 'typebox';
import { IsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import { CustomerName, ExternalId, IdempotencyKey } from '../customers/index.ts';
import { QuotedFen } from '../wallet/index.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const LinkDto = Type.Object({
  id: Type.String(),
  code: Type.String(),
  url: Type.String({ description: 'the page customers open (/c/<code>): on --public-url, else on the address the console was opened at' }),
  name: Type.String(),
  members: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
});
export const LinkList = Type.Object({ items: Type.Array(LinkDto) });
export const NewLinkBody = StrictObject({ name: Type.String({ minLength: 1, maxLength: 40 }), memberIds: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 100 }) });
export const UpdateLinkBody = StrictObject({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })), memberIds: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 100 })) });
export const LinkParams = StrictObject({ linkId: Type.String({ maxLength: 40 }) });
export const CodeParams = StrictObject({ code: Type.String({ minLength: 8, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }) });
export const LinkPreviewDto = Type.Object({ corpName: Type.String() });
export const LinkAddBody = StrictObject({ externalId: ExternalId, name: CustomerName });
export const LinkAddDto = Type.Object({
  memberId: Type.String(),
  memberName: Type.String(),
  customerId: Type.String(),
  added: Type.Boolean(),
  paidBy: Nullable(Type.Union([Type.Literal('pack'), Type.Literal('wallet')])),
});

export const PackDto = Type.Object({ id: Type.String(), units: Type.Integer(), remaining: Type.Integer(), purchasedAt: IsoDateTime, expiresAt: IsoDateTime, expired: Type.Boolean() });
const Units = Type.Integer({ minimum: 1, maximum: 1_000_000 });
export const PackQuoteQuery = StrictObject({ units: Units });
export const BuyPackBody = StrictObject({ units: Units, quotedFen: QuotedFen, idempotencyKey: IdempotencyKey });
export const BuyPackDto = Type.Object({ orderId: Type.String(), amountFen: Type.Integer() });
export const UsageDto = Type.Object({
  todayNew: Type.Integer(),
  totalNew: Type.Integer(),
  unitsLeft: Type.Integer(),
  packs: Type.Array(PackDto),
  autoDeduct: Type.Object({ offered: Type.Boolean(), on: Type.Boolean() }),
});

const AuthorizationKind = Type.Union([Type.Literal('third_party'), Type.Literal('custom_dev')]);
export const AuthorizationDto = Type.Object({ id: Type.String(), kind: AuthorizationKind, party: Type.String(), createdBy: Type.String(), createdAt: IsoDateTime });
export const AuthorizationList = Type.Object({ items: Type.Array(AuthorizationDto) });
export const NewAuthorizationBody = StrictObject({ kind: AuthorizationKind, party: Type.String({ minLength: 1, maxLength: 80 }), idempotencyKey: IdempotencyKey });
