import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { toIso } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/policy/index.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import {
  ActivationCounts,
  Created,
  DepartmentList,
  ExportQuery,
  HeadsBody,
  IdempotencyHeaders,
  IdParams,
  ImportForm,
  ImportStatusDto,
  MemberDto,
  MemberPage,
  MemberQuery,
  MoveDepartmentBody,
  NewDepartmentBody,
  NewMemberBody,
  RenameDepartmentBody,
  StatusBody,
  TagBody,
  TagHoldersBody,
  TagHoldersDto,
  TagList,
  UpdateMemberBody,
} from './directory.schema.ts';
import { departments, imports, members, tags as tagCommands } from './directory.commands.ts';
import type { MemberView } from './members.service.ts';
import { exportContacts } from './export.service.ts';
import { exportMark } from '../../platform/export-marks.ts';
import { readScope } from './scope.ts';
import { noContent } from '../../platform/http/replies.ts';
import { IMPORT_FILE_LIMIT, readImportUpload, refuseOversizedUpload } from './upload.ts';
import { streamedBody, uploadScope } from '../../platform/http/upload.ts';

function memberDto(view: MemberView) {
  return { ...view, joinedAt: toIso(view.joinedAt), departedAt: toIso(view.departedAt) };
}

const tags = ['contacts'];
const corp = { auth: 'corp' } as const;

/** 通讯录: departments, members, tags, import and export, each route one command (directory.commands.ts). */
export function directoryRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // ---------------------------------------------------------------- departments
    app.get('/api/v1/contacts/departments', { config: corp, schema: { tags, summary: 'The department tree the actor reads, parents first', response: { 200: DepartmentList } } }, (request) =>
      request.run(departments.list, undefined),
    );

    app.post(
      '/api/v1/contacts/departments',
      { config: corp, schema: { tags, summary: 'Create a department at the end of its parent', headers: IdempotencyHeaders, body: NewDepartmentBody, response: { 201: Created } } },
      async (request, reply) => reply.status(201).send({ id: await request.run(departments.create, request.body) }),
    );

    app.patch(
      '/api/v1/contacts/departments/:id',
      { config: corp, schema: { tags, summary: 'Rename a department', params: IdParams, body: RenameDepartmentBody, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(departments.rename, { id: request.params.id, name: request.body.name })),
    );

    app.post(
      '/api/v1/contacts/departments/:id/move',
      { config: corp, schema: { tags, summary: 'Move a subtree under a parent at a position (same parent: reorder)', params: IdParams, body: MoveDepartmentBody, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(departments.move, { id: request.params.id, ...request.body })),
    );

    app.delete(
      '/api/v1/contacts/departments/:id',
      { config: corp, schema: { tags, summary: 'Delete an empty department', params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(departments.remove, request.params.id)),
    );

    app.put(
      '/api/v1/contacts/departments/:id/heads',
      { config: corp, schema: { tags, summary: 'Set the department heads (部门负责人)', params: IdParams, body: HeadsBody, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(departments.setHeads, { id: request.params.id, memberIds: request.body.memberIds })),
    );

    // ---------------------------------------------------------------- members
    app.get(
      '/api/v1/contacts/members',
      { config: corp, schema: { tags, summary: 'Search and list members, ordered by pinyin: by cursor, or by offset with the total for page numbers', querystring: MemberQuery, response: { 200: MemberPage } } },
      async (request) => {
        const q = request.query;
        const page = await request.run(members.list, {
          departmentId: q.departmentId,
          includeSub: q.includeSub,
          q: q.q,
          status: q.status,
          activation: q.activation,
          cursor: q.cursor,
          offset: q.offset,
          withTotal: q.withTotal,
          limit: q.limit ?? 50,
        });
        return { ...page, items: page.items.map(memberDto) };
      },
    );

    app.get(
      '/api/v1/contacts/members/activation-counts',
      { config: corp, schema: { tags, summary: 'How many members the actor reads are not activated, activated, disabled, departed', response: { 200: ActivationCounts } } },
      (request) => request.run(members.counts, undefined),
    );

    app.get('/api/v1/contacts/members/:id', { config: corp, schema: { tags, summary: 'One member', params: IdParams, response: { 200: MemberDto } } }, async (request) =>
      memberDto(await request.run(members.get, request.params.id)),
    );

    app.post(
      '/api/v1/contacts/members',
      { config: corp, schema: { tags, summary: 'Add a member', headers: IdempotencyHeaders, body: NewMemberBody, response: { 201: MemberDto } } },
      async (request, reply) => {
        const body = request.body;
        const view = await request.run(members.create, { ...body, joinedAt: body.joinedAt === undefined ? undefined : Date.parse(body.joinedAt) });
        return reply.status(201).send(memberDto(view));
      },
    );

    app.patch(
      '/api/v1/contacts/members/:id',
      { config: corp, schema: { tags, summary: 'Edit a member', params: IdParams, body: UpdateMemberBody, response: { 200: MemberDto } } },
      async (request) => memberDto(await request.run(members.update, { id: request.params.id, patch: request.body })),
    );

    app.post(
      '/api/v1/contacts/members/:id/status',
      { config: corp, schema: { tags, summary: 'Disable (禁用) or enable a member', params: IdParams, body: StatusBody, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(members.setStatus, { id: request.params.id, status: request.body.status })),
    );

    app.post(
      '/api/v1/contacts/members/:id/depart',
      { config: corp, schema: { tags, summary: 'Mark a member departed (离职); their admin roles go with it', params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(members.depart, request.params.id)),
    );

    app.delete(
      '/api/v1/contacts/members/:id',
      { config: corp, schema: { tags, summary: 'Delete a member from the contacts', params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(members.remove, request.params.id)),
    );

    // ---------------------------------------------------------------- tags
    app.get('/api/v1/contacts/tags', { config: corp, schema: { tags, summary: 'Tags (标签)', response: { 200: TagList } } }, async (request) => ({ items: await request.run(tagCommands.list, undefined) }));

    app.post('/api/v1/contacts/tags', { config: corp, schema: { tags, summary: 'Create a tag', body: TagBody, response: { 201: Created } } }, async (request, reply) =>
      reply.status(201).send({ id: await request.run(tagCommands.create, request.body.name) }),
    );

    app.patch('/api/v1/contacts/tags/:id', { config: corp, schema: { tags, summary: 'Rename a tag', params: IdParams, body: TagBody, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(tagCommands.rename, { id: request.params.id, name: request.body.name })),
    );

    app.delete('/api/v1/contacts/tags/:id', { config: corp, schema: { tags, summary: 'Delete a tag', params: IdParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(tagCommands.remove, request.params.id)),
    );

    app.get('/api/v1/contacts/tags/:id/holders', { config: corp, schema: { tags, summary: 'Members and departments holding a tag', params: IdParams, response: { 200: TagHoldersDto } } }, (request) =>
      request.run(tagCommands.holders, request.params.id),
    );

    app.post(
      '/api/v1/contacts/tags/:id/holders',
      { config: corp, schema: { tags, summary: 'Add or remove tag holders', params: IdParams, body: TagHoldersBody, response: { 200: TagHoldersDto } } },
      (request) => request.run(tagCommands.changeHolders, { id: request.params.id, change: request.body }),
    );

    // ---------------------------------------------------------------- import and export
    // Uploads in a scope of their own: only this route takes multipart/form-data.
    await app.register(async (uploads) => {
      await uploadScope(uploads, IMPORT_FILE_LIMIT);
      uploads.post(
        '/api/v1/contacts/imports',
        {
          config: corp,
          onRequest: refuseOversizedUpload,
          validatorCompiler: streamedBody,
          schema: {
            tags,
            summary: 'Upload an .xlsx or .csv file (multipart/form-data: kind, format, file; at most 20 MiB) to import as a job',
            headers: IdempotencyHeaders,
            body: { content: { 'multipart/form-data': { schema: ImportForm } } } as unknown as typeof ImportForm,
            response: { 202: Created },
          },
        },
        async (request, reply) => {
          const upload = await readImportUpload(request);
          const id = await request.run(imports.submit, upload);
          void deps.jobs.runDue().catch((error: unknown) => request.log.error({ err: error }, 'import job pass failed'));
          return reply.status(202).send({ id });
        },
      );
    });

    app.get('/api/v1/contacts/imports/:id', { config: corp, schema: { tags, summary: 'Progress and outcome of an import', params: IdParams, response: { 200: ImportStatusDto } } }, (request) =>
      request.run(imports.status, request.params.id),
    );

    app.get(
      '/api/v1/contacts/export',
      {
        config: corp,
        schema: {
          tags,
          summary: 'Download members or departments as .xlsx or .csv (UTF-8 with BOM)',
          querystring: ExportQuery,
          response: { 200: Type.Unsafe<PassThrough>({ type: 'string', format: 'binary', description: 'the file' }) },
        },
      },
      async (request, reply) => {
        // Streamed after the handler returns, so it reads outside any command.
        const ctx = request.readCtx();
        await authorize(ctx, 'contacts.read');
        const scope = await readScope(ctx);
        const { kind, format } = request.query;
        const language = /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'zh';
        const mark = await exportMark(deps.registry, deps.db, ctx.corpId, ctx.actor, request.now, 'contacts');
        const out = new PassThrough();
        exportContacts(deps.db, ctx.corpId, scope, kind, format, language, out, mark).catch((error: unknown) => {
          request.log.error({ err: error }, 'export failed');
          out.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        return reply.header('content-type', type).header('content-disposition', `attachment; filename="${kind}.${format}"`).send(out);
      },
    );
  };
}
