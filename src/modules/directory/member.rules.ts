/**
 * Field rules of a member, shared by the HTTP schemas' callers and the import validator so a
 * file row and a form are judged alike. Each returns a reason code, or null when the value is fine.
 */
export const USERID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;
export const PHONE_PATTERN = /^\+?[0-9][0-9-]{4,19}$/;
export const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{1,63}$/;

export const MEMBER_LIMITS = { name: 64, userid: 64, position: 128, email: 128 } as const;

export type FieldReason = 'required' | 'too_long' | 'format' | 'duplicate_in_file' | 'taken' | 'unknown_department' | 'out_of_scope' | 'not_in_departments';

export function nameReason(name: string): FieldReason | null {
  if (name.trim() === '') return 'required';
  return name.length > MEMBER_LIMITS.name ? 'too_long' : null;
}

export function useridReason(userid: string): FieldReason | null {
  if (userid === '') return 'required';
  return USERID_PATTERN.test(userid) ? null : 'format';
}

export function phoneReason(phone: string | null): FieldReason | null {
  if (phone === null || phone === '') return null;
  return PHONE_PATTERN.test(phone) ? null : 'format';
}

export function emailReason(email: string | null): FieldReason | null {
  if (email === null || email === '') return null;
  if (email.length > MEMBER_LIMITS.email) return 'too_long';
  return EMAIL_PATTERN.test(email) ? null : 'format';
}

export function positionReason(position: string | null): FieldReason | null {
  return position !== null && position.length > MEMBER_LIMITS.position ? 'too_long' : null;
}

/** Empty strings mean "none". */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
