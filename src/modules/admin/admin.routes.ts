import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { NoContent, StrictObject } from '../../platform/http/schemas.ts';
import { authorize } from './authorizer.ts';
import {
  addExternalSuperAdmin,
  addHierarchicalAdmin,
  addInternalSuperAdmin,
  adminOverview,
  createGroup,
  deleteGroup,
  grantableRights,
  removeHierarchicalAdmin,
  removeSuperAdmin,
  transferCreator,
  updateGroup,
  updateHierarchicalAdmin,
} from './admin.service.ts';
import { ExternalBody, GrantableDto, MemberIdBody, NewGroupBody, NewHierarchicalBody, OverviewDto, UpdateGroupBody, UpdateHierarchicalBody } from './admin.schema.ts';

const tags = ['admins'];
const RefParam = Type.String({ minLength: 1, maxLength: 40 });

/**
 * 权限管理. The route checks the coarse right; the service checks the fine rules (creator only,
 * delegation within the actor's own rights) after locking the enterprise's admins.
 */
export function adminRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/admins', { config: { auth: 'corp' }, schema: { tags, summary: 'Creator, super admins, admin groups and hierarchical admins', response: { 200: OverviewDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'admins.read');
        return adminOverview(ctx);
      }),
    );

    app.get('/api/v1/admins/grantable', { config: { auth: 'corp' }, schema: { tags, summary: 'The rights the acting admin may give', response: { 200: GrantableDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'admins.read');
        return grantableRights(ctx);
      }),
    );

    app.post('/api/v1/admins/creator/transfer', { config: { auth: 'corp' }, schema: { tags, summary: 'Transfer the creator role (creator only)', body: MemberIdBody, response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'admins.manage');
        await transferCreator(ctx, request.body.memberId);
      });
      return reply.status(204).send(null);
    });

    app.post('/api/v1/admins/super', { config: { auth: 'corp' }, schema: { tags, summary: 'Add an internal super admin (a member)', body: MemberIdBody, response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'admins.manage');
        await addInternalSuperAdmin(ctx, request.body.memberId);
      });
      return reply.status(204).send(null);
    });

    app.post(
      '/api/v1/admins/external',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Add an external super admin (代运营) by login name (creator only)', body: ExternalBody, response: { 201: Type.Object({ accountId: Type.String() }) } } },
      async (request, reply) => {
        const accountId = await deps.db.transaction().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'admins.manage');
          return addExternalSuperAdmin(ctx, request.body.loginName);
        });
        return reply.status(201).send({ accountId });
      },
    );

    app.delete('/api/v1/admins/super/:accountId', { config: { auth: 'corp' }, schema: { tags, summary: 'Remove a super admin', params: StrictObject({ accountId: RefParam }), response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'admins.manage');
        await removeSuperAdmin(ctx, request.params.accountId);
      });
      return reply.status(204).send(null);
    });

    app.post('/api/v1/admin-groups', { config: { auth: 'corp' }, schema: { tags, summary: 'Create an admin group', body: NewGroupBody, response: { 201: Type.Object({ id: Type.String() }) } } }, async (request, reply) => {
      const id = await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'admins.manage');
        return createGroup(ctx, request.body);
      });
      return reply.status(201).send({ id });
    });

    app.patch(
      '/api/v1/admin-groups/:groupId',
      { config: { auth: 'corp' }, schema: { tags, summary: "Rename a group or replace its rights (every member's at once)", params: StrictObject({ groupId: RefParam }), body: UpdateGroupBody, response: { 204: NoContent } } },
      async (request, reply) => {
        await deps.db.transaction().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'admins.manage');
          await updateGroup(ctx, request.params.groupId, request.body);
        });
        return reply.status(204).send(null);
      },
    );

    app.delete('/api/v1/admin-groups/:groupId', { config: { auth: 'corp' }, schema: { tags, params: StrictObject({ groupId: RefParam }), response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'admins.manage');
        await deleteGroup(ctx, request.params.groupId);
      });
      return reply.status(204).send(null);
    });

    app.post('/api/v1/admins/hierarchical', { config: { auth: 'corp' }, schema: { tags, summary: 'Make a member a hierarchical admin', body: NewHierarchicalBody, response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'admins.delegate');
        await addHierarchicalAdmin(ctx, request.body);
      });
      return reply.status(204).send(null);
    });

    app.patch(
      '/api/v1/admins/hierarchical/:memberId',
      { config: { auth: 'corp' }, schema: { tags, summary: "Change a hierarchical admin's group or own rights", params: StrictObject({ memberId: RefParam }), body: UpdateHierarchicalBody, response: { 204: NoContent } } },
      async (request, reply) => {
        await deps.db.transaction().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'admins.delegate');
          await updateHierarchicalAdmin(ctx, request.params.memberId, request.body);
        });
        return reply.status(204).send(null);
      },
    );

    app.delete('/api/v1/admins/hierarchical/:memberId', { config: { auth: 'corp' }, schema: { tags, params: StrictObject({ memberId: RefParam }), response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'admins.manage');
        await removeHierarchicalAdmin(ctx, request.params.memberId);
      });
      return reply.status(204).send(null);
    });
  };
}
