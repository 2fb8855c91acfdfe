import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { toIso } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { authorize } from '../admin/authorizer.ts';
import './directory.rights.ts';
import {
  Created,
  DepartmentList,
  ExportQuery,
  HeadsBody,
  IdempotencyHeaders,
  IdParams,
  ImportBody,
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
import { createDepartment, deleteDepartment, listDepartments, moveDepartment, renameDepartment, setDepartmentHeads } from './departments.service.ts';
import { createMember, deleteMember, departMember, listMembers, memberView, setMemberStatus, updateMember, type MemberView } from './members.service.ts';
import { changeTagHolders, createTag, deleteTag, listTags, renameTag, tagHolders } from './tags.service.ts';
import { IMPORT_JOB, importJob, importStatus, submitImport } from './imports.jobs.ts';
import { exportContacts } from './export.service.ts';
import { manageScope, readScope } from './scope.ts';

function memberDto(view: MemberView) {
  return { ...view, joinedAt: toIso(view.joinedAt), departedAt: toIso(view.departedAt) };
}

const tags = ['contacts'];

/** 通讯录: departments, members, tags, import and export. Reads follow readScope, changes manageScope. */
export function directoryRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  deps.jobs.register(IMPORT_JOB, importJob(deps.db));
  const tx = deps.db.transaction.bind(deps.db);
  return async (app) => {
    // ---------------------------------------------------------------- departments
    app.get('/api/v1/contacts/departments', { config: { auth: 'corp' }, schema: { tags, summary: 'The department tree the actor reads, parents first', response: { 200: DepartmentList } } }, async (request) =>
      tx().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'contacts.read');
        const manage = await manageScope(ctx);
        return { items: await listDepartments(trx, ctx.corpId, await readScope(ctx), manage), canManage: manage.kind !== 'none' };
      }),
    );

    app.post(
      '/api/v1/contacts/departments',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Create a department at the end of its parent', headers: IdempotencyHeaders, body: NewDepartmentBody, response: { 201: Created } } },
      async (request, reply) => {
        const id = await tx().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'contacts.manage');
          const run = async () => createDepartment(ctx, await manageScope(ctx), request.body);
          const key = request.headers['idempotency-key'];
          return key ? idempotent(ctx, `contacts.department:${key}`, request.body, run) : run();
        });
        return reply.status(201).send({ id });
      },
    );

    app.patch(
      '/api/v1/contacts/departments/:id',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Rename a department', params: IdParams, body: RenameDepartmentBody, response: { 204: NoContent } } },
      async (request, reply) => {
        await tx().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'contacts.manage');
          await renameDepartment(ctx, await manageScope(ctx), request.params.id, request.body.name);
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/contacts/departments/:id/move',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Move a subtree under a parent at a position (same parent: reorder)', params: IdParams, body: MoveDepartmentBody, response: { 204: NoContent } } },
      async (request, reply) => {
        await tx().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'contacts.manage');
          await moveDepartment(ctx, await manageScope(ctx), request.params.id, request.body);
        });
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/v1/contacts/departments/:id',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Delete an empty department', params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await tx().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'contacts.manage');
          await deleteDepartment(ctx, await manageScope(ctx), request.params.id);
        });
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/api/v1/contacts/departments/:id/heads',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Set the department heads (部门负责人)', params: IdParams, body: HeadsBody, response: { 204: NoContent } } },
      async (request, reply) => {
        await tx().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'contacts.manage');
          await setDepartmentHeads(ctx, await manageScope(ctx), request.params.id, request.body.memberIds);
        });
        return reply.status(204).send(null);
      },
    );

    // ---------------------------------------------------------------- members
    app.get(
      '/api/v1/contacts/members',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Search and list members, ordered by pinyin', querystring: MemberQuery, response: { 200: MemberPage } } },
      async (request) => {
        const ctx = request.ctx();
        await authorize(ctx, 'contacts.read');
        const q = request.query;
        const page = await listMembers(ctx.trx, ctx.corpId, await readScope(ctx), await manageScope(ctx), {
          departmentId: q.departmentId,
          includeSub: q.includeSub,
          q: q.q,
          status: q.status,
          cursor: q.cursor,
          limit: q.limit ?? 50,
        });
        return { items: page.items.map(memberDto), nextCursor: page.nextCursor };
      },
    );

    app.get('/api/v1/contacts/members/:id', { config: { auth: 'corp' }, schema: { tags, summary: 'One member', params: IdParams, response: { 200: MemberDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'contacts.read');
      return memberDto(await memberView(ctx.trx, ctx.corpId, await readScope(ctx), await manageScope(ctx), request.params.id));
    });

    app.post(
      '/api/v1/contacts/members',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Add a member', headers: IdempotencyHeaders, body: NewMemberBody, response: { 201: MemberDto } } },
      async (request, reply) => {
        const view = await tx().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'contacts.manage');
          const scope = await manageScope(ctx);
          const body = request.body;
          const run = () => createMember(ctx, scope, { ...body, joinedAt: body.joinedAt === undefined ? undefined : Date.parse(body.joinedAt) });
          const key = request.headers['idempotency-key'];
          const id = key ? await idempotent(ctx, `contacts.member:${key}`, body, run) : await run();
          return memberView(trx, ctx.corpId, await readScope(ctx), scope, id);
        });
        return reply.status(201).send(memberDto(view));
      },
    );

    app.patch(
      '/api/v1/contacts/members/:id',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Edit a member', params: IdParams, body: UpdateMemberBody, response: { 200: MemberDto } } },
      async (request) =>
        tx().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'contacts.manage');
          const scope = await manageScope(ctx);
          await updateMember(ctx, scope, request.params.id, request.body);
          return memberDto(await memberView(trx, ctx.corpId, await readScope(ctx), scope, request.params.id));
        }),
    );

    app.post(
      '/api/v1/contacts/members/:id/status',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Disable (禁用) or enable a member', params: IdParams, body: StatusBody, response: { 204: NoContent } } },
      async (request, reply) => {
        await tx().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'contacts.manage');
          await setMemberStatus(ctx, await manageScope(ctx), request.params.id, request.body.status);
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/contacts/members/:id/depart',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Mark a member departed (离职); their admin roles go with it', params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await tx().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'contacts.manage');
          await departMember(ctx, await manageScope(ctx), request.params.id);
        });
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/v1/contacts/members/:id',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Delete a member from the contacts', params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await tx().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'contacts.manage');
          await deleteMember(ctx, await manageScope(ctx), request.params.id);
        });
        return reply.status(204).send(null);
      },
    );

    // ---------------------------------------------------------------- tags
    app.get('/api/v1/contacts/tags', { config: { auth: 'corp' }, schema: { tags, summary: 'Tags (标签)', response: { 200: TagList } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'contacts.read');
      return { items: await listTags(ctx.trx, ctx.corpId) };
    });

    app.post('/api/v1/contacts/tags', { config: { auth: 'corp' }, schema: { tags, summary: 'Create a tag', body: TagBody, response: { 201: Created } } }, async (request, reply) => {
      const id = await tx().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'contacts.manage');
        return createTag(ctx, request.body.name);
      });
      return reply.status(201).send({ id });
    });

    app.patch('/api/v1/contacts/tags/:id', { config: { auth: 'corp' }, schema: { tags, summary: 'Rename a tag', params: IdParams, body: TagBody, response: { 204: NoContent } } }, async (request, reply) => {
      await tx().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'contacts.manage');
        await renameTag(ctx, request.params.id, request.body.name);
      });
      return reply.status(204).send(null);
    });

    app.delete('/api/v1/contacts/tags/:id', { config: { auth: 'corp' }, schema: { tags, summary: 'Delete a tag', params: IdParams, response: { 204: NoContent } } }, async (request, reply) => {
      await tx().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'contacts.manage');
        await deleteTag(ctx, await manageScope(ctx), request.params.id);
      });
      return reply.status(204).send(null);
    });

    app.get('/api/v1/contacts/tags/:id/holders', { config: { auth: 'corp' }, schema: { tags, summary: 'Members and departments holding a tag', params: IdParams, response: { 200: TagHoldersDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'contacts.read');
      return tagHolders(ctx.trx, ctx.corpId, request.params.id);
    });

    app.post(
      '/api/v1/contacts/tags/:id/holders',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Add or remove tag holders', params: IdParams, body: TagHoldersBody, response: { 200: TagHoldersDto } } },
      async (request) =>
        tx().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'contacts.manage');
          await changeTagHolders(ctx, await manageScope(ctx), request.params.id, request.body);
          return tagHolders(trx, ctx.corpId, request.params.id);
        }),
    );

    // ---------------------------------------------------------------- import and export
    app.post(
      '/api/v1/contacts/imports',
      {
        config: { auth: 'corp' },
        // A 100,000-member file is ~10 MB as CSV, a third more in base64.
        bodyLimit: 48 * 1024 * 1024,
        schema: { tags, summary: 'Upload an .xlsx or .csv file (base64) to import as a job', headers: IdempotencyHeaders, body: ImportBody, response: { 202: Created } },
      },
      async (request, reply) => {
        const id = await tx().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'contacts.manage');
          const run = () => submitImport(ctx, request.body);
          const key = request.headers['idempotency-key'];
          return key ? idempotent(ctx, `contacts.import:${key}`, { kind: request.body.kind, format: request.body.format, sha256: createHash('sha256').update(request.body.contentBase64).digest('hex') }, run) : run();
        });
        void deps.jobs.runDue().catch((error: unknown) => request.log.error({ err: error }, 'import job pass failed'));
        return reply.status(202).send({ id });
      },
    );

    app.get('/api/v1/contacts/imports/:id', { config: { auth: 'corp' }, schema: { tags, summary: 'Progress and outcome of an import', params: IdParams, response: { 200: ImportStatusDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'contacts.manage');
      return importStatus(ctx.trx, ctx.corpId, request.params.id);
    });

    app.get(
      '/api/v1/contacts/export',
      {
        config: { auth: 'corp' },
        schema: {
          tags,
          summary: 'Download members or departments as .xlsx or .csv (UTF-8 with BOM)',
          querystring: ExportQuery,
          response: { 200: Type.Unsafe<PassThrough>({ type: 'string', format: 'binary', description: 'the file' }) },
        },
      },
      async (request, reply) => {
        const ctx = request.ctx();
        await authorize(ctx, 'contacts.read');
        const scope = await readScope(ctx);
        const { kind, format } = request.query;
        const language = /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'zh';
        const out = new PassThrough();
        exportContacts(deps.db, ctx.corpId, scope, kind, format, language, out).catch((error: unknown) => {
          request.log.error({ err: error }, 'export failed');
          out.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        return reply
          .header('content-type', type)
          .header('content-disposition', `attachment; filename="${kind}.${format}"`)
          .send(out);
      },
    );
  };
}
