import { Type } from 'typebox';
import { IsoDateTime, NullableIsoDateTime, PageQuery, StrictObject } from '../../platform/http/schemas.ts';
import { PriceQuoteDto, QuotedFen } from '../wallet/index.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ExternalId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:@-]+$' });
export const CustomerName = Type.String({ minLength: 1, maxLength: 64 });
export const IdempotencyKey = Type.String({ minLength: 8, maxLength: 80 });

export const AddCustomerBody = StrictObject({ externalId: ExternalId, name: CustomerName, addedBack: Type.Optional(Type.Boolean({ default: true })) });
export const CustomerDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  externalId: Type.String(),
  state: Type.Union([Type.Literal('mutual'), Type.Literal('one_way')]),
  oneWayReason: Nullable(Type.Union([Type.Literal('not_added_back'), Type.Literal('deleted_by_customer')])),
  addedAt: IsoDateTime,
});
export const FriendsQuery = StrictObject({ oneWay: Type.Optional(Type.Boolean()), ...PageQuery });
export const FriendsPage = Type.Object({ items: Type.Array(CustomerDto), nextCursor: Nullable(Type.String()), oneWayTerm: Type.Union([Type.Literal('customer'), Type.Literal('student')]) });
export const CustomerParams = StrictObject({ customerId: Type.String({ maxLength: 40 }) });
export const ReleaseDto = Type.Object({ released: Type.Boolean() });
export const CustomerEventParams = StrictObject({ customerId: Type.String({ maxLength: 40 }), memberId: Type.String({ maxLength: 40 }) });
export const CustomerEventBody = StrictObject({ event: Type.Union([Type.Literal('added_back'), Type.Literal('deleted_member')]) });

export const GroupDto = Type.Object({ id: Type.String(), name: Type.String(), ownerMemberId: Type.String(), customers: Type.Integer(), createdAt: IsoDateTime, dissolvedAt: NullableIsoDateTime });
export const GroupList = Type.Object({ items: Type.Array(GroupDto) });
export const NewGroupBody = StrictObject({ name: Type.String({ minLength: 1, maxLength: 40 }) });
export const GroupParams = StrictObject({ groupId: Type.String({ maxLength: 40 }) });
export const GroupCustomerParams = StrictObject({ groupId: Type.String({ maxLength: 40 }), customerId: Type.String({ maxLength: 40 }) });
export const JoinGroupBody = StrictObject({ externalId: ExternalId, name: CustomerName });
export const JoinDto = Type.Object({ customerId: Type.String(), newlyCounted: Type.Boolean() });
export const DissolveDto = Type.Object({ released: Type.Integer() });

export const OverviewDto = Type.Object({
  served: Type.Integer(),
  todayNew: Type.Integer(),
  limit: Type.Integer(),
  freeQuota: Type.Integer(),
  certified: Type.Boolean(),
  tier: Nullable(Type.Object({ size: Type.Integer(), endsAt: IsoDateTime })),
});

export const TierDto = Type.Object({ size: Type.Integer(), priceFen: Type.Integer() });
export const QuotaDto = Type.Object({
  tiers: Type.Array(TierDto),
  limit: Type.Integer(),
  certified: Type.Boolean(),
  tier: Nullable(Type.Object({ size: Type.Integer(), endsAt: IsoDateTime })),
});
export const QuoteQuery = StrictObject({ size: Type.Integer({ minimum: 1 }) });
const TierQuoteFields = {
  kind: Type.Union([Type.Literal('new'), Type.Literal('upgrade')]),
  size: Type.Integer(),
  listPriceFen: Type.Integer(),
  priceFen: Type.Integer(),
  daysUsed: Type.Integer(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
};
export const TierPurchaseDto = Type.Object(TierQuoteFields);
export const QuoteDto = Type.Object({ ...TierQuoteFields, quote: PriceQuoteDto });
export const BuyTierBody = StrictObject({ size: Type.Integer({ minimum: 1 }), quotedFen: QuotedFen, idempotencyKey: IdempotencyKey });
