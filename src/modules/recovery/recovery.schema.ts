import { Type } from 'typebox';
import { IsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import { Password } from '../account/index.ts';
import { Delivery, IssuedLinkDto, TokenBody } from '../invitations/index.ts';

export const ForgotPasswordBody = StrictObject({ login: Type.String({ minLength: 1, maxLength: 64, description: 'login name or phone number' }) });
export const ResetTokenBody = TokenBody;
export const ResetPasswordBody = StrictObject({ token: TokenBody.properties.token, newPassword: Password });
export const ResetPreview = Type.Object({ corpName: Type.String(), name: Type.String(), loginName: Type.String(), expiresAt: IsoDateTime });
export const IssuedResetDto = Type.Object({ link: IssuedLinkDto, expiresAt: IsoDateTime, delivery: Delivery });
