import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { CursorPage } from '../../hooks/useCursorList';
import { useNotifyError } from '../../hooks/useNotifyError';

export interface InboxMessage {
  id: string;
  /** The sending app's key, e.g. `approvals`. */
  app: string;
  title: string;
  body: string;
  /** Where the message leads, if anywhere. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage extends CursorPage<InboxMessage> {
  unread: number;
}

export const INBOX_PATH = '/inbox';

/** Number of unread messages, refreshed every minute. */
export function useUnreadCount(enabled = true): number {
  const { data } = useQuery({
    queryKey: [INBOX_PATH, 'unread'],
    queryFn: () => api.get<InboxPage>(INBOX_PATH, { limit: 1 }),
    select: (page) => page.unread,
    refetchInterval: 60_000,
    enabled,
  });
  return data ?? 0;
}

/** Marks one message (`id`) or, without an id, every message as read. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  return useMutation({
    mutationFn: (id?: string) => api.post(id ? `${INBOX_PATH}/${encodeURIComponent(id)}/read` : `${INBOX_PATH}/read-all`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [INBOX_PATH] }),
    onError: notifyError,
  });
}
