import { buffer } from 'node:stream/consumers';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { DomainError } from '../../platform/errors.ts';
import { exportMark, imageMark } from '../../platform/export-marks.ts';
import { created } from '../../platform/http/replies.ts';
import { invalidField, refuseDeclaredOver, streamedBody, uploadScope } from '../../platform/http/upload.ts';
import { authorize, authorizeApp } from '../../platform/policy/index.ts';
import { FileErrors } from './files.errors.ts';
import { FileDto, FileForm, FileParams, FilePage, ForwardBody, MyFilesQuery, RecordExportQuery, RecordPage, RecordQuery, ShareDto } from './files.schema.ts';
import { addFile, downloadFile, forwardFile, myFiles, shareOut, uploadPlan, viewFile, type Served, type StoredUpload } from './files.service.ts';
import { recordsXlsx, searchRecords, type RecordSearch } from './records.service.ts';
import { BlobStore } from './store.ts';

const tags = ['files'];
const corp = { auth: 'corp' } as const;
const use = { right: 'files.use', tx: 'read' } as const;
const write = { right: 'files.use', tx: 'plain' } as const;

const malformed = () => new DomainError('request.invalid', { in: 'body', field: '/', reason: 'multipart' }, 'The body is not a valid multipart/form-data upload.');

/** Streams the one `file` part of the upload into the store; refused with 413 as soon as it passes the limit. */
async function receive(request: FastifyRequest, store: BlobStore, confidential: boolean, limitBytes: number): Promise<Omit<StoredUpload, 'confidential'>> {
  if (!request.isMultipart()) throw new DomainError('request.unsupported_media_type', { accepted: ['multipart/form-data'] });
  const tooLarge = () => new DomainError(FileErrors['files.too_large'], { limitBytes });
  let stored: Omit<StoredUpload, 'confidential'> | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: limitBytes, files: 1, fields: 2, fieldSize: 1024, parts: 3 } })) {
      if (part.type === 'field' || part.fieldname !== 'file') {
        if (part.type === 'file') part.file.resume();
        throw invalidField(part.fieldname, 'unknown_field');
      }
      const blob = await store.put(part.file, confidential, () => part.file.truncated);
      if (!blob) throw tooLarge();
      stored = { name: part.filename ?? '', ...blob };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw malformed();
  }
  if (!stored) throw invalidField('file', 'required');
  if (stored.size === 0) throw invalidField('file', 'minLength');
  return stored;
}

/** Images whose pixels carry 暗水印 (drive's hidden watermark): lossless PNG and JPEG; a GIF keeps its frames unmarked. */
const MARKABLE = new Set(['image/png', 'image/jpeg']);

/**
 * The viewer serves a file inline in a sandbox (its scripts, if any, never run as Banyan's page), a
 * download as an attachment; neither is kept by a cache. A PNG or JPEG a member opens while drive's
 * 暗水印 is on is served as a PNG with the member and minute in its pixels (a JPEG's name then ends in .png).
 */
async function send(deps: Deps, request: FastifyRequest, reply: FastifyReply, store: BlobStore, file: Served, disposition: 'inline' | 'attachment') {
  const corp = request.corp!;
  const marked = MARKABLE.has(file.mime) ? await imageMark(deps.registry, deps.db, corp.corpId, corp.actor, request.now, 'drive', () => buffer(store.read(file.sha256, file.confidential))) : undefined;
  const name = marked && file.mime === 'image/jpeg' ? file.name.replace(/\.[^.]*$/, '') + '.png' : file.name;
  reply
    .header('content-disposition', `${disposition}; filename="${file.sha256.slice(0, 12)}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('content-length', marked ? marked.length : file.size)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
  const type = disposition === 'attachment' ? 'application/octet-stream' : marked ? 'image/png' : file.mime;
  return reply.type(type).send(marked ?? store.read(file.sha256, file.confidential));
}

/** The file store (upload, list, view, download, forward) and 文件防泄漏's records for admins. */
export function filesRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const store = new BlobStore(deps.config.dataDir);
  const limitBytes = deps.config.fileLimitBytes;
  const quotaBytes = deps.config.fileQuotaBytes;
  const plan = command(use, (ctx) => uploadPlan(ctx));
  const add = command(write, (ctx, upload: StoredUpload) => addFile(ctx, upload, quotaBytes));
  const list = command(use, (ctx, page: { cursor?: string | undefined; limit: number }) => myFiles(ctx, page));
  const view = command(write, (ctx, id: string) => viewFile(ctx, id));
  const download = command(write, (ctx, id: string) => downloadFile(ctx, id));
  const forward = command(write, (ctx, input: { id: string; memberId: string }) => forwardFile(ctx, input.id, input.memberId, quotaBytes));
  const share = command(use, (ctx, input: { id: string; action: 'share_external' | 'open_with' }) => shareOut(ctx, input.id, input.action));
  const records = command({ right: 'security.manage', tx: 'read' }, async (ctx, query: RecordSearch) => {
    await authorizeApp(ctx, 'features', 'manage');
    return searchRecords(ctx, query);
  });

  return async (app) => {
    app.get('/api/v1/files', { config: corp, schema: { tags, summary: 'My files (uploaded and forwarded to me), newest first', querystring: MyFilesQuery, response: { 200: FilePage } } }, (request) =>
      request.run(list, { cursor: request.query.cursor, limit: request.query.limit ?? 50 }),
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
            summary: 'Upload a file (multipart/form-data: file); a member in 文件防泄漏’s scope makes a confidential file',
            body: { content: { 'multipart/form-data': { schema: FileForm } } } as unknown as typeof FileForm,
            response: { 201: FileDto },
          },
        },
        async (request, reply) => {
          // Where the bytes go depends on the uploader, so it is decided (and the right checked) first.
          const { confidential } = await request.run(plan, undefined);
          const stored = await receive(request, store, confidential, limitBytes);
          return created(reply, request.run(add, { ...stored, confidential }));
        },
      );
    });
  };
}
