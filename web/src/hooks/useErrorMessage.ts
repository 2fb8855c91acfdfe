import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { addAreas } from '../i18n';
import errors from '../i18n/errors';

// The error sentences come with the first component able to show one, not with the sign-in page.
addAreas({ errors });

/** Turns a thrown error into a sentence in the current language, keyed by the server's error code. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation('errors');
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('unknown');
      const { field } = error.details;
      return t(error.code, {
        defaultValue: error.message || t('unknown'),
        context: typeof field === 'string' ? 'field' : undefined,
        field,
      });
    },
    [t],
  );
}
