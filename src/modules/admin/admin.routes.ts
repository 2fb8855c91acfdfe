import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { NoContent, StrictObject } from '../../platform/http/schemas.ts';
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
  type RightsInput,
} from './admin.service.ts';
import { ExternalBody, GrantableDto, MemberIdBody, NewGroupBody, NewHierarchicalBody, OverviewDto, UpdateGroupBody, UpdateHierarchicalBody } from './admin.schema.ts';
import { noContent, created } from '../../platform/http/replies.ts';

const tags = ['admins'];
const RefParam = Type.String({ minLength: 1, maxLength: 40 });

/**
 * 权限管理. The command checks the coarse right; the service checks the fine rules (creator only,
 * delegation within the actor's own rights) after locking the enterprise's admins.
 */
const manage = { right: 'admins.manage', tx: 'plain' } as const;
const delegate = { right: 'admins.delegate', tx: 'plain' } as const;
/** Refused attempts at changing admins are audited too (outcome `refused`), under the action they would have been. */
const refused = <I>(action: string, type: string, id: (input: I) => string) => ({ auditRefusal: { action, target: (input: I) => ({ type, id: id(input) }) } });
const same = (id: string) => id;
const overview = command({ right: 'admins.read', tx: 'read' }, (ctx) => adminOverview(ctx));
const grantable = command({ right: 'admins.read', tx: 'read' }, (ctx) => grantableRights(ctx));
const transfer = command({ ...manage, ...refused('admin.transfer_creator', 'member', same) }, (ctx, memberId: string) => transferCreator(ctx, memberId));
const addSuper = command({ ...manage, ...refused('admin.add_super_admin', 'member', same) }, (ctx, memberId: string) => addInternalSuperAdmin(ctx, memberId));
const addExternal = command({ ...manage, ...refused('admin.add_super_admin', 'login', same) }, async (ctx, loginName: string) => ({ accountId: await addExternalSuperAdmin(ctx, loginName) }));
const removeSuper = command({ ...manage, ...refused('admin.remove_super_admin', 'account', same) }, (ctx, accountId: string) => removeSuperAdmin(ctx, accountId));
type NewGroup = { name: string; rights: RightsInput };
const newGroup = command({ ...manage, ...refused('admin.create_group', 'admin_group_name', (input: NewGroup) => input.name) }, async (ctx, input: NewGroup) => ({ id: await createGroup(ctx, input) }));
type GroupEdit = { groupId: string; patch: { name?: string | undefined; rights?: RightsInput | undefined } };
const editGroup = command({ ...manage, ...refused('admin.update_group', 'admin_group', (input: GroupEdit) => input.groupId) }, (ctx, input: GroupEdit) => updateGroup(ctx, input.groupId, input.patch));
const removeGroup = command({ ...manage, ...refused('admin.delete_group', 'admin_group', same) }, (ctx, groupId: string) => deleteGroup(ctx, groupId));
type NewHierarchical = Parameters<typeof addHierarchicalAdmin>[1];
const addHierarchical = command({ ...delegate, ...refused('admin.add_hierarchical_admin', 'member', (input: NewHierarchical) => input.memberId) }, (ctx, input: NewHierarchical) => addHierarchicalAdmin(ctx, input));
type HierarchicalEdit = { memberId: string; patch: Parameters<typeof updateHierarchicalAdmin>[2] };
const editHierarchical = command({ ...delegate, ...refused('admin.update_hierarchical_admin', 'member', (input: HierarchicalEdit) => input.memberId) }, (ctx, input: HierarchicalEdit) =>
  updateHierarchicalAdmin(ctx, input.memberId, input.patch),
);
const removeHierarchical = command({ ...manage, ...refused('admin.remove_hierarchical_admin', 'member', same) }, (ctx, memberId: string) => removeHierarchicalAdmin(ctx, memberId));

export function adminRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const corp = { auth: 'corp' } as const;
    app.get('/api/v1/admins', { config: corp, schema: { tags, summary: 'Creator, super admins, admin groups and hierarchical admins', response: { 200: OverviewDto } } }, (request) => request.run(overview, undefined));

    app.get('/api/v1/admins/grantable', { config: corp, schema: { tags, summary: 'The rights the acting admin may give', response: { 200: GrantableDto } } }, (request) => request.run(grantable, undefined));

    app.post('/api/v1/admins/creator/transfer', { config: corp, schema: { tags, summary: 'Transfer the creator role (creator only)', body: MemberIdBody, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(transfer, request.body.memberId)),
    );

    app.post('/api/v1/admins/super', { config: corp, schema: { tags, summary: 'Add an internal super admin (a member)', body: MemberIdBody, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(addSuper, request.body.memberId)),
    );

    app.post(
      '/api/v1/admins/external',
      { config: corp, schema: { tags, summary: 'Add an external super admin (代运营) by login name (creator only)', body: ExternalBody, response: { 201: Type.Object({ accountId: Type.String() }) } } },
      async (request, reply) => created(reply, request.run(addExternal, request.body.loginName)),
    );

    app.delete('/api/v1/admins/super/:accountId', { config: corp, schema: { tags, summary: 'Remove a super admin', params: StrictObject({ accountId: RefParam }), response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(removeSuper, request.params.accountId)),
    );

    app.post('/api/v1/admin-groups', { config: corp, schema: { tags, summary: 'Create an admin group', body: NewGroupBody, response: { 201: Type.Object({ id: Type.String() }) } } }, async (request, reply) =>
      created(reply, request.run(newGroup, request.body)),
    );

    app.patch(
      '/api/v1/admin-groups/:groupId',
      { config: corp, schema: { tags, summary: "Rename a group or replace its rights (every member's at once)", params: StrictObject({ groupId: RefParam }), body: UpdateGroupBody, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(editGroup, { groupId: request.params.groupId, patch: request.body })),
    );

    app.delete('/api/v1/admin-groups/:groupId', { config: corp, schema: { tags, params: StrictObject({ groupId: RefParam }), response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(removeGroup, request.params.groupId)),
    );

    app.post('/api/v1/admins/hierarchical', { config: corp, schema: { tags, summary: 'Make a member a hierarchical admin', body: NewHierarchicalBody, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(addHierarchical, request.body)),
    );

    app.patch(
      '/api/v1/admins/hierarchical/:memberId',
      { config: corp, schema: { tags, summary: "Change a hierarchical admin's group or own rights", params: StrictObject({ memberId: RefParam }), body: UpdateHierarchicalBody, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(editHierarchical, { memberId: request.params.memberId, patch: request.body })),
    );

    app.delete('/api/v1/admins/hierarchical/:memberId', { config: corp, schema: { tags, params: StrictObject({ memberId: RefParam }), response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(removeHierarchical, request.params.memberId)),
    );
  };
}
