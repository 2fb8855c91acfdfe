import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api';
import { useErrorMessage } from './useErrorMessage';

type FieldName = (string | number)[];
const BY_FIELD: Record<string, FieldName> = {};

/**
 * The form field a refused submission's error belongs to: the one its code names (`byCode`, e.g.
 * `directory.userid_taken` → userid), else the one its `details.field` points to (`/signUp/loginName`,
 * up to the first list index: `/departmentIds/0` → departmentIds, or with `lists` into a Form.List's
 * row: `/wifi/0/bssid` → ['wifi', 0, 'bssid']). Undefined when it names none.
 */
export function fieldOf(error: unknown, byCode: Record<string, FieldName> = BY_FIELD, { lists = false }: { lists?: boolean } = {}): FieldName | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const named = byCode[error.code];
  if (named) return named;
  const pointer = error.details.field;
  if (typeof pointer !== 'string' || !pointer.startsWith('/')) return undefined;
  const segments = pointer.slice(1).split('/');
  if (lists) return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const index = segments.findIndex((s) => /^\d+$/.test(s));
  return index === -1 ? segments : segments.slice(0, index);
}

/**
 * The field of a submitted form (`values`, as onFinish gave them) that the error names, or undefined
 * when it names none of them: a form that does not know which of its fields the server may name.
 */
export function submittedFieldOf(error: unknown, values: object | undefined): FieldName | undefined {
  const name = fieldOf(error);
  return name && values && typeof name[0] === 'string' && name[0] in values ? name : undefined;
}

/**
 * A mutation's `onError` that puts the error under its field (see `fieldOf`). An error naming no
 * field is left to the form's alert: `<FormError error={fieldOf(e, byCode) ? null : e} />`.
 */
export function useFieldError<T>(form: FormInstance<T>, byCode: Record<string, FieldName> = BY_FIELD): (error: unknown) => void {
  const errorMessage = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      const name = fieldOf(error, byCode);
      if (name) form.setFields([{ name: name as never, errors: [errorMessage(error)] }]);
    },
    [form, byCode, errorMessage],
  );
}
