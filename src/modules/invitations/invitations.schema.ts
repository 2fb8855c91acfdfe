import { Type } from 'typebox';
import { IsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import { NewAccountBody, SignInBody } from '../account/index.ts';

const Token = Type.String({ minLength: 1, maxLength: 200, description: 'the token of the link, as the page address carries it' });
const Ref = Type.String({ maxLength: 40 });

export const InvitationDto = Type.Object({
  id: Type.String(),
  memberId: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('used'), Type.Literal('expired'), Type.Literal('revoked')]),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
});
export const InvitationEnvelope = Type.Object({ invitation: Type.Union([InvitationDto, Type.Null()]) });

/** A link, given once, when it is made: the path for the console (its own origin) and the mailed address. */
export const IssuedLinkDto = Type.Object({ path: Type.String(), url: Type.String() });
export const Delivery = Type.Object({
  delivered: Type.Boolean({ description: 'mailed to the member; otherwise the admin hands the link over' }),
  reason: Type.Optional(Type.Union([Type.Literal('no_smtp'), Type.Literal('no_address'), Type.Literal('failed')])),
});
export const CreatedInvitationDto = Type.Object({ invitation: InvitationDto, link: IssuedLinkDto, delivery: Delivery });

export const TokenBody = StrictObject({ token: Token });
/** Sign up (a new account) or sign in (an existing one) while using a link. */
export const UseLinkBody = Type.Union([StrictObject({ token: Token, signUp: NewAccountBody }), StrictObject({ token: Token, signIn: SignInBody })]);

export const InvitationPreview = Type.Object({ corpName: Type.String(), memberName: Type.String(), expiresAt: IsoDateTime });
export const JoinPreview = Type.Object({ corpName: Type.String(), departmentName: Type.String(), review: Type.Boolean() });

export const JoinLinkDto = Type.Object({
  enabled: Type.Boolean(),
  review: Type.Boolean(),
  departmentId: Type.Union([Type.String(), Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  rotatedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export const JoinLinkBody = StrictObject({ enabled: Type.Boolean(), review: Type.Boolean(), departmentId: Ref });
export const JoinLinkChanged = Type.Object({ settings: JoinLinkDto, link: Type.Union([IssuedLinkDto, Type.Null()]) });

export const JoinRequestDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  loginName: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  requestedAt: IsoDateTime,
  decidable: Type.Boolean(),
});
export const JoinRequestList = Type.Object({ items: Type.Array(JoinRequestDto) });
