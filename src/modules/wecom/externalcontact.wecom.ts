import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { DAY } from '../../platform/clock.ts';
import { acquisitionCommands, linkUrl } from '../acquisition/index.ts';
import { customerApi } from '../customers/index.ts';
import { expandRecipients, memberIdsByUserid, membersByIds } from '../directory/index.ts';
import { wecomCall, type WecomCall } from './facade.ts';
import { WecomError } from './wecom.errors.ts';

/**
 * 客户联系 (../shared/wecom-api.md §6): who follows customers, a member's customers and one customer
 * with its followers, read through the customers module's API commands and limited to the app's
 * visible range. `external_userid` is Banyan's customer id (`cus_…`); the customer's WeChat
 * identity is not handed out. 获客助手's link calls run the acquisition module's own commands.
 */

/** customer_acquisition/statistic reaches this many days back. */
const STATISTIC_DAYS = 180;

/** WeCom's add_way: 0 unknown (added by hand), 16 through a 获客链接. */
const ADD_WAY = { manual: 0, link: 16 } as const;

export function externalContactRoutes(facade: FastifyInstance, deps: Deps): void {
  const app = facade.withTypeProvider<TypeBoxTypeProvider>();
  const db = deps.db;
  const config = { wecomToken: true };
  const query = <P extends Record<string, ReturnType<typeof Type.String>>>(props: P) => Type.Object({ access_token: Type.Optional(Type.String()), ...props });

  const reachOf = async (call: WecomCall): Promise<Set<string>> => {
    if (call.holder.credential.kind !== 'app') throw new WecomError(48002, 'api forbidden: the contacts-sync secret does not reach customer contacts');
    return new Set(await expandRecipients(db, call.holder.corpId, call.holder.credential.visibleRange));
  };

  app.get('/cgi-bin/externalcontact/get_follow_user_list', { config, schema: { hide: true, querystring: query({}) } }, async (request) => {
    const call = wecomCall(deps, request);
    const reach = await reachOf(call);
    const ids = (await call.run(customerApi.followers, undefined)).filter((id) => reach.has(id));
    const people = await membersByIds(db, call.holder.corpId, ids);
    return { errcode: 0, errmsg: 'ok', follow_user: ids.map((id) => people.get(id)!.userid) };
  });

  app.get('/cgi-bin/externalcontact/list', { config, schema: { hide: true, querystring: query({ userid: Type.String({ maxLength: 64 }) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const reach = await reachOf(call);
    const memberId = (await memberIdsByUserid(db, call.holder.corpId, [request.query.userid])).get(request.query.userid);
    if (!memberId) throw new WecomError(60111, 'userid not found');
    if (!reach.has(memberId)) throw new WecomError(60011, 'no privilege to access the member');
    const ids = await call.run(customerApi.customersOf, memberId);
    if (ids.length === 0) throw new WecomError(84061, 'not external contact');
    return { errcode: 0, errmsg: 'ok', external_userid: ids };
  });

  app.get('/cgi-bin/externalcontact/get', { config, schema: { hide: true, querystring: query({ external_userid: Type.String({ maxLength: 64 }), cursor: Type.Optional(Type.String({ maxLength: 64 })) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const reach = await reachOf(call);
    const customer = await call.run(customerApi.customer, request.query.external_userid);
    const followers = (customer?.followers ?? []).filter((f) => reach.has(f.memberId));
    if (!customer || followers.length === 0) throw new WecomError(84061, 'not external contact');
    const people = await membersByIds(db, call.holder.corpId, followers.map((f) => f.memberId));
    return {
      errcode: 0,
      errmsg: 'ok',
      external_contact: { external_userid: customer.id, name: customer.name, avatar: '', type: 1, gender: 0, unionid: '' },
      follow_user: followers.map((f) => ({
        userid: people.get(f.memberId)!.userid,
        remark: '',
        description: '',
        createtime: Math.floor(f.addedAt / 1000),
        tags: [],
        remark_mobiles: [],
        add_way: ADD_WAY[f.source],
        state: f.linkId ?? '',
        // Who started it: the member for one they added, the customer for one through a link.
        oper_userid: f.source === 'manual' ? people.get(f.memberId)!.userid : customer.id,
      })),
      next_cursor: '',
    };
  });

  // ---------------------------------------------------------------------------------- 获客助手
  const acq = '/cgi-bin/externalcontact/customer_acquisition';
  const Page = { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })), cursor: Type.Optional(Type.String({ maxLength: 20 })) };
  const offsetOf = (cursor: string | undefined) => {
    const offset = Number(cursor || 0);
    if (!Number.isInteger(offset) || offset < 0) throw new WecomError(40058, 'invalid cursor');
    return offset;
  };
  const linksOf = async (call: WecomCall) => {
    await reachOf(call);
    return (await call.run(acquisitionCommands.links, undefined)).items;
  };

  app.post(`${acq}/list_link`, { config, schema: { hide: true, querystring: query({}), body: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), cursor: Type.Optional(Type.String({ maxLength: 20 })) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const ids = (await linksOf(call)).map((l) => l.id).reverse();
    const offset = offsetOf(request.body.cursor);
    const limit = request.body.limit ?? 100;
    const page = ids.slice(offset, offset + limit);
    return { errcode: 0, errmsg: 'ok', link_id_list: page, next_cursor: offset + limit < ids.length ? String(offset + limit) : '' };
  });

  app.post(`${acq}/get`, { config, schema: { hide: true, querystring: query({}), body: Type.Object({ link_id: Type.String({ minLength: 1, maxLength: 64 }) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const link = (await linksOf(call)).find((l) => l.id === request.body.link_id);
    if (!link) throw new WecomError(40058, 'invalid link_id');
    const people = await membersByIds(db, call.holder.corpId, link.members.map((m) => m.id));
    return {
      errcode: 0,
      errmsg: 'ok',
      link: { link_id: link.id, link_name: link.name, url: linkUrl(deps.config, request, link.code), create_time: Math.floor(Date.parse(link.createdAt) / 1000), skip_verify: true },
      range: { user_list: link.members.map((m) => people.get(m.id)!.userid), department_list: [] },
      priority_option: { priority_type: 1, priority_userid_list: [] },
    };
  });

  app.post(
    `${acq}/create_link`,
    {
      config,
      schema: {
        hide: true,
        querystring: query({}),
        body: Type.Object({ link_name: Type.String({ minLength: 1, maxLength: 30 }), range: Type.Object({ user_list: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 500 })), department_list: Type.Optional(Type.Array(Type.Integer(), { maxItems: 100 })) }), skip_verify: Type.Optional(Type.Boolean()) }),
      },
    },
    async (request) => {
      const call = wecomCall(deps, request);
      const reach = await reachOf(call);
      const { range } = request.body;
      // Banyan's links name members; a department range is not kept.
      if ((range.department_list ?? []).length > 0) throw new WecomError(40058, 'department_list is not supported: name the members in user_list');
      const userids = range.user_list ?? [];
      if (userids.length === 0) throw new WecomError(40035, 'user_list empty');
      const found = await memberIdsByUserid(db, call.holder.corpId, userids);
      const unknown = userids.find((u) => !found.has(u));
      if (unknown) throw new WecomError(60111, `userid not found: ${unknown}`);
      if (userids.some((u) => !reach.has(found.get(u)!))) throw new WecomError(60011, 'no privilege to access the member');
      const link = await call.run(acquisitionCommands.newLink, { name: request.body.link_name, memberIds: userids.map((u) => found.get(u)!) });
      return { errcode: 0, errmsg: 'ok', link: { link_id: link.id, link_name: link.name, url: linkUrl(deps.config, request, link.code), create_time: Math.floor(Date.parse(link.createdAt) / 1000) } };
    },
  );

  app.post(
    `${acq}/update_link`,
    {
      config,
      schema: {
        hide: true,
        querystring: query({}),
        body: Type.Object({
          link_id: Type.String({ minLength: 1, maxLength: 64 }),
          link_name: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
          range: Type.Optional(Type.Object({ user_list: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 500 })), department_list: Type.Optional(Type.Array(Type.Integer(), { maxItems: 100 })) })),
          skip_verify: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request) => {
      const call = wecomCall(deps, request);
      const reach = await reachOf(call);
      const { range } = request.body;
      if (!(await linksOf(call)).some((l) => l.id === request.body.link_id)) throw new WecomError(40058, 'invalid link_id');
      if ((range?.department_list ?? []).length > 0) throw new WecomError(40058, 'department_list is not supported: name the members in user_list');
      let memberIds: string[] | undefined;
      if (range?.user_list !== undefined) {
        const userids = range.user_list;
        if (userids.length === 0) throw new WecomError(40035, 'user_list empty');
        const found = await memberIdsByUserid(db, call.holder.corpId, userids);
        const unknown = userids.find((u) => !found.has(u));
        if (unknown) throw new WecomError(60111, `userid not found: ${unknown}`);
        if (userids.some((u) => !reach.has(found.get(u)!))) throw new WecomError(60011, 'no privilege to access the member');
        memberIds = userids.map((u) => found.get(u)!);
      }
      await call.run(acquisitionCommands.editLink, { linkId: request.body.link_id, name: request.body.link_name, memberIds });
      return { errcode: 0, errmsg: 'ok' };
    },
  );

  app.post(
    `${acq}/statistic`,
    { config, schema: { hide: true, querystring: query({}), body: Type.Object({ link_id: Type.String({ minLength: 1, maxLength: 64 }), start_time: Type.Integer({ minimum: 0 }), end_time: Type.Integer({ minimum: 0 }) }) } },
    async (request) => {
      const call = wecomCall(deps, request);
      await reachOf(call);
      const { start_time: start, end_time: end } = request.body;
      // Daily granularity over the last 180 days: whole China days from the start's to the end's.
      if (end < start) throw new WecomError(40058, 'end_time is before start_time');
      if (start * 1000 < request.now - STATISTIC_DAYS * DAY) throw new WecomError(40058, `start_time is more than ${STATISTIC_DAYS} days ago`);
      if (!(await linksOf(call)).some((l) => l.id === request.body.link_id)) throw new WecomError(40058, 'invalid link_id');
      const { newCustomers } = await call.run(acquisitionCommands.statistic, { linkId: request.body.link_id, from: start * 1000, to: end * 1000 });
      return { errcode: 0, errmsg: 'ok', click_link_customer_cnt: newCustomers, new_customer_cnt: newCustomers };
    },
  );

  app.post(`${acq}/delete_link`, { config, schema: { hide: true, querystring: query({}), body: Type.Object({ link_id: Type.String({ minLength: 1, maxLength: 64 }) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    await reachOf(call);
    await call.run(acquisitionCommands.removeLink, request.body.link_id);
    return { errcode: 0, errmsg: 'ok' };
  });

  app.post(`${acq}/customer`, { config, schema: { hide: true, querystring: query({}), body: Type.Object({ link_id: Type.String({ minLength: 1, maxLength: 64 }), ...Page }) } }, async (request) => {
    const call = wecomCall(deps, request);
    await reachOf(call);
    const offset = offsetOf(request.body.cursor);
    const page = await call.run(acquisitionCommands.customers, { linkId: request.body.link_id, offset, limit: request.body.limit ?? 1000 });
    const people = await membersByIds(db, call.holder.corpId, page.items.map((i) => i.memberId));
    return {
      errcode: 0,
      errmsg: 'ok',
      // chat_status 2: Banyan does not know whether the customer wrote.
      customer_list: page.items.map((i) => ({ external_userid: i.customerId, userid: people.get(i.memberId)?.userid ?? '', chat_status: 2, state: '' })),
      next_cursor: page.more ? String(offset + page.items.length) : '',
    };
  });

  app.get('/cgi-bin/externalcontact/customer_acquisition_quota', { config, schema: { hide: true, querystring: query({}) } }, async (request) => {
    const call = wecomCall(deps, request);
    await reachOf(call);
    const usage = await call.run(acquisitionCommands.usage, undefined);
    const live = usage.packs.filter((p) => !p.expired);
    return {
      errcode: 0,
      errmsg: 'ok',
      total: live.reduce((sum, p) => sum + p.units, 0),
      balance: usage.unitsLeft,
      quota_list: live.map((p) => ({ expire_date: Math.floor(Date.parse(p.expiresAt) / 1000), balance: p.remaining })),
    };
  });
}
