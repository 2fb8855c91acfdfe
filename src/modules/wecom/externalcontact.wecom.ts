import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { customerApi } from '../customers/index.ts';
import { expandRecipients, memberIdsByUserid, membersByIds } from '../directory/index.ts';
import { wecomCall, type WecomCall } from './facade.ts';
import { WecomError } from './wecom.errors.ts';

/**
 * 客户联系 (../shared/wecom-api.md §6): who follows customers, a member's customers and one customer
 * with its followers, read through the customers module's API commands and limited to the app's
 * visible range. `external_userid` is Banyan's customer id (`cus_…`); the customer's WeChat
 * identity is not handed out.
 */

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
}
