import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { toIso } from '../../platform/clock.ts';
import { peopleToChoose } from '../directory/index.ts';
import { command } from '../../platform/command.ts';
import { exportMark } from '../../platform/export-marks.ts';
import { noContent } from '../../platform/http/replies.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { addComment, listComments, resolveThread, saveSettings, viewOnlyCommentsBanned, type CommentView, type NewComment } from './comments.service.ts';
import { deleteTable, documentTables, insertTable, TABLES_PER_DOCUMENT, updateTable, type DocTable } from './doc-tables.service.ts';
import {
  CellsDto,
  CellsQuery,
  CommentDto,
  CommentList,
  EditCellsBody,
  EditCellsDto,
  FileDto,
  FileImageParams,
  ImageDto,
  ImageList,
  ImageQuery,
  FileList,
  FileParams,
  FileRevisionParams,
  FileSheetParams,
  FileTableParams,
  FileThreadParams,
  FileWithBody,
  ImportedDto,
  ImportQuery,
  LinkParams,
  NewCommentBody,
  NewFileBody,
  NewSpaceBody,
  NewTableBody,
  ResolveBody,
  RevisionDetail,
  RevisionDto,
  RevisionList,
  RevisionQuery,
  SettingsBody,
  SettingsDto,
  SharesBody,
  SharesDto,
  SheetList,
  SpaceDto,
  SpaceList,
  SpaceMembersBody,
  SpaceMembersDto,
  SpaceParams,
  PeopleDto,
  PeopleQuery,
  TableCellsBody,
  TableDto,
  TableList,
  UpdateFileBody,
} from './docs.schema.ts';
import { exportWorkbook } from './export.service.ts';
import { createFile, deleteFile, fileShares, getFile, openLink, setShares, spaceFiles, updateFile, type FileView, type NewFile, type Share } from './files.service.ts';
import { addImage, IMAGE_BYTES, imageContent, listImages, storeImage, type ImageView, type StoredImage } from './images.service.ts';
import { IMPORT_BYTES, importWorkbook } from './import.service.ts';
import { listRevisions, showRevision, type RevisionView } from './revisions.service.ts';
import { editCells, listSheets, readCells, restoreSheet, SHEET_LIMITS, type Cell } from './sheets.service.ts';
import { createTeamSpace, mySpaces, setSpaceMembers, spaceMembers, type SpaceMember, type SpaceView } from './spaces.service.ts';
import type { ImageKind, LinkAccess } from './docs.tables.ts';
import { ContentStore } from '../../platform/content-store.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const read = { right: 'docs.use', tx: 'read' } as const;
const write = { right: 'docs.use', tx: 'plain' } as const;

const space = (s: SpaceView) => ({ ...s, createdAt: toIso(s.createdAt) });
const file = <F extends FileView>(f: F) => ({ ...f, createdAt: toIso(f.createdAt), updatedAt: toIso(f.updatedAt) });
const docTable = (t: DocTable) => ({ ...t, createdAt: toIso(t.createdAt) });
const comment = (c: CommentView) => ({ ...c, resolvedAt: toIso(c.resolvedAt), createdAt: toIso(c.createdAt) });
const revision = (r: RevisionView) => ({ ...r, createdAt: toIso(r.createdAt) });
const image = (i: ImageView) => ({ ...i, createdAt: toIso(i.createdAt) });

/** Every route one command of the signed-in member; what they may do with a file is the file's business (access.ts). */
const commands = {
  spaces: command(write, mySpaces),
  createSpace: command(write, createTeamSpace),
  members: command(read, spaceMembers),
  setMembers: command(write, (ctx, input: { id: string; members: SpaceMember[] }) => setSpaceMembers(ctx, input.id, input.members)),
  files: command(read, spaceFiles),
  createFile: command(write, (ctx, input: NewFile) => createFile(ctx, input)),
  file: command(read, getFile),
  updateFile: command(write, (ctx, input: { id: string; title?: string | undefined; body?: string | undefined }) => updateFile(ctx, input.id, input)),
  deleteFile: command(write, deleteFile),
  shares: command(read, fileShares),
  setShares: command(write, (ctx, input: { id: string; shares: Share[]; linkAccess: LinkAccess }) => setShares(ctx, input.id, input)),
  openLink: command(write, openLink),
  tables: command(read, documentTables),
  insertTable: command(write, (ctx, input: { id: string; rows: number; cols: number }) => insertTable(ctx, input.id, input)),
  updateTable: command(write, (ctx, input: { id: string; tableId: string; cells: string[][] }) => updateTable(ctx, input.id, input.tableId, input.cells)),
  deleteTable: command(write, (ctx, input: { id: string; tableId: string }) => deleteTable(ctx, input.id, input.tableId)),
  sheets: command(read, listSheets),
  cells: command(read, (ctx, input: { id: string; sheetId: string; fromRow: number; toRow: number }) => readCells(ctx, input.id, input.sheetId, input)),
  editCells: command({ right: 'docs.use', tx: 'group' }, (ctx, input: { id: string; sheetId: string; cells: Cell[] }) => editCells(ctx, input.id, input.sheetId, input.cells)),
  comments: command(read, listComments),
  addComment: command(write, (ctx, input: NewComment & { id: string }) => addComment(ctx, input.id, input)),
  resolve: command(write, (ctx, input: { id: string; threadId: string; resolved: boolean }) => resolveThread(ctx, input.id, input.threadId, input.resolved)),
  revisions: command(read, listRevisions),
  revision: command(read, (ctx, input: { id: string; revisionId: string; sheetId?: string | undefined }) => showRevision(ctx, input.id, input.revisionId, input.sheetId)),
  restore: command(write, (ctx, input: { id: string; revisionId: string }) => restoreSheet(ctx, input.id, input.revisionId)),
  import: command(write, importWorkbook),
  export: command(read, (ctx, input: { id: string; mark: string }) => exportWorkbook(ctx, input.id, input.mark)),
  images: command(read, listImages),
  people: command(read, (ctx, q: string | undefined) => peopleToChoose(ctx.trx, ctx.corpId, { q, limit: 200 })),
  settings: command({ right: 'docs.manage', tx: 'read' }, async (ctx) => ({ viewOnlyCommentsBanned: await viewOnlyCommentsBanned(ctx) })),
  saveSettings: command({ right: 'docs.manage', tx: 'plain' }, saveSettings),
};

export function docsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const images = ContentStore.under(deps.config.dataDir, 'docs-images');
  const storeImageOf = command(read, (ctx, input: { fileId: string; kind: ImageKind; name: string; content: Buffer }) => storeImage(ctx, images, input));
  const addImageTo = command(write, (ctx, input: { fileId: string; image: StoredImage }) => addImage(ctx, input.fileId, input.image));
  const imageOf = command(read, (ctx, input: { id: string; imageId: string }) => imageContent(ctx, images, input.id, input.imageId));
  return async (app) => {
    const config = { auth: 'corp' } as const;
    const tags = ['docs'];

    app.get('/api/v1/docs/spaces', { config, schema: { tags, summary: 'The spaces the member is in: their own (made on first use) and team spaces', response: { 200: SpaceList } } }, async (request) => ({
      items: (await request.run(commands.spaces, undefined)).map(space),
    }));
    app.post('/api/v1/docs/spaces', { config, schema: { tags, summary: 'A team space; its creator manages it', body: NewSpaceBody, response: { 201: SpaceDto } } }, async (request, reply) =>
      reply.code(201).send(space(await request.run(commands.createSpace, request.body))),
    );
    app.get('/api/v1/docs/spaces/:id/members', { config, schema: { tags, summary: "A space's members and roles", params: SpaceParams, response: { 200: SpaceMembersDto } } }, async (request) => ({
      items: await request.run(commands.members, request.params.id),
    }));
    app.put('/api/v1/docs/spaces/:id/members', { config, schema: { tags, summary: "Replace a team space's members (its managers)", params: SpaceParams, body: SpaceMembersBody, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(commands.setMembers, { id: request.params.id, members: request.body.members })),
    );
    app.get('/api/v1/docs/spaces/:id/files', { config, schema: { tags, summary: "A space's files, newest change first (shared files are not listed: they open by link)", params: SpaceParams, response: { 200: FileList } } }, async (request) => ({
      items: (await request.run(commands.files, request.params.id)).map(file),
    }));

    app.post('/api/v1/docs/files', { config, schema: { tags, summary: 'A new document or sheet (in the member’s own space unless spaceId)', body: NewFileBody, response: { 201: FileDto } } }, async (request, reply) =>
      reply.code(201).send(file(await request.run(commands.createFile, request.body))),
    );
    app.get('/api/v1/docs/files/:id', { config, schema: { tags, summary: 'A file the member may open, with what they may do', params: FileParams, response: { 200: FileWithBody } } }, async (request) =>
      file(await request.run(commands.file, request.params.id)),
    );
    app.patch('/api/v1/docs/files/:id', { config, schema: { tags, summary: "Rename a file or save a document's text", params: FileParams, body: UpdateFileBody, response: { 200: FileWithBody } } }, async (request) =>
      file(await request.run(commands.updateFile, { id: request.params.id, ...request.body })),
    );
    app.delete('/api/v1/docs/files/:id', { config, schema: { tags, summary: 'Delete a file with everything in it', params: FileParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(commands.deleteFile, request.params.id)),
    );
    app.get('/api/v1/docs/files/:id/shares', { config, schema: { tags, summary: 'Who the file is shared with (仅浏览/可编辑) and its link', params: FileParams, response: { 200: SharesDto } } }, (request) =>
      request.run(commands.shares, request.params.id),
    );
    app.put('/api/v1/docs/files/:id/shares', { config, schema: { tags, summary: 'Share with members, departments and tags; turn the link on or off', params: FileParams, body: SharesBody, response: { 200: SharesDto } } }, (request) =>
      request.run(commands.setShares, { id: request.params.id, ...request.body }),
    );
    app.post('/api/v1/docs/links/:token', { config, schema: { tags, summary: 'Open a file by its link: the member keeps the link’s access while it is on', params: LinkParams, response: { 200: FileDto } } }, async (request) =>
      file(await request.run(commands.openLink, request.params.token)),
    );

    app.get('/api/v1/docs/files/:id/tables', { config, schema: { tags, summary: "A document's tables (at most 100)", params: FileParams, response: { 200: TableList } } }, async (request) => ({
      items: (await request.run(commands.tables, request.params.id)).map(docTable),
      limit: TABLES_PER_DOCUMENT,
    }));
    app.post('/api/v1/docs/files/:id/tables', { config, schema: { tags, summary: 'Insert a table (the 101st: 超过表格上限，请删除其他表格后插入。)', params: FileParams, body: NewTableBody, response: { 201: TableDto } } }, async (request, reply) =>
      reply.code(201).send(docTable(await request.run(commands.insertTable, { id: request.params.id, ...request.body }))),
    );
    app.put('/api/v1/docs/files/:id/tables/:tableId', { config, schema: { tags, summary: "Save a table's cells", params: FileTableParams, body: TableCellsBody, response: { 200: TableDto } } }, async (request) =>
      docTable(await request.run(commands.updateTable, { ...request.params, cells: request.body.cells })),
    );
    app.delete('/api/v1/docs/files/:id/tables/:tableId', { config, schema: { tags, summary: 'Delete a table', params: FileTableParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(commands.deleteTable, request.params)),
    );

    app.get('/api/v1/docs/files/:id/sheets', { config, schema: { tags, summary: "A sheet file's sheets and the limits of one", params: FileParams, response: { 200: SheetList } } }, async (request) => ({
      items: await request.run(commands.sheets, request.params.id),
      limits: SHEET_LIMITS,
    }));
    app.get('/api/v1/docs/files/:id/sheets/:sheetId/cells', { config, schema: { tags, summary: 'The non-empty cells of a range of rows (at most 1,000 rows at a time)', params: FileSheetParams, querystring: CellsQuery, response: { 200: CellsDto } } }, async (request) => {
      const fromRow = request.query.fromRow ?? 0;
      return { items: await request.run(commands.cells, { ...request.params, fromRow, toRow: Math.min(request.query.toRow ?? fromRow + 1_000, fromRow + 1_000) }) };
    });
    app.patch('/api/v1/docs/files/:id/sheets/:sheetId/cells', { config, schema: { tags, summary: 'Edit cells (an empty value empties a cell); every 50 changed cells a person makes become a revision', params: FileSheetParams, body: EditCellsBody, response: { 200: EditCellsDto } } }, (request) =>
      request.run(commands.editCells, { ...request.params, cells: request.body.cells }),
    );

    app.get('/api/v1/docs/files/:id/comments', { config, schema: { tags, summary: 'Comment threads with their replies, and whether the member may comment', params: FileParams, response: { 200: CommentList } } }, async (request) => {
      const list = await request.run(commands.comments, request.params.id);
      return { threads: list.threads.map((t) => ({ ...comment(t), replies: t.replies.map(comment) })), canComment: list.canComment };
    });
    app.post('/api/v1/docs/files/:id/comments', { config, schema: { tags, summary: 'Comment (a new thread, on a cell or not, or a reply); @mentions reach the inbox', params: FileParams, body: NewCommentBody, response: { 201: CommentDto } } }, async (request, reply) =>
      reply.code(201).send(comment(await request.run(commands.addComment, { id: request.params.id, ...request.body, mentions: request.body.mentions ?? [] }))),
    );
    app.put('/api/v1/docs/files/:id/comments/:threadId/resolved', { config, schema: { tags, summary: 'Resolve or reopen a thread', params: FileThreadParams, body: ResolveBody, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(commands.resolve, { ...request.params, resolved: request.body.resolved })),
    );

    app.get('/api/v1/docs/files/:id/images', { config, schema: { tags, summary: "A file's images, oldest first, with the size kept and the size uploaded", params: FileParams, response: { 200: ImageList } } }, async (request) => ({
      items: (await request.run(commands.images, request.params.id)).map(image),
    }));
    app.get('/api/v1/docs/files/:id/images/:imageId', { config, schema: { tags, summary: "An image's bytes (whoever may open the file)", params: FileImageParams } }, async (request, reply) => {
      const found = await request.run(imageOf, request.params);
      return reply.type(found.contentType).header('cache-control', 'private, max-age=3600').send(found.bytes);
    });

    app.get('/api/v1/docs/files/:id/revisions', { config, schema: { tags, summary: 'The history: revisions newest first (author, time, cells changed) and what is pending', params: FileParams, response: { 200: RevisionList } } }, async (request) => {
      const list = await request.run(commands.revisions, request.params.id);
      return { items: list.revisions.map(revision), pending: list.pending };
    });
    app.get('/api/v1/docs/files/:id/revisions/:revisionId', { config, schema: { tags, summary: 'One revision: its changes, and a sheet as it stood after it', params: FileRevisionParams, querystring: RevisionQuery, response: { 200: RevisionDetail } } }, async (request) => {
      const detail = await request.run(commands.revision, { ...request.params, sheetId: request.query.sheetId });
      return { ...detail, revision: revision(detail.revision) };
    });
    app.post('/api/v1/docs/files/:id/revisions/:revisionId/restore', { config, schema: { tags, summary: 'Restore a revision: a new revision, none deleted', params: FileRevisionParams, response: { 201: RevisionDto } } }, async (request, reply) =>
      reply.code(201).send(revision(await request.run(commands.restore, request.params))),
    );

    app.get('/api/v1/docs/files/:id/export', { config, schema: { tags, summary: 'The sheet as .xlsx, comments as notes', params: FileParams } }, async (request, reply) => {
      const corp = request.corp!;
      const mark = await exportMark(deps.registry, deps.db, corp.corpId, corp.actor, request.now, 'docs');
      const { title, content } = await request.run(commands.export, { id: request.params.id, mark });
      reply.header('content-disposition', `attachment; filename="sheet.xlsx"; filename*=UTF-8''${encodeURIComponent(`${title}.xlsx`)}`);
      return reply.type(XLSX).send(content);
    });

    app.get('/api/v1/docs/people', { config, schema: { tags, summary: 'Members (by exact name with q), departments and tags to share with', querystring: PeopleQuery, response: { 200: PeopleDto } } }, (request) =>
      request.run(commands.people, request.query.q),
    );
    app.get('/api/v1/docs/settings', { config, schema: { tags, summary: '文档 settings of the enterprise (super admins)', response: { 200: SettingsDto } } }, (request) => request.run(commands.settings, undefined));
    app.put('/api/v1/docs/settings', { config, schema: { tags, summary: 'Set 禁止仅浏览成员发表动态', body: SettingsBody, response: { 200: SettingsDto } } }, (request) => request.run(commands.saveSettings, request.body));

    // An image is the body itself (image/*), in a scope of its own like the import below.
    await app.register(async (scope) => {
      const uploads = scope.withTypeProvider<TypeBoxTypeProvider>();
      uploads.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: IMAGE_BYTES }, (_request, body, done) => done(null, body));
      uploads.post(
        '/api/v1/docs/files/:id/images',
        { config, bodyLimit: IMAGE_BYTES, schema: { tags, summary: 'Put an image (the body, image/*) into a file: pasted, it is compressed over 1 MiB or 2,560 px; as an attachment it keeps its bytes', params: FileParams, querystring: ImageQuery, response: { 201: ImageDto } } },
        async (request, reply) => {
          const stored = await request.run(storeImageOf, { fileId: request.params.id, kind: request.query.kind, name: request.query.name, content: request.body as Buffer });
          return reply.code(201).send(image(await request.run(addImageTo, { fileId: request.params.id, image: stored })));
        },
      );
    });

    // The import takes the .xlsx itself as the body, in a scope of its own: only this route reads it.
    await app.register(async (scope) => {
      const uploads = scope.withTypeProvider<TypeBoxTypeProvider>();
      uploads.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: IMPORT_BYTES }, (_request, body, done) => done(null, body));
      uploads.post(
        '/api/v1/docs/imports',
        { config, bodyLimit: IMPORT_BYTES, schema: { tags, summary: `Import an .xlsx (the body, ${XLSX}) as a new sheet; sheets over 1,000,000 cells, 200,000 rows or 2,000 columns are refused before their cells are read`, querystring: ImportQuery, response: { 201: ImportedDto } } },
        async (request, reply) => {
          const body = request.body as Buffer;
          return reply.code(201).send(file(await request.run(commands.import, { spaceId: request.query.spaceId, title: request.query.title, content: body })));
        },
      );
    });
  };
}
