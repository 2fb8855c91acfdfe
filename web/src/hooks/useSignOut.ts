import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { useNotifyError } from './useNotifyError';

/** Ends a session (`signOutPath` is the API endpoint) and returns to its sign-in page. */
export function useSignOut(signOutPath: '/auth/sign-out' | '/operator/auth/sign-out', signInPage: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  return useMutation({
    mutationFn: () => api.post(signOutPath),
    onSuccess: async () => {
      // Commit the sign-in page first: pages still on screen would re-render without a session.
      await navigate(signInPage, { replace: true, flushSync: true });
      queryClient.clear();
    },
    onError: notifyError,
  });
}
