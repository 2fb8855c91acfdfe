import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, type ApiError, type Query, type Reply } from '../api';
import type { PathsWith } from '../api/types';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

const PAGE_SIZE = 20;

/** The GET routes that answer one page of a cursor-paginated list. */
export type CursorPath = { [P in PathsWith<'get'>]: Reply<P> extends CursorPage<unknown> ? P : never }[PathsWith<'get'>];
/** A row of the list at `P`. */
export type CursorRow<P extends CursorPath> = Reply<P> extends CursorPage<infer T> ? T : never;
/** The list's filters: its query parameters but the paging ones, which the hook sets. */
export type CursorParams<P extends CursorPath> = Omit<Query<P>, 'cursor' | 'limit'>;
type ParamsArg<P extends CursorPath> = object extends CursorParams<P> ? [params?: CursorParams<P>] : [params: CursorParams<P>];

export type CursorList<T> = UseInfiniteQueryResult<InfiniteData<CursorPage<T>>, ApiError> & { items: T[] };

type GetPage = (path: CursorPath, init: { params: { query: object } }) => Promise<CursorPage<unknown>>;

/**
 * Loads a cursor-paginated list endpoint page by page ("load more").
 * Changing `params` starts over from the first page.
 */
export function useCursorList<P extends CursorPath>(path: P, ...[params]: ParamsArg<P>): CursorList<CursorRow<P>> {
  const query = useInfiniteQuery({
    queryKey: [path, params ?? {}],
    queryFn: ({ pageParam }) => (api.get as GetPage)(path, { params: { query: { ...params, cursor: pageParam, limit: PAGE_SIZE } } }) as Promise<CursorPage<CursorRow<P>>>,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { ...query, items };
}
