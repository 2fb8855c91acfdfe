import { Type } from 'typebox';
import { StrictObject } from '../../platform/http/schemas.ts';

const MatchBy = Type.Union([Type.Literal('userid'), Type.Literal('email')], { description: 'what the claim carries: the member userid or the e-mail' });

export const OidcSettingsBody = StrictObject({
  displayName: Type.String({ minLength: 1, maxLength: 40, description: 'shown on the sign-in page: 使用 <displayName> 登录' }),
  issuer: Type.String({ minLength: 8, maxLength: 400, format: 'uri' }),
  clientId: Type.String({ minLength: 1, maxLength: 200 }),
  clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 400, description: 'write-only; omit to keep the saved one' })),
  claim: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' }),
  matchBy: MatchBy,
  autoCreate: Type.Boolean({ description: 'create a member for an unknown person (default: refuse)' }),
});

/** The settings as they leave the server: never the secret, only whether one is saved. */
export const OidcSettingsDto = Type.Object({
  configured: Type.Boolean(),
  displayName: Type.String(),
  issuer: Type.String(),
  clientId: Type.String(),
  hasSecret: Type.Boolean(),
  claim: Type.String(),
  matchBy: MatchBy,
  autoCreate: Type.Boolean(),
  callbackUrl: Type.String({ description: 'the redirect URI to register with the provider (from --public-url)' }),
});

export const CorpParams = Type.Object({ corpId: Type.String({ maxLength: 40 }) });
export const ProviderDto = Type.Object({ configured: Type.Boolean(), displayName: Type.Union([Type.String(), Type.Null()]) });
export const CallbackQuery = Type.Object({
  state: Type.Optional(Type.String({ maxLength: 200 })),
  code: Type.Optional(Type.String({ maxLength: 2000 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
  error_description: Type.Optional(Type.String({ maxLength: 2000 })),
  iss: Type.Optional(Type.String({ maxLength: 400 })),
});
