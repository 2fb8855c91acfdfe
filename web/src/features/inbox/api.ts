import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Item, type Reply } from '../../api';
import { useNotifyError } from '../../hooks/useNotifyError';

export type InboxMessage = Item<Reply<'/inbox'>['items']>;

export const INBOX_PATH = '/inbox';

/** Number of unread messages, refreshed every minute. */
export function useUnreadCount(enabled = true): number {
  const { data } = useQuery({
    queryKey: [INBOX_PATH, 'unread'],
    queryFn: () => api.get(INBOX_PATH, { params: { query: { limit: 1 } } }),
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
    mutationFn: (id?: string) => (id ? api.post('/inbox/{messageId}/read', { params: { path: { messageId: id } } }) : api.post('/inbox/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [INBOX_PATH] }),
    onError: notifyError,
  });
}
