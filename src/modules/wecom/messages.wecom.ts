import { randomBytes } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { allApps, recallCommand, sendCommand } from '../apps/index.ts';
import { expandRecipients, memberIdsByUserid, rootDepartmentId } from '../directory/index.ts';
import { wecomCall } from './facade.ts';
import { idMap } from './ids.service.ts';
import { WecomError } from './wecom.errors.ts';

/**
 * 发送应用消息 (../shared/wecom-api.md §4): `message/send` runs the apps module's own send command
 * as the token's app, so the app's visible range decides who receives it and the inbox delivers it.
 * Only an app secret's token sends (the sync secret: 48002), and only as its own app (301002).
 */

const Text = Type.Object({ content: Type.String() });
const SendBody = Type.Object({
  touser: Type.Optional(Type.String()),
  toparty: Type.Optional(Type.String()),
  totag: Type.Optional(Type.String()),
  msgtype: Type.String(),
  agentid: Type.Union([Type.Integer(), Type.String()]),
  text: Type.Optional(Text),
  markdown: Type.Optional(Text),
  textcard: Type.Optional(Type.Object({ title: Type.String(), description: Type.String(), url: Type.Optional(Type.String()), btntxt: Type.Optional(Type.String()) })),
  news: Type.Optional(Type.Object({ articles: Type.Array(Type.Object({ title: Type.String(), description: Type.Optional(Type.String()), url: Type.Optional(Type.String()), picurl: Type.Optional(Type.String()) }), { minItems: 1, maxItems: 8 }) })),
});
type SendBody = Static<typeof SendBody>;

/** `"a|b"` lists; clients send `""` for the unused ones, which means absent. */
const split = (list: string | undefined) => (list ?? '').split('|').map((s) => s.trim()).filter(Boolean);

/** What lands in the inbox: a title and a body, from whichever message type was sent. */
function contentOf(body: SendBody): { title: string; body: string } {
  const short = (text: string) => text.split('\n')[0]!.replace(/^#+\s*/, '').slice(0, 100) || '消息';
  switch (body.msgtype) {
    case 'text':
      if (body.text) return { title: short(body.text.content), body: body.text.content };
      break;
    case 'markdown':
      if (body.markdown) return { title: short(body.markdown.content), body: body.markdown.content };
      break;
    case 'textcard':
      if (body.textcard) return { title: body.textcard.title.slice(0, 100), body: [body.textcard.description, body.textcard.url].filter(Boolean).join('\n') };
      break;
    case 'news':
      if (body.news) return { title: body.news.articles[0]!.title.slice(0, 100), body: body.news.articles.map((a) => [a.title, a.description, a.url].filter(Boolean).join('\n')).join('\n\n') };
      break;
    default:
      throw new WecomError(40008, `invalid message type ${body.msgtype}`);
  }
  throw new WecomError(40058, `${body.msgtype} missing`);
}

export function messageRoutes(facade: FastifyInstance, deps: Deps): void {
  const app = facade.withTypeProvider<TypeBoxTypeProvider>();
  const db = deps.db;
  const query = Type.Object({ access_token: Type.Optional(Type.String()) });

  app.get('/cgi-bin/agent/list', { config: { wecomToken: true }, schema: { hide: true, querystring: query } }, async (request) => {
    const call = wecomCall(deps, request);
    const agents = await idMap(db, call.holder.corpId, 'app');
    const apps = (await allApps(db, call.holder.corpId)).filter((a) => call.holder.credential.kind === 'sync' || (call.holder.credential.kind === 'app' && a.id === call.holder.credential.appId));
    return { errcode: 0, errmsg: 'ok', agentlist: apps.map((a) => ({ agentid: agents.toWecom.get(a.id)!, name: a.name, square_logo_url: '' })) };
  });

  app.post('/cgi-bin/message/send', { config: { wecomToken: true }, schema: { hide: true, querystring: query, body: SendBody } }, async (request) => {
    const call = wecomCall(deps, request);
    const { corpId, credential } = call.holder;
    const body = request.body;
    if (credential.kind !== 'app') throw new WecomError(48002, 'api forbidden: the contacts-sync secret does not send messages');
    const appId = (await idMap(db, corpId, 'app')).toBanyan.get(Number(body.agentid));
    if (!appId) throw new WecomError(40056, 'invalid agentid');
    if (appId !== credential.appId) throw new WecomError(301002, 'no privilege to access this app');
    const content = contentOf(body);
    if (content.body.length > 2000) throw new WecomError(40058, 'content longer than 2000 characters');
    const users = split(body.touser);
    const parties = split(body.toparty).map(Number);
    const tagIds = split(body.totag).map(Number);
    if (users.length + parties.length + tagIds.length === 0) throw new WecomError(40035, 'touser, toparty and totag all empty');
    if (users.length > 1000 || parties.length > 100) throw new WecomError(40032, 'more than 1000 users or 100 departments');

    const everyone = users.includes('@all');
    const found = await memberIdsByUserid(db, corpId, users);
    const visible = new Set(await expandRecipients(db, corpId, credential.visibleRange));
    // A named member outside the app's visible range is invalid for it, as in WeCom.
    const invaliduser = everyone ? [] : users.filter((u) => !found.has(u) || !visible.has(found.get(u)!));
    const depts = await idMap(db, corpId, 'department');
    const tags = await idMap(db, corpId, 'tag');
    const invalidparty = parties.filter((d) => !depts.toBanyan.has(d));
    const invalidtag = tagIds.filter((t) => !tags.toBanyan.has(t));
    const recipients = {
      memberIds: everyone ? [] : users.flatMap((u) => (invaliduser.includes(u) ? [] : [found.get(u)!])),
      departmentIds: [...(everyone ? [await rootDepartmentId(db, corpId)] : []), ...parties.flatMap((d) => (depts.toBanyan.has(d) ? [depts.toBanyan.get(d)!] : []))],
      tagIds: tagIds.flatMap((t) => (tags.toBanyan.has(t) ? [tags.toBanyan.get(t)!] : [])),
    };
    if (recipients.memberIds.length + recipients.departmentIds.length + recipients.tagIds.length === 0) throw new WecomError(81013, 'user, party and tag all invalid');
    const msgid = randomBytes(16).toString('base64url');
    await call.run(sendCommand, { appId, message: { recipients, ...content, idempotencyKey: msgid } });
    return { errcode: 0, errmsg: 'ok', invaliduser: invaliduser.join('|'), invalidparty: invalidparty.join('|'), invalidtag: invalidtag.join('|'), unlicenseduser: '', msgid, response_code: '' };
  });

  // 撤回应用消息 (doc/94947): the msgid is the send's idempotency key, so only the app that sent it finds it.
  app.post('/cgi-bin/message/recall', { config: { wecomToken: true }, schema: { hide: true, querystring: query, body: Type.Object({ msgid: Type.String({ minLength: 1, maxLength: 64 }) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const { credential } = call.holder;
    if (credential.kind !== 'app') throw new WecomError(48002, 'api forbidden: the contacts-sync secret does not recall messages');
    await call.run(recallCommand, { appId: credential.appId, idempotencyKey: request.body.msgid });
    return { errcode: 0, errmsg: 'ok' };
  });
}
