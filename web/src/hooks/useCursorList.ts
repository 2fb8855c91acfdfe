import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, type QueryParams } from '../api';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

const PAGE_SIZE = 20;

/**
 * Loads a cursor-paginated list endpoint page by page ("load more").
 * Changing `params` starts over from the first page.
 */
export function useCursorList<T, P extends CursorPage<T> = CursorPage<T>>(path: string, params: QueryParams = {}) {
  const query = useInfiniteQuery({
    queryKey: [path, params],
    queryFn: ({ pageParam }) => api.get<P>(path, { ...params, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { ...query, items };
}

export type CursorList<T> = ReturnType<typeof useCursorList<T>>;
