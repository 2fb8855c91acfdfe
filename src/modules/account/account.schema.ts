import { Type } from 'typebox';
import { StrictObject } from '../../platform/http/schemas.ts';

/** A login name starts with a letter, so it can never be mistaken for a phone number. */
export const LOGIN_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_.-]{2,31}$';
export const LoginName = Type.String({ pattern: LOGIN_NAME_PATTERN, description: 'starts with a letter; 3–32 letters, digits, _ . -' });
export const Phone = Type.String({ pattern: '^\\+?[0-9]{6,15}$' });
export const Password = Type.String({ minLength: 8, maxLength: 128 });
export const PersonName = Type.String({ minLength: 1, maxLength: 64 });

export const NewAccountBody = StrictObject({
  name: PersonName,
  loginName: LoginName,
  phone: Type.Optional(Phone),
  password: Password,
});

export const SignInBody = StrictObject({
  login: Type.String({ minLength: 1, maxLength: 64, description: 'login name or phone number' }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
});

export const ChangePasswordBody = StrictObject({ currentPassword: Type.String({ minLength: 1, maxLength: 128 }), newPassword: Password });

export const AccountDto = Type.Object({ id: Type.String(), name: Type.String(), loginName: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) });
