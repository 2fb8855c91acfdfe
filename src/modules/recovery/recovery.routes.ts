import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { linkAddress } from '../../platform/auth/links.ts';
import { toIso } from '../../platform/clock.ts';
import { command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { noContent } from '../../platform/http/replies.ts';
import { NoContent, StrictObject } from '../../platform/http/schemas.ts';
import { signInRate } from '../account/index.ts';
import { forcePasswordChange, issueResetLink, previewReset, requestReset, signOutEverywhere, useReset, type IssuedReset } from './recovery.service.ts';
import { ForgotPasswordBody, IssuedResetDto, ResetPasswordBody, ResetPreview, ResetTokenBody } from './recovery.schema.ts';

const IdParams = StrictObject({ id: Type.String({ maxLength: 40 }) });
/** Acting on a member's login needs contacts rights over them; issuing a reset link is the creator's and super admins'. */
const commands = {
  issue: command({ right: 'recovery.issue_link', tx: 'plain' }, (ctx, memberId: string) => issueResetLink(ctx, memberId)),
  force: command({ right: 'contacts.manage', tx: 'plain' }, (ctx, memberId: string) => forcePasswordChange(ctx, memberId)),
  signOut: command({ right: 'contacts.manage', tx: 'plain' }, (ctx, memberId: string) => signOutEverywhere(ctx, memberId)),
};

export function recoveryRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const publicRoute = { auth: 'public', rateLimit: signInRate(deps) } as const;

  /** Mails the link (after the commit, so an SMTP server's delay holds no transaction open). */
  function send(issued: IssuedReset, url: string) {
    return deps.mailer.send({ kind: 'passwordReset', to: issued.to, language: issued.corp.language, corpName: issued.corp.name, recipientName: issued.name, url, secret: issued.secret, expiresAt: issued.expiresAt });
  }

  return async (app) => {
    app.post(
      '/api/v1/auth/forgot-password',
      {
        config: publicRoute,
        schema: { tags: ['account'], summary: 'Mail a password reset link to the login’s e-mail address; the answer is the same whether or not the login exists', body: ForgotPasswordBody, response: { 204: NoContent } },
      },
      async (request, reply) => {
        // Without SMTP nothing could reach the person: no link is made (an admin issues one instead).
        const issued = deps.mailer.enabled ? await requestReset(deps.db, request.now, request.ip, request.body.login) : undefined;
        if (issued) await send(issued, linkAddress(deps.config.publicUrl, 'reset', issued.token).url);
        return reply.status(204).send(null);
      },
    );
    // The token travels in the body, never in an API path, so no request log line carries it.
    app.post('/api/v1/auth/password-reset/preview', { config: publicRoute, schema: { tags: ['account'], summary: 'Whose password a reset link sets', body: ResetTokenBody, response: { 200: ResetPreview } } }, (request) =>
      previewReset(deps.db, request.now, request.body.token),
    );
    app.post(
      '/api/v1/auth/password-reset',
      { config: publicRoute, schema: { tags: ['account'], summary: 'Set a new password with a reset link; every session of the account ends', body: ResetPasswordBody, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, useReset(deps.db, request.now, deps.config.scrypt, request.ip, request.body.token, request.body.newPassword)),
    );

    app.post(
      '/api/v1/contacts/members/:id/password-reset',
      { config: { auth: 'corp' }, schema: { tags: ['contacts'], summary: 'A password reset link for the member (shown once; mailed when SMTP and an address allow)', params: IdParams, response: { 201: IssuedResetDto } } },
      async (request, reply) => {
        const issued = await request.run(commands.issue, request.params.id);
        const link = linkAddress(deps.config.publicUrl, 'reset', issued.token);
        const delivery = await send(issued, link.url);
        return reply.status(201).send({ link, expiresAt: toIso(issued.expiresAt), delivery });
      },
    );
    app.post(
      '/api/v1/contacts/members/:id/force-password-change',
      { config: { auth: 'corp' }, schema: { tags: ['contacts'], summary: 'The member must set a new password at the next sign-in, before anything else', params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(commands.force, request.params.id)),
    );
    app.post(
      '/api/v1/contacts/members/:id/sign-out-everywhere',
      { config: { auth: 'corp' }, schema: { tags: ['contacts'], summary: 'End every session of the member’s login', params: IdParams, response: { 204: NoContent } } },
      async (request, reply) => noContent(reply, request.run(commands.signOut, request.params.id)),
    );
  };
}
