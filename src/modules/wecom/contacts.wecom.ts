import { createHash } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type, type Static, type TProperties } from 'typebox';
import { command, runIn } from '../../platform/command.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db, Executor } from '../../platform/db/tables.ts';
import type { Deps } from '../../platform/deps.ts';
import {
  departmentCommands,
  departmentPaths,
  departmentTree,
  emailReason,
  expandRecipients,
  headsOf,
  memberCommands,
  memberIdsByUserid,
  membersByIds,
  nameReason,
  phoneReason,
  positionReason,
  tagCommands,
  useridReason,
  type MemberView,
} from '../directory/index.ts';
import { wecomCall, type WecomCall } from './facade.ts';
import { assignId, idMap, idTaken, type IdMap } from './ids.service.ts';
import type { TokenHolder } from './tokens.service.ts';
import { WecomError } from './wecom.errors.ts';
import { tables } from './wecom.tables.ts';

/**
 * 通讯录管理 in WeCom's shapes (../shared/wecom-api.md §3): departments, users and tags, each call
 * one or more of the directory's own commands (the same rights and scopes as REST), with WeCom's
 * integer ids, field names and error codes at the edge. An app secret reads inside its app's
 * visible range; writes need the contacts-sync secret (the commands refuse them: 48002).
 */

const ok = (errmsg = 'ok', extra: Record<string, unknown> = {}) => ({ errcode: 0, errmsg, ...extra });
const query = <T extends TProperties>(properties: T) => Type.Object({ access_token: Type.Optional(Type.String()), ...properties });
const tokenRoute = { wecomToken: true } as const;
const hidden = { hide: true } as const;

const IntList = Type.Array(Type.Integer());
/** Clients send `gender` as "1" or as the int 0 (wechatpy). */
const Gender = Type.Union([Type.String(), Type.Integer()]);
const UserFields = {
  name: Type.Optional(Type.String()),
  alias: Type.Optional(Type.String()),
  mobile: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  position: Type.Optional(Type.String()),
  department: Type.Optional(Type.Union([IntList, Type.Integer()])),
  order: Type.Optional(IntList),
  main_department: Type.Optional(Type.Integer()),
  is_leader_in_dept: Type.Optional(IntList),
  direct_leader: Type.Optional(Type.Array(Type.String(), { maxItems: 5 })),
  gender: Type.Optional(Gender),
  enable: Type.Optional(Type.Integer()),
  telephone: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  biz_mail: Type.Optional(Type.String()),
  extattr: Type.Optional(Type.Object({ attrs: Type.Optional(Type.Array(Type.Unknown())) })),
  external_position: Type.Optional(Type.String()),
  external_profile: Type.Optional(Type.Unknown()),
};
const UserBody = Type.Object({ userid: Type.String(), ...UserFields });
type UserBody = Static<typeof UserBody>;
/** Kept as given: WeCom fields the contacts have no column for. */
const ATTR_KEYS = ['alias', 'gender', 'telephone', 'address', 'biz_mail', 'extattr', 'direct_leader', 'order', 'external_position', 'external_profile'] as const;
type Attrs = Partial<Record<(typeof ATTR_KEYS)[number], unknown>>;

// ------------------------------------------------------------------------------------------ reach

/** What an app secret may read: its visible range's members and department subtrees. The sync secret reads everything (null). */
interface Reach {
  members: Set<string>;
  paths: string[];
}

async function reachOf(db: Executor, holder: TokenHolder): Promise<Reach | null> {
  if (holder.credential.kind === 'sync') return null;
  const range = holder.credential.visibleRange;
  return { members: new Set(await expandRecipients(db, holder.corpId, range)), paths: [...(await departmentPaths(db, holder.corpId, range.departmentIds)).values()] };
}

function departmentVisible(reach: Reach | null, path: string | undefined): boolean {
  return reach === null || (path !== undefined && reach.paths.some((p) => path.startsWith(p)));
}

function memberVisible(reach: Reach | null, view: MemberView, pathOf: Map<string, string>): boolean {
  return reach === null || reach.members.has(view.id) || view.departments.some((d) => departmentVisible(reach, pathOf.get(d.id)));
}

/** A stable opaque id per member for `open_userid` and `convert_to_openid`. */
function openIdOf(corpId: string, memberId: string): string {
  return `wo${createHash('sha256').update(`${corpId}:${memberId}`).digest('base64url').slice(0, 26)}`;
}

// ------------------------------------------------------------------------------------------ shapes

/** WeCom's `status`: 1 activated, 2 disabled, 4 not yet activated (no account claimed it), 5 left. */
export function statusOf(view: Pick<MemberView, 'status' | 'linked'>): 1 | 2 | 4 | 5 {
  if (view.status === 'departed') return 5;
  if (view.status === 'disabled') return 2;
  return view.linked ? 1 : 4;
}

async function attrsOf(db: Executor, corpId: string, memberIds: readonly string[]): Promise<Map<string, Attrs>> {
  if (memberIds.length === 0) return new Map();
  const rows = await tables(db).selectFrom('wecom_member_attrs').select(['member_id', 'attrs_json']).where('corp_id', '=', corpId).where('member_id', 'in', [...memberIds]).execute();
  return new Map(rows.map((r) => [r.member_id, JSON.parse(r.attrs_json) as Attrs]));
}

function wecomUser(corpId: string, view: MemberView, depts: IdMap, attrs: Attrs = {}) {
  const department = view.departments.map((d) => depts.toWecom.get(d.id)!);
  return {
    userid: view.userid,
    name: view.name,
    department,
    order: Array.isArray(attrs.order) && attrs.order.length === department.length ? attrs.order : department.map(() => 0),
    position: view.position ?? '',
    mobile: view.phone ?? '',
    gender: attrs.gender === undefined ? '0' : String(attrs.gender),
    email: view.email ?? '',
    biz_mail: (attrs.biz_mail as string | undefined) ?? '',
    is_leader_in_dept: view.departments.map((d) => (view.headOf.includes(d.id) ? 1 : 0)),
    direct_leader: (attrs.direct_leader as string[] | undefined) ?? [],
    avatar: '',
    thumb_avatar: '',
    telephone: (attrs.telephone as string | undefined) ?? '',
    alias: (attrs.alias as string | undefined) ?? '',
    address: (attrs.address as string | undefined) ?? '',
    open_userid: openIdOf(corpId, view.id),
    main_department: depts.toWecom.get(view.mainDepartmentId)!,
    extattr: (attrs.extattr as object | undefined) ?? { attrs: [] },
    status: statusOf(view),
    qr_code: '',
    external_position: (attrs.external_position as string | undefined) ?? '',
    external_profile: (attrs.external_profile as object | undefined) ?? { external_corp_name: '', external_attr: [] },
  };
}

// ------------------------------------------------------------------------------------------ ids

function banyanDepartment(depts: IdMap, id: number, errcode = 60003): string {
  const found = depts.toBanyan.get(id);
  if (!found) throw new WecomError(errcode, `department ${id} not found`);
  return found;
}

async function memberIdOf(db: Executor, corpId: string, userid: string | undefined): Promise<string> {
  if (!userid || useridReason(userid)) throw new WecomError(40003, 'invalid userid');
  const id = (await memberIdsByUserid(db, corpId, [userid])).get(userid);
  if (!id) throw new WecomError(60111, 'userid not found');
  return id;
}

/** Every member the query reaches, page by page through the directory's own list command. */
async function allMembers(call: WecomCall, filter: { departmentId: string; includeSub: boolean }): Promise<MemberView[]> {
  const out: MemberView[] = [];
  let cursor: string | undefined;
  do {
    const page = await call.run(memberCommands.list, { departmentId: filter.departmentId, includeSub: filter.includeSub, cursor, limit: 500 });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

// ------------------------------------------------------------------------------------------ user writes

function checkUserFields(body: Partial<UserBody>): void {
  if (body.name !== undefined && nameReason(body.name)) throw new WecomError(60112, 'invalid name');
  if (body.mobile && phoneReason(body.mobile)) throw new WecomError(60103, 'invalid mobile');
  if (body.email && emailReason(body.email)) throw new WecomError(60105, 'invalid email');
  if (body.position && positionReason(body.position)) throw new WecomError(40058, 'position too long');
}

function departmentList(body: Partial<UserBody>): number[] | undefined {
  if (body.department === undefined) return undefined;
  return Array.isArray(body.department) ? body.department : [body.department];
}

async function saveAttrs(ctx: Ctx, memberId: string, body: Partial<UserBody>): Promise<void> {
  const given = Object.fromEntries(ATTR_KEYS.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
  if (Object.keys(given).length === 0) return;
  const before = (await attrsOf(ctx.trx, ctx.corpId, [memberId])).get(memberId) ?? {};
  const attrs_json = JSON.stringify({ ...before, ...given });
  await tables(ctx.trx)
    .insertInto('wecom_member_attrs')
    .values({ corp_id: ctx.corpId, member_id: memberId, attrs_json })
    .onConflict((oc) => oc.columns(['corp_id', 'member_id']).doUpdateSet({ attrs_json }))
    .execute();
}

/** `is_leader_in_dept`: the member heads (部门负责人) exactly the departments flagged 1, through the heads command. */
async function applyLeadership(ctx: Ctx, memberId: string, departmentIds: string[], flags: number[]): Promise<void> {
  const heads = await headsByDepartment(ctx.trx, ctx.corpId, departmentIds);
  for (const [i, departmentId] of departmentIds.entries()) {
    const current = heads.get(departmentId) ?? [];
    const wanted = flags[i] === 1;
    if (wanted === current.includes(memberId)) continue;
    const memberIds = wanted ? [...current, memberId] : current.filter((m) => m !== memberId);
    await runIn(ctx, departmentCommands.setHeads, { id: departmentId, memberIds });
  }
}

async function headsByDepartment(db: Executor, corpId: string, departmentIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const h of await headsOf(db, corpId, departmentIds)) out.set(h.departmentId, [...(out.get(h.departmentId) ?? []), h.memberId]);
  return out;
}

const createUser = command({ right: 'contacts.manage', tx: 'plain' }, async (ctx, input: { body: UserBody; departmentIds: string[]; mainDepartmentId: string | undefined }) => {
  const { body } = input;
  const view = await runIn(ctx, memberCommands.create, {
    name: body.name ?? '',
    userid: body.userid,
    phone: body.mobile ?? null,
    email: body.email ?? null,
    position: body.position ?? null,
    departmentIds: input.departmentIds,
    mainDepartmentId: input.mainDepartmentId,
  });
  if (body.is_leader_in_dept) await applyLeadership(ctx, view.id, input.departmentIds, body.is_leader_in_dept);
  if (body.enable === 0) await runIn(ctx, memberCommands.setStatus, { id: view.id, status: 'disabled' });
  await saveAttrs(ctx, view.id, body);
});

const updateUser = command({ right: 'contacts.manage', tx: 'plain' }, async (ctx, input: { memberId: string; body: UserBody; departmentIds: string[] | undefined; mainDepartmentId: string | undefined }) => {
  const { body, memberId } = input;
  const view = await runIn(ctx, memberCommands.update, {
    id: memberId,
    patch: {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.mobile === undefined ? {} : { phone: body.mobile }),
      ...(body.email === undefined ? {} : { email: body.email }),
      ...(body.position === undefined ? {} : { position: body.position }),
      ...(input.departmentIds ? { departmentIds: input.departmentIds } : {}),
      ...(input.mainDepartmentId ? { mainDepartmentId: input.mainDepartmentId } : {}),
    },
  });
  if (body.is_leader_in_dept) await applyLeadership(ctx, memberId, view.departments.map((d) => d.id), body.is_leader_in_dept);
  if (body.enable !== undefined && (body.enable === 1) !== (view.status === 'active')) await runIn(ctx, memberCommands.setStatus, { id: memberId, status: body.enable === 1 ? 'active' : 'disabled' });
  await saveAttrs(ctx, memberId, body);
});

const deleteUsers = command({ right: 'contacts.manage', tx: 'plain' }, async (ctx, memberIds: string[]) => {
  for (const id of memberIds) await runIn(ctx, memberCommands.remove, id);
  await tables(ctx.trx).deleteFrom('wecom_member_attrs').where('corp_id', '=', ctx.corpId).where('member_id', 'in', memberIds).execute();
});

// ------------------------------------------------------------------------------------------ routes

export function contactRoutes(facade: FastifyInstance, deps: Deps): void {
  const app = facade.withTypeProvider<TypeBoxTypeProvider>();
  const db: Db = deps.db;

  // ---------------------------------------------------------------- departments
  const departmentsOf = async (call: WecomCall, rootId: number | undefined) => {
    const corpId = call.holder.corpId;
    const depts = await idMap(db, corpId, 'department');
    const { items } = await call.run(departmentCommands.list, undefined);
    const tree = await departmentTree(db, corpId);
    const pathOf = new Map(tree.map((d) => [d.id, d.path]));
    const reach = await reachOf(db, call.holder);
    const root = rootId === undefined ? undefined : banyanDepartment(depts, rootId, 60123);
    if (root && !pathOf.has(root)) throw new WecomError(60003, `department ${rootId} not found`);
    if (root && !departmentVisible(reach, pathOf.get(root))) throw new WecomError(60011, 'no privilege to access the department');
    const rootPath = root ? pathOf.get(root)! : '';
    const heads = await membersByIds(db, corpId, items.flatMap((d) => d.heads.map((h) => h.id)));
    return items
      .filter((d) => pathOf.get(d.id)!.startsWith(rootPath) && departmentVisible(reach, pathOf.get(d.id)))
      .map((d) => ({
        id: depts.toWecom.get(d.id)!,
        name: d.name,
        name_en: '',
        department_leader: d.heads.map((h) => heads.get(h.id)?.userid ?? h.id),
        parentid: d.parentId === null ? 0 : depts.toWecom.get(d.parentId)!,
        // WeCom orders siblings larger-first; Banyan by position, so the first sibling gets the largest.
        order: 100000000 - d.sortOrder,
      }));
  };

  app.get('/cgi-bin/department/list', { config: tokenRoute, schema: { ...hidden, querystring: query({ id: Type.Optional(Type.Integer()) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    return ok('ok', { department: await departmentsOf(call, request.query.id) });
  });

  app.get('/cgi-bin/department/simplelist', { config: tokenRoute, schema: { ...hidden, querystring: query({ id: Type.Optional(Type.Integer()) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    return ok('ok', { department_id: (await departmentsOf(call, request.query.id)).map((d) => ({ id: d.id, parentid: d.parentid, order: d.order })) });
  });

  app.get('/cgi-bin/department/get', { config: tokenRoute, schema: { ...hidden, querystring: query({ id: Type.Integer() }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const [department] = await departmentsOf(call, request.query.id);
    return ok('ok', { department });
  });

  const DepartmentBody = { name: Type.Optional(Type.String()), name_en: Type.Optional(Type.String()), parentid: Type.Optional(Type.Integer()), order: Type.Optional(Type.Integer({ minimum: 0 })) };
  const checkDepartmentName = (name: string | undefined) => {
    if (name === undefined) return;
    if (name.trim() === '') throw new WecomError(60001, 'department name empty');
    if ([...name].length > 64) throw new WecomError(60009, 'department name too long');
    if (/[\\:*?"<>|]/.test(name)) throw new WecomError(60125, 'department name contains \\:*?"<>|');
  };

  const createDepartment = command({ right: 'contacts.manage', tx: 'plain' }, async (ctx, input: { parentId: string; name: string; wanted: number | undefined }) => {
    const id = await runIn(ctx, departmentCommands.create, { parentId: input.parentId, name: input.name });
    return assignId(ctx.trx, ctx.corpId, 'department', id, input.wanted);
  });
  app.post('/cgi-bin/department/create', { config: tokenRoute, schema: { ...hidden, querystring: query({}), body: Type.Object({ ...DepartmentBody, id: Type.Optional(Type.Integer({ minimum: 2 })) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const body = request.body;
    checkDepartmentName(body.name ?? '');
    const depts = await idMap(db, call.holder.corpId, 'department');
    const parentId = banyanDepartment(depts, body.parentid ?? 1, 60004);
    if (body.id !== undefined && (await idTaken(db, call.holder.corpId, 'department', body.id))) throw new WecomError(60008, 'department id exists');
    const id = await call.run(createDepartment, { parentId, name: body.name!.trim(), wanted: body.id });
    return ok('created', { id });
  });

  const updateDepartment = command({ right: 'contacts.manage', tx: 'plain' }, async (ctx, input: { id: string; name: string | undefined; parentId: string | undefined }) => {
    if (input.name !== undefined) await runIn(ctx, departmentCommands.rename, { id: input.id, name: input.name });
    if (input.parentId !== undefined) await runIn(ctx, departmentCommands.move, { id: input.id, parentId: input.parentId });
  });
  app.post('/cgi-bin/department/update', { config: tokenRoute, schema: { ...hidden, querystring: query({}), body: Type.Object({ ...DepartmentBody, id: Type.Integer() }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const body = request.body;
    checkDepartmentName(body.name);
    const depts = await idMap(db, call.holder.corpId, 'department');
    const id = banyanDepartment(depts, body.id);
    const current = (await departmentTree(db, call.holder.corpId)).find((d) => d.id === id)!;
    const parentId = body.parentid === undefined ? undefined : banyanDepartment(depts, body.parentid, 60004);
    await call.run(updateDepartment, { id, name: body.name === undefined || body.name.trim() === current.name ? undefined : body.name.trim(), parentId: parentId === current.parentId ? undefined : parentId });
    return ok('updated');
  });

  app.get('/cgi-bin/department/delete', { config: tokenRoute, schema: { ...hidden, querystring: query({ id: Type.Integer() }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const depts = await idMap(db, call.holder.corpId, 'department');
    await call.run(departmentCommands.remove, banyanDepartment(depts, request.query.id));
    return ok('deleted');
  });

  // ---------------------------------------------------------------- users
  const describe = async (call: WecomCall, views: MemberView[]) => {
    const corpId = call.holder.corpId;
    const depts = await idMap(db, corpId, 'department');
    const attrs = await attrsOf(db, corpId, views.map((v) => v.id));
    return views.map((v) => wecomUser(corpId, v, depts, attrs.get(v.id)));
  };
  const visibleOnly = async (call: WecomCall, views: MemberView[]) => {
    const reach = await reachOf(db, call.holder);
    if (reach === null) return views;
    const pathOf = new Map((await departmentTree(db, call.holder.corpId)).map((d) => [d.id, d.path]));
    return views.filter((v) => memberVisible(reach, v, pathOf));
  };

  app.get('/cgi-bin/user/get', { config: tokenRoute, schema: { ...hidden, querystring: query({ userid: Type.Optional(Type.String()) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const view = await call.run(memberCommands.get, await memberIdOf(db, call.holder.corpId, request.query.userid));
    if ((await visibleOnly(call, [view])).length === 0) throw new WecomError(60011, 'no privilege to access the member');
    const [user] = await describe(call, [view]);
    return ok('ok', user);
  });

  const resolveDepartments = async (corpId: string, body: Partial<UserBody>) => {
    const depts = await idMap(db, corpId, 'department');
    const ints = departmentList(body);
    return {
      departmentIds: ints?.map((d) => banyanDepartment(depts, d, 60123)),
      mainDepartmentId: body.main_department === undefined ? undefined : banyanDepartment(depts, body.main_department, 60123),
    };
  };

  app.post('/cgi-bin/user/create', { config: tokenRoute, schema: { ...hidden, querystring: query({}), body: UserBody } }, async (request) => {
    const call = wecomCall(deps, request);
    const body = request.body;
    if (useridReason(body.userid)) throw new WecomError(40003, 'invalid userid');
    if (body.name === undefined) throw new WecomError(60112, 'invalid name');
    checkUserFields(body);
    const { departmentIds, mainDepartmentId } = await resolveDepartments(call.holder.corpId, { department: [1], ...body });
    await call.run(createUser, { body, departmentIds: departmentIds!, mainDepartmentId });
    return ok('created');
  });

  app.post('/cgi-bin/user/update', { config: tokenRoute, schema: { ...hidden, querystring: query({}), body: UserBody } }, async (request) => {
    const call = wecomCall(deps, request);
    const body = request.body;
    const memberId = await memberIdOf(db, call.holder.corpId, body.userid);
    checkUserFields(body);
    await call.run(updateUser, { memberId, body, ...(await resolveDepartments(call.holder.corpId, body)) });
    return ok('updated');
  });

  app.get('/cgi-bin/user/delete', { config: tokenRoute, schema: { ...hidden, querystring: query({ userid: Type.Optional(Type.String()) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    await call.run(deleteUsers, [await memberIdOf(db, call.holder.corpId, request.query.userid)]);
    return ok('deleted');
  });

  app.post('/cgi-bin/user/batchdelete', { config: tokenRoute, schema: { ...hidden, querystring: query({}), body: Type.Object({ useridlist: Type.Array(Type.String()) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const list = request.body.useridlist;
    if (list.length === 0 || list.length > 200) throw new WecomError(40032, 'useridlist empty or longer than 200');
    const ids: string[] = [];
    for (const userid of list) ids.push(await memberIdOf(db, call.holder.corpId, userid));
    await call.run(deleteUsers, ids);
    return ok('deleted');
  });

  const ListQuery = query({ department_id: Type.Optional(Type.Integer()), fetch_child: Type.Optional(Type.Integer()), status: Type.Optional(Type.Unknown()) });
  const listed = async (call: WecomCall, q: { department_id?: number | undefined; fetch_child?: number | undefined }) => {
    const depts = await idMap(db, call.holder.corpId, 'department');
    const departmentId = banyanDepartment(depts, q.department_id ?? 1, 60123);
    const reach = await reachOf(db, call.holder);
    const pathOf = new Map((await departmentTree(db, call.holder.corpId)).map((d) => [d.id, d.path]));
    if (!departmentVisible(reach, pathOf.get(departmentId)) && reach !== null) {
      // An app whose range names members but not this department sees just those members of it.
      const views = await allMembers(call, { departmentId, includeSub: q.fetch_child === 1 });
      return visibleOnly(call, views);
    }
    return allMembers(call, { departmentId, includeSub: q.fetch_child === 1 });
  };

  app.get('/cgi-bin/user/simplelist', { config: tokenRoute, schema: { ...hidden, querystring: ListQuery } }, async (request) => {
    const call = wecomCall(deps, request);
    const users = await describe(call, await listed(call, request.query));
    return ok('ok', { userlist: users.map((u) => ({ userid: u.userid, name: u.name, department: u.department, open_userid: u.open_userid })) });
  });

  app.get('/cgi-bin/user/list', { config: tokenRoute, schema: { ...hidden, querystring: ListQuery } }, async (request) => {
    const call = wecomCall(deps, request);
    return ok('ok', { userlist: await describe(call, await listed(call, request.query)) });
  });

  app.post(
    '/cgi-bin/user/list_id',
    { config: tokenRoute, schema: { ...hidden, querystring: query({}), body: Type.Object({ cursor: Type.Optional(Type.String()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })) }) } },
    async (request) => {
      const call = wecomCall(deps, request);
      // doc/96067: the contacts-sync secret only.
      if (call.holder.credential.kind !== 'sync') throw new WecomError(48002, 'api forbidden: user/list_id takes the contacts-sync secret');
      const depts = await idMap(db, call.holder.corpId, 'department');
      const page = await call.run(memberCommands.list, { cursor: request.body.cursor || undefined, limit: request.body.limit ?? 1000 });
      const dept_user = page.items.flatMap((v) => v.departments.map((d) => ({ userid: v.userid, department: depts.toWecom.get(d.id)! })));
      return ok('ok', { next_cursor: page.nextCursor ?? '', dept_user });
    },
  );

  app.post('/cgi-bin/user/getuserid', { config: tokenRoute, schema: { ...hidden, querystring: query({}), body: Type.Object({ mobile: Type.String({ minLength: 1 }) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const mobile = request.body.mobile;
    const page = await call.run(memberCommands.list, { q: mobile, limit: 50 });
    const [found] = await visibleOnly(
      call,
      page.items.filter((v) => v.phone === mobile),
    );
    if (!found) throw new WecomError(46004, 'user not found');
    return ok('ok', { userid: found.userid });
  });

  app.post('/cgi-bin/user/convert_to_openid', { config: tokenRoute, schema: { ...hidden, querystring: query({}), body: Type.Object({ userid: Type.String() }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const view = await call.run(memberCommands.get, await memberIdOf(db, call.holder.corpId, request.body.userid));
    if ((await visibleOnly(call, [view])).length === 0) throw new WecomError(60011, 'no privilege to access the member');
    return ok('ok', { openid: openIdOf(call.holder.corpId, view.id) });
  });

  // ---------------------------------------------------------------- tags
  const banyanTag = (tags: IdMap, id: number) => {
    const found = tags.toBanyan.get(id);
    if (!found) throw new WecomError(40068, `invalid tagid ${id}`);
    return found;
  };

  app.get('/cgi-bin/tag/list', { config: tokenRoute, schema: { ...hidden, querystring: query({}) } }, async (request) => {
    const call = wecomCall(deps, request);
    const list = await call.run(tagCommands.list, undefined);
    const tags = await idMap(db, call.holder.corpId, 'tag');
    return ok('ok', { taglist: list.map((t) => ({ tagid: tags.toWecom.get(t.id)!, tagname: t.name })) });
  });

  const createTag = command({ right: 'contacts.manage', tx: 'plain' }, async (ctx, input: { name: string; wanted: number | undefined }) =>
    assignId(ctx.trx, ctx.corpId, 'tag', await runIn(ctx, tagCommands.create, input.name), input.wanted),
  );
  app.post('/cgi-bin/tag/create', { config: tokenRoute, schema: { ...hidden, querystring: query({}), body: Type.Object({ tagname: Type.String(), tagid: Type.Optional(Type.Integer({ minimum: 1 })) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const { tagname, tagid } = request.body;
    if (tagname.trim() === '' || [...tagname].length > 32) throw new WecomError(40072, 'invalid tagname');
    await idMap(db, call.holder.corpId, 'tag');
    if (tagid !== undefined && (await idTaken(db, call.holder.corpId, 'tag', tagid))) throw new WecomError(40071, 'tagid exists');
    return ok('created', { tagid: await call.run(createTag, { name: tagname.trim(), wanted: tagid }) });
  });

  app.post('/cgi-bin/tag/update', { config: tokenRoute, schema: { ...hidden, querystring: query({}), body: Type.Object({ tagid: Type.Integer(), tagname: Type.String() }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const { tagname, tagid } = request.body;
    if (tagname.trim() === '' || [...tagname].length > 32) throw new WecomError(40072, 'invalid tagname');
    await call.run(tagCommands.rename, { id: banyanTag(await idMap(db, call.holder.corpId, 'tag'), tagid), name: tagname.trim() });
    return ok('updated');
  });

  app.get('/cgi-bin/tag/delete', { config: tokenRoute, schema: { ...hidden, querystring: query({ tagid: Type.Integer() }) } }, async (request) => {
    const call = wecomCall(deps, request);
    await call.run(tagCommands.remove, banyanTag(await idMap(db, call.holder.corpId, 'tag'), request.query.tagid));
    return ok('deleted');
  });

  const tagView = async (call: WecomCall, tagId: string) => {
    const holders = await call.run(tagCommands.holders, tagId);
    const depts = await idMap(db, call.holder.corpId, 'department');
    const reach = await reachOf(db, call.holder);
    const pathOf = new Map((await departmentTree(db, call.holder.corpId)).map((d) => [d.id, d.path]));
    return {
      userlist: holders.members.filter((m) => reach === null || reach.members.has(m.id)).map((m) => ({ userid: m.userid, name: m.name })),
      partylist: holders.departments.filter((d) => departmentVisible(reach, pathOf.get(d.id))).map((d) => depts.toWecom.get(d.id)!),
    };
  };

  app.get('/cgi-bin/tag/get', { config: tokenRoute, schema: { ...hidden, querystring: query({ tagid: Type.Integer() }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const tags = await idMap(db, call.holder.corpId, 'tag');
    const tagId = banyanTag(tags, request.query.tagid);
    const tag = (await call.run(tagCommands.list, undefined)).find((t) => t.id === tagId);
    if (!tag) throw new WecomError(40068, `invalid tagid ${request.query.tagid}`);
    return ok('ok', { tagname: tag.name, ...(await tagView(call, tagId)) });
  });

  const TagUsersBody = Type.Object({ tagid: Type.Integer(), userlist: Type.Optional(Type.Array(Type.String())), partylist: Type.Optional(IntList) });
  for (const [path, side, errmsg] of [
    ['/cgi-bin/tag/addtagusers', 'add', 'ok'],
    ['/cgi-bin/tag/deltagusers', 'remove', 'deleted'],
  ] as const) {
    app.post(path, { config: tokenRoute, schema: { ...hidden, querystring: query({}), body: TagUsersBody } }, async (request) => {
      const call = wecomCall(deps, request);
      const corpId = call.holder.corpId;
      const body = request.body;
      const tagId = banyanTag(await idMap(db, corpId, 'tag'), body.tagid);
      const userlist = body.userlist ?? [];
      const partylist = body.partylist ?? [];
      if (userlist.length === 0 && partylist.length === 0) throw new WecomError(40035, 'userlist and partylist both empty');
      const found = await memberIdsByUserid(db, corpId, userlist);
      const depts = await idMap(db, corpId, 'department');
      const invalidlist = userlist.filter((u) => !found.has(u));
      const invalidparty = partylist.filter((d) => !depts.toBanyan.has(d));
      const memberIds = userlist.flatMap((u) => (found.has(u) ? [found.get(u)!] : []));
      const departmentIds = partylist.flatMap((d) => (depts.toBanyan.has(d) ? [depts.toBanyan.get(d)!] : []));
      if (memberIds.length + departmentIds.length === 0) throw new WecomError(40070, 'all listed users and departments are invalid');
      await call.run(tagCommands.changeHolders, { id: tagId, change: { [side]: { memberIds, departmentIds } } });
      return ok(errmsg, { ...(invalidlist.length ? { invalidlist: invalidlist.join('|') } : {}), ...(invalidparty.length ? { invalidparty } : {}) });
    });
  }
}
