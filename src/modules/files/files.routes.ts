import { buffer } from 'node:stream/consumers';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { DomainError } from '../../platform/errors.ts';
import { exportMark, imageMark } from '../../platform/export-marks.ts';
import { created, noContent } from '../../platform/http/replies.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { invalidField, refuseDeclaredOver, streamedBody, uploadScope } from '../../platform/http/upload.ts';
import { authorize, authorizeApp } from '../../platform/policy/index.ts';
import { FileErrors } from './files.errors.ts';
import {
  FileDto,
  FileForm,
  FileParams,
  FilePage,
  FolderBody,
  FolderDto,
  FolderList,
  FolderQuery,
  ForwardBody,
  MoveBody,
  MyFilesQuery,
  QuotaDto,
  RecordExportQuery,
  RecordPage,
  RecordQuery,
  FolderChangeBody,
  ShareDto,
  UploadQuery,
  UsagePage,
  UsageQuery,
} from './files.schema.ts';
import { addFile, deleteFile, downloadFile, forwardFile, membersUsage, moveFile, myFiles, myQuota, releaseBlob, shareOut, uploadPlan, viewFile, type Served, type StoredUpload } from './files.service.ts';
import { changeFolder, createFolder, deleteFolder, listFolders } from './folders.service.ts';
import { recordsXlsx, searchRecords, type RecordSearch } from './records.service.ts';
import { BlobStore, type BlobKey, type PendingBlob } from './store.ts';

const tags = ['files'];
const corp = { auth: 'corp' } as const;
const use = { right: 'files.use', tx: 'read' } as const;
const write = { right: 'files.use', tx: 'plain' } as const;

const malformed = () => new DomainError('request.invalid', { in: 'body', field: '/', reason: 'multipart' }, 'The body is not a valid multipart/form-data upload.');

type Received = PendingBlob & { name: string };

/**
 * Streams the one `file` part of the upload into a pending blob of the store; refused with 413 as
 * soon as it passes the limit.
 */
async function receive(request: FastifyRequest, store: BlobStore, corpId: string, confidential: boolean, limitBytes: number): Promise<Received> {
  if (!request.isMultipart()) throw new DomainError('request.unsupported_media_type', { accepted: ['multipart/form-data'] });
  const tooLarge = () => new DomainError(FileErrors['files.too_large'], { limitBytes });
  let stored: Received | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: limitBytes, files: 1, fields: 2, fieldSize: 1024, parts: 3 } })) {
      if (part.type === 'field' || part.fieldname !== 'file') {
        if (part.type === 'file') part.file.resume();
        throw invalidField(part.fieldname, 'unknown_field');
      }
      const blob = await store.put(corpId, part.file, confidential, () => part.file.truncated);
      if (!blob) throw tooLarge();
      stored = { name: part.filename ?? '', ...blob };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw malformed();
  }
  if (!stored) throw invalidField('file', 'required');
  if (stored.size === 0) {
    await store.discard(stored.partial);
    throw invalidField('file', 'minLength');
  }
  return stored;
}

/** Images whose pixels carry 暗水印 (drive's hidden watermark): PNG and JPEG; a GIF keeps its frames unmarked. */
const MARKABLE = new Set(['image/png', 'image/jpeg']);

/**
 * The viewer serves a file inline in a sandbox (its scripts, if any, never run as Banyan's page), a
 * download as an attachment; neither is kept by a cache. A PNG or JPEG a member opens while drive's
 * 暗水印 is on is served in its own format with the member and minute in its pixels.
 */
async function send(deps: Deps, request: FastifyRequest, reply: FastifyReply, store: BlobStore, file: Served, disposition: 'inline' | 'attachment') {
  const corp = request.corp!;
  const marked = MARKABLE.has(file.mime) ? await imageMark(deps.registry, deps.db, corp.corpId, corp.actor, request.now, 'drive', () => buffer(store.read(file))) : undefined;
  reply
    .header('content-disposition', `${disposition}; filename="${file.sha256.slice(0, 12)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('content-length', marked ? marked.length : file.size)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
  return reply.type(disposition === 'attachment' ? 'application/octet-stream' : file.mime).send(marked ?? store.read(file));
}

/** The file store (upload, folders, list, view, download, forward, delete, quota) and 文件防泄漏's records and usage for admins. */
export function filesRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const store = new BlobStore(deps.config.dataDir);
  const limitBytes = deps.config.fileLimitBytes;
  const quotaBytes = deps.config.fileQuotaBytes;
  const plan = command(use, async (ctx, folderId: string | undefined) => ({ ...(await uploadPlan(ctx, folderId)), corpId: ctx.corpId }));
  const add = command(write, (ctx, upload: StoredUpload & { partial: string }) => addFile(ctx, upload, quotaBytes, (key) => store.settle(key, upload.partial)));
  const list = command(use, (ctx, page: { folderId?: string | undefined; cursor?: string | undefined; limit: number }) => myFiles(ctx, page));
  const move = command(write, (ctx, input: { id: string; folderId: string | null }) => moveFile(ctx, input.id, input.folderId));
  const remove = command(write, (ctx, id: string) => deleteFile(ctx, id));
  const release = command(write, (ctx, key: BlobKey) => releaseBlob(ctx, key, (k) => store.remove(k)));
  const quota = command(use, (ctx) => myQuota(ctx, quotaBytes));
  const folders = command(use, (ctx, parentId: string | undefined) => listFolders(ctx, parentId));
  const addFolder = command(write, (ctx, input: { name: string; parentId?: string | null | undefined }) => createFolder(ctx, input));
  const changeOne = command(write, (ctx, input: { id: string; name?: string | undefined; parentId?: string | null | undefined }) => changeFolder(ctx, input.id, input));
  const dropFolder = command(write, (ctx, id: string) => deleteFolder(ctx, id));
  const view = command(write, (ctx, id: string) => viewFile(ctx, id));
  const download = command(write, (ctx, id: string) => downloadFile(ctx, id));
  const forward = command(write, (ctx, input: { id: string; memberId: string }) => forwardFile(ctx, input.id, input.memberId, quotaBytes));
  const share = command(use, (ctx, input: { id: string; action: 'share_external' | 'open_with' }) => shareOut(ctx, input.id, input.action));
  const records = command({ right: 'security.manage', tx: 'read' }, async (ctx, query: RecordSearch) => {
    await authorizeApp(ctx, 'features', 'manage');
    return searchRecords(ctx, query);
  });
  const usage = command({ right: 'security.manage', tx: 'read' }, async (ctx, page: { cursor?: string | undefined; limit: number }) => {
    await authorizeApp(ctx, 'features', 'manage');
    return { quotaBytes, ...(await membersUsage(ctx, page)) };
  });

  return async (app) => {
    app.get('/api/v1/files', { config: corp, schema: { tags, summary: 'My files (uploaded and forwarded to me) in one folder, newest first', querystring: MyFilesQuery, response: { 200: FilePage } } }, (request) =>
      request.run(list, { folderId: request.query.folderId, cursor: request.query.cursor, limit: request.query.limit ?? 50 }),
    );
    app.get('/api/v1/files/quota', { config: corp, schema: { tags, summary: 'What my ordinary files take of my quota (微盘 容量)', response: { 200: QuotaDto } } }, (request) => request.run(quota, undefined));
    app.patch('/api/v1/files/:id', { config: corp, schema: { tags, summary: 'Move one of my files into one of my folders (null: the top level)', params: FileParams, body: MoveBody, response: { 200: FileDto } } }, (request) =>
      request.run(move, { id: request.params.id, folderId: request.body.folderId }),
    );
    app.delete(
      '/api/v1/files/:id',
      { config: corp, schema: { tags, summary: 'Delete one of my files (a confidential file’s records stay, and the deletion is recorded)', params: FileParams, response: { 204: NoContent } } },
      async (request, reply) => {
        const blob = await request.run(remove, request.params.id);
        // Once the file is gone for good: the bytes go too when no file of the enterprise lists them.
        return noContent(reply, request.run(release, blob));
      },
    );
    app.get('/api/v1/file-folders', { config: corp, schema: { tags, summary: 'My folders inside one folder (the top level without parentId), by name', querystring: FolderQuery, response: { 200: FolderList } } }, (request) =>
      request.run(folders, request.query.parentId || undefined),
    );
    app.post('/api/v1/file-folders', { config: corp, schema: { tags, summary: 'Create a folder (names are unique among the folders of one parent)', body: FolderBody, response: { 201: FolderDto } } }, async (request, reply) =>
      created(reply, request.run(addFolder, request.body)),
    );
    app.patch(
      '/api/v1/file-folders/:id',
      { config: corp, schema: { tags, summary: 'Rename one of my folders, or move it with all it holds into another (409 files.folder_into_itself for itself or a folder inside it)', params: FileParams, body: FolderChangeBody, response: { 200: FolderDto } } },
      (request) => request.run(changeOne, { id: request.params.id, name: request.body.name, parentId: request.body.parentId }),
    );
    app.delete('/api/v1/file-folders/:id', { config: corp, schema: { tags, summary: 'Delete one of my folders; refused (409) while it holds files or folders', params: FileParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(dropFolder, request.params.id)),
    );
    app.get('/api/v1/files/:id/view', { config: corp, schema: { tags, summary: 'Open a file in the viewer (inline; recorded for a confidential file)', params: FileParams } }, async (request, reply) =>
      send(deps, request, reply, store, await request.run(view, request.params.id), 'inline'),
    );
    app.get('/api/v1/files/:id/download', { config: corp, schema: { tags, summary: 'Download a file (403 while 禁止下载与导出 makes a confidential file preview-only)', params: FileParams } }, async (request, reply) =>
      send(deps, request, reply, store, await request.run(download, request.params.id), 'attachment'),
    );
    app.post('/api/v1/files/:id/forwards', { config: corp, schema: { tags, summary: 'Forward a file to a member of the enterprise (they get their own copy)', params: FileParams, body: ForwardBody, response: { 201: FileDto } } }, async (request, reply) =>
      created(reply, request.run(forward, { id: request.params.id, memberId: request.body.memberId })),
    );
    app.post('/api/v1/files/:id/share-external', { config: corp, schema: { tags, summary: '「分享到微信」: whether the client may hand the file outside (403 for a protected confidential file)', params: FileParams, response: { 200: ShareDto } } }, (request) =>
      request.run(share, { id: request.params.id, action: 'share_external' }),
    );
    app.post('/api/v1/files/:id/open-with', { config: corp, schema: { tags, summary: '「用其他应用打开」: whether the client may open the file in another app (403 for a protected confidential file)', params: FileParams, response: { 200: ShareDto } } }, (request) =>
      request.run(share, { id: request.params.id, action: 'open_with' }),
    );

    app.get('/api/v1/security/file-records', { config: corp, schema: { tags: ['security'], summary: '文件防泄漏: uploads, downloads, views and forwards of confidential files, newest first', querystring: RecordQuery, response: { 200: RecordPage } } }, (request) =>
      request.run(records, { ...request.query, limit: request.query.limit ?? 50 }),
    );
    app.get('/api/v1/security/file-usage', { config: corp, schema: { tags: ['security'], summary: 'Each member’s ordinary files against the quota, the largest first', querystring: UsageQuery, response: { 200: UsagePage } } }, (request) =>
      request.run(usage, { cursor: request.query.cursor, limit: request.query.limit ?? 50 }),
    );
    app.get('/api/v1/security/file-records/export', { config: corp, schema: { tags: ['security'], summary: 'Export the filtered file records as .xlsx (streamed)', querystring: RecordExportQuery } }, async (request, reply) => {
      // Streamed after the handler returns, so it reads outside any command.
      const ctx = request.readCtx();
      await authorize(ctx, 'security.manage');
      await authorizeApp(ctx, 'features', 'manage');
      const { lang, ...filters } = request.query;
      const name = lang === 'zh-CN' ? '文件操作记录.xlsx' : 'file-records.xlsx';
      const mark = await exportMark(deps.registry, deps.db, ctx.corpId, ctx.actor, request.now, 'drive');
      reply.header('content-disposition', `attachment; filename="file-records.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(recordsXlsx(ctx, filters, lang, mark));
    });

    await app.register(async (uploads) => {
      await uploadScope(uploads, limitBytes);
      uploads.post(
        '/api/v1/files',
        {
          config: corp,
          onRequest: refuseDeclaredOver({ fileLimit: limitBytes, tooLarge: () => new DomainError(FileErrors['files.too_large'], { limitBytes }) }),
          validatorCompiler: streamedBody,
          schema: {
            tags,
            summary: 'Upload a file (multipart/form-data: file) into one of my folders; a member in 文件防泄漏’s scope makes a confidential file',
            querystring: UploadQuery,
            body: { content: { 'multipart/form-data': { schema: FileForm } } } as unknown as typeof FileForm,
            response: { 201: FileDto },
          },
        },
        async (request, reply) => {
          // Where the bytes go depends on the uploader, so it is decided (and the right checked) first.
          // Validated by UploadQuery; this scope's instance does not carry the TypeBox types.
          const folderId = (request.query as Static<typeof UploadQuery>).folderId || undefined;
          const { confidential, corpId } = await request.run(plan, folderId);
          const stored = await receive(request, store, corpId, confidential, limitBytes);
          try {
            return await created(reply, request.run(add, { ...stored, confidential, folderId }));
          } finally {
            // Settled (renamed away) when the file was listed; refused (quota), the bytes go.
            await store.discard(stored.partial);
          }
        },
      );
    });
  };
}
