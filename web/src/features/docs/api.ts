import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Body, type Item, type Reply } from '../../api';

/** Docs as the server describes them (src/modules/docs/docs.schema.ts). */
export type Space = Item<Reply<'/docs/spaces'>['items']>;
export type DocFile = Item<Reply<'/docs/spaces/{id}/files'>['items']>;
export type Shares = Reply<'/docs/files/{id}/shares'>;
export type Share = Item<Shares['shares']>;
export type Sheet = Item<Reply<'/docs/files/{id}/sheets'>['items']>;
export type Cell = Item<Reply<'/docs/files/{id}/sheets/{sheetId}/cells'>['items']>;
export type Thread = Item<Reply<'/docs/files/{id}/comments'>['threads']>;
export type Revision = Item<Reply<'/docs/files/{id}/revisions'>['items']>;
export type DocImage = Item<Reply<'/docs/files/{id}/images'>['items']>;
export type NewComment = Body<'/docs/files/{id}/comments', 'post'>;
export type SpaceMember = Item<Body<'/docs/spaces/{id}/members', 'put'>['members']>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const path = (id: string) => ({ params: { path: { id } } });

export const useSpaces = () => useQuery({ queryKey: ['/docs/spaces'], queryFn: () => api.get('/docs/spaces') });
export const useSpaceFiles = (spaceId: string | undefined) =>
  useQuery({ queryKey: ['/docs/files', 'space', spaceId], queryFn: () => api.get('/docs/spaces/{id}/files', path(spaceId!)), enabled: spaceId !== undefined });
export const useFile = (id: string) => useQuery({ queryKey: ['/docs/files', id], queryFn: () => api.get('/docs/files/{id}', path(id)) });
export const usePeople = () => useQuery({ queryKey: ['/docs/people'], queryFn: () => api.get('/docs/people'), staleTime: 60_000 });
export const useShares = (id: string) => useQuery({ queryKey: ['/docs/files', id, 'shares'], queryFn: () => api.get('/docs/files/{id}/shares', path(id)) });
export const useTables = (id: string, enabled: boolean) => useQuery({ queryKey: ['/docs/files', id, 'tables'], queryFn: () => api.get('/docs/files/{id}/tables', path(id)), enabled });
export const useSheets = (id: string, enabled: boolean) => useQuery({ queryKey: ['/docs/files', id, 'sheets'], queryFn: () => api.get('/docs/files/{id}/sheets', path(id)), enabled });
export const useCells = (id: string, sheetId: string | undefined, fromRow: number, toRow: number) =>
  useQuery({
    queryKey: ['/docs/files', id, 'cells', sheetId, fromRow],
    queryFn: () => api.get('/docs/files/{id}/sheets/{sheetId}/cells', { params: { path: { id, sheetId: sheetId! }, query: { fromRow, toRow } } }),
    enabled: sheetId !== undefined,
  });
export const useComments = (id: string) => useQuery({ queryKey: ['/docs/files', id, 'comments'], queryFn: () => api.get('/docs/files/{id}/comments', path(id)) });
export const useRevisions = (id: string, enabled: boolean) => useQuery({ queryKey: ['/docs/files', id, 'revisions'], queryFn: () => api.get('/docs/files/{id}/revisions', path(id)), enabled });
export const useImages = (id: string) => useQuery({ queryKey: ['/docs/files', id, 'images'], queryFn: () => api.get('/docs/files/{id}/images', path(id)) });
export const useSpaceMembers = (spaceId: string) => useQuery({ queryKey: ['/docs/spaces', spaceId, 'members'], queryFn: () => api.get('/docs/spaces/{id}/members', path(spaceId)) });
export const useDocsSettings = (enabled: boolean) => useQuery({ queryKey: ['/docs/settings'], queryFn: () => api.get('/docs/settings'), enabled });

/** Every mutation here refreshes what the docs pages show (a few small lists). */
function useDocsMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => client.invalidateQueries({ queryKey: ['/docs/files'] }) });
}

export function useCreateSpace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/docs/spaces', 'post'>) => api.post('/docs/spaces', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/docs/spaces'] }),
  });
}
/** Replaces a team space's members; the spaces (a member's own role may change) and their files are read again. */
export function useSaveSpaceMembers(spaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (members: SpaceMember[]) => api.put('/docs/spaces/{id}/members', { ...path(spaceId), body: { members } }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['/docs/spaces'] }), client.invalidateQueries({ queryKey: ['/docs/files'] })]),
  });
}
export const useCreateFile = () => useDocsMutation((body: Body<'/docs/files', 'post'>) => api.post('/docs/files', { body }));
export const useSaveShares = (id: string) => useDocsMutation((body: Body<'/docs/files/{id}/shares', 'put'>) => api.put('/docs/files/{id}/shares', { ...path(id), body }));
export const useUpdateFile = (id: string) => useDocsMutation((body: Body<'/docs/files/{id}', 'patch'>) => api.patch('/docs/files/{id}', { ...path(id), body }));
export const useInsertTable = (id: string) => useDocsMutation(() => api.post('/docs/files/{id}/tables', { ...path(id), body: { rows: 3, cols: 3 } }));
export const useSaveTable = (id: string) =>
  useDocsMutation(({ tableId, cells }: { tableId: string; cells: string[][] }) => api.put('/docs/files/{id}/tables/{tableId}', { params: { path: { id, tableId } }, body: { cells } }));
export const useDeleteTable = (id: string) => useDocsMutation((tableId: string) => api.delete('/docs/files/{id}/tables/{tableId}', { params: { path: { id, tableId } } }));
export const useEditCells = (id: string) =>
  useDocsMutation(({ sheetId, cells }: { sheetId: string; cells: { row: number; col: number; value: string }[] }) =>
    api.patch('/docs/files/{id}/sheets/{sheetId}/cells', { params: { path: { id, sheetId } }, body: { cells } }),
  );
export const useAddComment = (id: string) => useDocsMutation((body: NewComment) => api.post('/docs/files/{id}/comments', { ...path(id), body }));
export const useResolve = (id: string) =>
  useDocsMutation((threadId: string) => api.put('/docs/files/{id}/comments/{threadId}/resolved', { params: { path: { id, threadId } }, body: { resolved: true } }));
export const useRestore = (id: string) =>
  useDocsMutation((revisionId: string) => api.post('/docs/files/{id}/revisions/{revisionId}/restore', { params: { path: { id, revisionId } } }));

export function useSaveDocsSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/docs/settings', 'put'>) => api.put('/docs/settings', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/docs/settings'] }),
  });
}

/** The .xlsx goes as the request body itself (the server reads its sheets' sizes before any cell). */
export const useImport = () =>
  useDocsMutation(({ spaceId, file }: { spaceId: string; file: File }) =>
    api.post('/docs/imports', {
      params: { query: { spaceId, title: file.name.replace(/\.xlsx$/i, '') } },
      body: file as never,
      bodySerializer: (body: unknown) => body as File,
      headers: { 'content-type': XLSX_TYPE },
    } as never),
  );

/** An image goes as the request body itself: pasted (compressed by the server when large) or attached (kept as it is). */
export const useAddImage = (id: string) =>
  useDocsMutation(({ kind, file }: { kind: 'pasted' | 'attachment'; file: File }) =>
    api.post('/docs/files/{id}/images', {
      params: { path: { id }, query: { kind, name: file.name || 'image' } },
      body: file as never,
      bodySerializer: (body: unknown) => body as File,
      headers: { 'content-type': file.type || 'application/octet-stream' },
    } as never),
  );

/** A1-style name of a 0-based cell. */
export function cellName(row: number, col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row + 1}`;
}
