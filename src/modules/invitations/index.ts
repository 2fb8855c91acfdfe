/**
 * 邀请与加入: how a member gets a login. An admin invites a member (a one-time link for 7 days, by
 * mail or handed over), or turns on the enterprise's join link (邀请成员加入), with or without
 * 管理员审核 (the 待审核 list). It composes account, corp, directory and session; it owns the links.
 */
import { defineModule } from '../../platform/module.ts';
import { InvitationErrors } from './invitations.errors.ts';
import { invitationRoutes } from './invitations.routes.ts';
import * as invitationTables from './migrations/0131_invitations.ts';

export const invitationsModule = defineModule({
  name: 'invitations',
  tables: { member_invitations: 'tenant', join_links: 'tenant', join_requests: 'tenant' },
  migrations: { '0131_invitations': invitationTables },
  errors: InvitationErrors,
  routes: invitationRoutes,
});

export { InvitationErrors };
export { Delivery, IssuedLinkDto, TokenBody } from './invitations.schema.ts';
