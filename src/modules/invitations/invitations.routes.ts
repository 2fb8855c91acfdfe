import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { auditSignInFailure } from '../../platform/auth/lockout.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { linkAddress } from '../../platform/auth/links.ts';
import { DomainError } from '../../platform/errors.ts';
import { command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { setSessionCookies } from '../../platform/http/cookies.ts';
import { noContent } from '../../platform/http/replies.ts';
import { NoContent, StrictObject } from '../../platform/http/schemas.ts';
import type { Tx } from '../../platform/db/tables.ts';
import { Type } from 'typebox';
import { AccountErrors, authenticate, createAccount, signInRate, type AccountView } from '../account/index.ts';
import { MeEnvelope, describeMe } from '../session/index.ts';
import {
  acceptInvitation,
  createInvitation,
  decideJoinRequest,
  getJoinLink,
  joinByLink,
  latestInvitation,
  listJoinRequests,
  previewInvitation,
  previewJoin,
  revokeInvitation,
  rotateJoinLink,
  setJoinLink,
  type PublicCtx,
} from './invitations.service.ts';
import {
  CreatedInvitationDto,
  InvitationEnvelope,
  InvitationPreview,
  JoinLinkBody,
  JoinLinkChanged,
  JoinLinkDto,
  JoinPreview,
  JoinRequestList,
  TokenBody,
  UseLinkBody,
} from './invitations.schema.ts';

const IdParams = StrictObject({ id: Type.String({ maxLength: 40 }) });

/** Inviting a member needs contacts rights over them; the enterprise's join link is a super admin's. */
const manage = { right: 'contacts.manage', tx: 'plain' } as const;
const commands = {
  invite: command(manage, (ctx, memberId: string) => createInvitation(ctx, memberId)),
  revoke: command(manage, (ctx, memberId: string) => revokeInvitation(ctx, memberId)),
  latest: command({ right: 'contacts.manage', tx: 'read' }, (ctx, memberId: string) => latestInvitation(ctx, memberId)),
  joinLink: command({ right: 'corp.manage', tx: 'read' }, (ctx) => getJoinLink(ctx)),
  setJoinLink: command({ right: 'corp.manage', tx: 'plain' }, (ctx, input: Static<typeof JoinLinkBody>) => setJoinLink(ctx, input)),
  rotateJoinLink: command({ right: 'corp.manage', tx: 'plain' }, (ctx) => rotateJoinLink(ctx)),
  requests: command({ right: 'contacts.manage', tx: 'read' }, (ctx) => listJoinRequests(ctx)),
  decide: command(manage, (ctx, input: { id: string; approve: boolean }) => decideJoinRequest(ctx, input.id, input.approve)),
};

function issued(deps: Deps, page: 'activate' | 'join', token: string) {
  return linkAddress(deps.config.publicUrl, page, token);
}

export function invitationRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const reads = { db: deps.db, registry: deps.registry };
  const publicRoute = { auth: 'public', rateLimit: signInRate(deps) } as const;

  /**
   * The account a link is used with: signed in by password first, outside the transaction, so that
   * a wrong password is counted even though the rest is refused; or created with the rest.
   */
  /** A password sign-in on a link's page: refused and audited exactly as on the sign-in page. */
  async function signIn(request: FastifyRequest, login: string, password: string): Promise<AccountView> {
    const result = await authenticate(deps.db, request.now, deps.config.scrypt, request.ip, login, password);
    if (result.ok) return result.account;
    await auditSignInFailure(deps.db, request.now, request.ip, { action: 'auth.sign_in_failed', corpId: '', kind: 'account', principal: result.account, login, reason: result.reason });
    throw new DomainError(AccountErrors['auth.invalid_credentials']);
  }

  async function useLink(request: FastifyRequest, body: Static<typeof UseLinkBody>, work: (base: PublicCtx, account: AccountView) => Promise<string | null>) {
    const existing = 'signIn' in body ? await signIn(request, body.signIn.login, body.signIn.password) : undefined;
    return deps.db.transaction().execute(async (trx: Tx) => {
      const account = existing ?? (await createAccount(trx, request.now, deps.config.scrypt, (body as Extract<typeof body, { signUp: unknown }>).signUp));
      const base: PublicCtx = { trx, now: request.now, ip: request.ip, log: request.log, registry: deps.registry };
      const corpId = await work(base, account);
      const session = await createSession(trx, request.now, { kind: 'account', id: account.id, corpId });
      return { accountId: account.id, corpId, session };
    });
  }

  return async (app) => {
    // ------------------------------------------------------------ admins: invitations
    app.post(
      '/api/v1/contacts/members/:id/invitation',
      { config: { auth: 'corp' }, schema: { tags: ['contacts'], summary: 'Invite (or invite again) a member not yet activated: a one-time link for 7 days', params: IdParams, response: { 201: CreatedInvitationDto } } },
      async (request, reply) => {
        const made = await request.run(commands.invite, request.params.id);
        const link = issued(deps, 'activate', made.link.token);
        // After the commit: an SMTP server's delay never holds the transaction open.
        const outcome = await deps.mailer.send({
          kind: 'invitation',
          to: made.member.email,
          language: made.corp.language,
          corpName: made.corp.name,
          recipientName: made.member.name,
          url: link.url,
          secret: made.link.secret,
          expiresAt: made.link.expiresAt,
        });
        return reply.status(201).send({ invitation: made.invitation, link, delivery: outcome });
      },
    );
    app.get(
      '/api/v1/contacts/members/:id/invitation',
      { config: { auth: 'corp' }, schema: { tags: ['contacts'], summary: 'The member’s latest invitation (its link is shown only when made)', params: IdParams, response: { 200: InvitationEnvelope } } },
      async (request) => ({ invitation: await request.run(commands.latest, request.params.id) }),
    );
    app.delete(
      '/api/v1/contacts/members/:id/invitation',
      { config: { auth: 'corp' }, schema: { tags: ['contacts'], summary: 'Withdraw the member’s waiting invitation', params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(commands.revoke, request.params.id)),
    );

    // ------------------------------------------------------------ admins: the join link and 待审核
    app.get('/api/v1/contacts/join-link', { config: { auth: 'corp' }, schema: { tags: ['contacts'], summary: 'Joining by the enterprise link: settings', response: { 200: JoinLinkDto } } }, (request) =>
      request.run(commands.joinLink, undefined),
    );
    app.put(
      '/api/v1/contacts/join-link',
      { config: { auth: 'corp' }, schema: { tags: ['contacts'], summary: 'Turn joining by link on or off, with or without review (the first time, the link is returned once)', body: JoinLinkBody, response: { 200: JoinLinkChanged } } },
      async (request) => {
        const changed = await request.run(commands.setJoinLink, request.body);
        return { settings: changed.settings, link: changed.token ? issued(deps, 'join', changed.token) : null };
      },
    );
    app.post(
      '/api/v1/contacts/join-link/rotate',
      { config: { auth: 'corp' }, schema: { tags: ['contacts'], summary: 'A new join link; the old one stops working', response: { 200: JoinLinkChanged } } },
      async (request) => {
        const changed = await request.run(commands.rotateJoinLink, undefined);
        return { settings: changed.settings, link: issued(deps, 'join', changed.token) };
      },
    );
    app.get('/api/v1/contacts/join-requests', { config: { auth: 'corp' }, schema: { tags: ['contacts'], summary: '待审核: people waiting to join', response: { 200: JoinRequestList } } }, async (request) => ({
      items: await request.run(commands.requests, undefined),
    }));
    for (const [action, approve] of [['approve', true], ['reject', false]] as const) {
      app.post(
        `/api/v1/contacts/join-requests/:id/${action}`,
        { config: { auth: 'corp' }, schema: { tags: ['contacts'], summary: approve ? 'Let the person join' : 'Refuse the request', params: IdParams, response: { 204: NoContent } } },
        async (request, reply) => noContent(reply, request.run(commands.decide, { id: request.params.id, approve })),
      );
    }

    // ------------------------------------------------------------ the person with a link
    // The token travels in the body, never in an API path, so no request log line carries it.
    app.post('/api/v1/invitations/preview', { config: publicRoute, schema: { tags: ['account'], summary: 'What an invitation link is for', body: TokenBody, response: { 200: InvitationPreview } } }, (request) =>
      previewInvitation(deps.db, request.now, request.body.token),
    );
    app.post(
      '/api/v1/invitations/accept',
      { config: publicRoute, schema: { tags: ['account'], summary: 'Sign up or in with an invitation link: the account becomes the member (已激活)', body: UseLinkBody, response: { 200: MeEnvelope } } },
      async (request, reply) => {
        const done = await useLink(request, request.body, (base, account) => acceptInvitation(base, request.body.token, account));
        setSessionCookies(reply, 'session', deps.config.secureCookies, done.session.cookie, done.session.csrfToken);
        return { me: await describeMe(reads, done.accountId, done.corpId) };
      },
    );
    app.post('/api/v1/join/preview', { config: publicRoute, schema: { tags: ['account'], summary: 'What a join link is for', body: TokenBody, response: { 200: JoinPreview } } }, (request) =>
      previewJoin(deps.db, request.body.token),
    );
    app.post(
      '/api/v1/join',
      {
        config: publicRoute,
        schema: {
          tags: ['account'],
          summary: 'Sign up or in with the enterprise link: join at once, or wait for an admin’s review',
          body: UseLinkBody,
          response: { 200: Type.Object({ outcome: Type.Union([Type.Literal('joined'), Type.Literal('pending')]), me: MeEnvelope.properties.me }) },
        },
      },
      async (request, reply) => {
        let outcome: 'joined' | 'pending' = 'pending';
        const done = await useLink(request, request.body, async (base, account) => {
          const joined = await joinByLink(base, request.body.token, account);
          outcome = joined.outcome;
          return joined.outcome === 'joined' ? joined.corpId : null;
        });
        setSessionCookies(reply, 'session', deps.config.secureCookies, done.session.cookie, done.session.csrfToken);
        return { outcome, me: await describeMe(reads, done.accountId, done.corpId) };
      },
    );
  };
}
