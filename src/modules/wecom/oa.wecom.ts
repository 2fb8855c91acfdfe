import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/tables.ts';
import type { Deps } from '../../platform/deps.ts';
import { approvalApi, type RequestDetail, type Template } from '../approval/index.ts';
import { expandRecipients, memberIdsByUserid, membersByIds } from '../directory/index.ts';
import { wecomCall, type WecomCall } from './facade.ts';
import { idMap } from './ids.service.ts';
import { WecomError } from './wecom.errors.ts';

/**
 * 审批 (../shared/wecom-api.md §5): oa/applyevent submits through the approval engine as the
 * creator, oa/getapprovalinfo lists, oa/getapprovaldetail and oa/gettemplatedetail read. Only an
 * app secret's token calls them, for members inside the app's visible range; the sync secret: 48002.
 */

type FieldType = Template['form'][number]['type'];
/** Banyan's field types as WeCom's controls. */
const CONTROL: Record<FieldType, string> = { text: 'Text', number: 'Number', money: 'Money', date: 'Date', select: 'Selector', multiselect: 'Selector', member: 'Contact', department: 'Contact', attachment: 'File' };
/** Request status → sp_status. 6 (withdrawn after approval), 7 (deleted) and 10 (paid) have no Banyan state. */
const SP_STATUS: Record<RequestDetail['status'], number> = { running: 1, approved: 2, rejected: 3, withdrawn: 4 };
const KNOWN_SP_STATUS = new Set([1, 2, 3, 4, 6, 7, 10]);
/** A person's decision on a node: 1 in progress, 2 agreed, 3 rejected, 4 transferred. */
function taskSpStatus(status: RequestDetail['tasks'][number]['status']): number {
  if (status === 'approved' || status === 'handled' || status === 'auto_approved') return 2;
  if (status === 'rejected' || status === 'returned') return 3;
  if (status === 'transferred') return 4;
  return 1;
}
/** Dates are calendar days in China time; WeCom sends and reads them as Unix seconds. */
const dayToSeconds = (day: string) => Date.parse(`${day}T00:00:00+08:00`) / 1000;
const secondsToDay = (seconds: number) => new Date(seconds * 1000 + 8 * 3600_000).toISOString().slice(0, 10);
const zh = (text: string) => [{ text, lang: 'zh_CN' }];
const seconds = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 1000) : 0);

/**
 * A request as WeCom describes its progress (getapprovaldetail, and the sys_approval_change
 * callback's ApprovalInfo): number, template, status, applicant and sp_record, with userids.
 */
export function approvalProgress(detail: RequestDetail, userids: ReadonlyMap<string, string>) {
  // A 或签 peer whose task closed because another agreed is not listed (it took no decision).
  const steps = detail.steps.map((step, index) => ({ step, index, tasks: detail.tasks.filter((t) => t.step === index && t.kind !== 'cc' && t.status !== 'cancelled') })).filter((s) => s.step.kind !== 'cc' && s.tasks.length > 0);
  return {
    sp_no: detail.id,
    sp_name: detail.templateName,
    sp_status: SP_STATUS[detail.status],
    template_id: detail.templateId,
    apply_time: seconds(detail.submittedAt),
    applyer: { userid: userids.get(detail.applicantId) ?? '', partyid: '' },
    sp_record: steps.map(({ step, tasks }) => {
      const statuses = tasks.map((t) => taskSpStatus(t.status));
      const rejected = statuses.includes(3);
      const done = step.mode === 'any' ? statuses.includes(2) : statuses.every((s) => s === 2 || s === 4);
      return {
        sp_status: rejected ? 3 : done ? 2 : 1,
        approverattr: step.mode === 'any' ? 1 : 2,
        details: tasks.map((t) => ({ approver: { userid: userids.get(t.assigneeId) ?? '' }, speech: t.comment ?? '', sp_status: taskSpStatus(t.status), sptime: seconds(t.actedAt), media_id: [] as string[] })),
      };
    }),
    notifyer: detail.tasks.filter((t) => t.kind === 'cc').map((t) => ({ userid: userids.get(t.assigneeId) ?? '' })),
  };
}

const Control = Type.Object({ control: Type.Optional(Type.String()), id: Type.String(), value: Type.Record(Type.String(), Type.Unknown()) });
const ApplyBody = Type.Object({
  creator_userid: Type.String({ minLength: 1, maxLength: 64 }),
  template_id: Type.String({ minLength: 1, maxLength: 64 }),
  use_template_approver: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
  apply_data: Type.Object({ contents: Type.Array(Control, { maxItems: 100 }) }),
});
const InfoBody = Type.Object({
  starttime: Type.Union([Type.Integer(), Type.String()]),
  endtime: Type.Union([Type.Integer(), Type.String()]),
  cursor: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
  new_cursor: Type.Optional(Type.String()),
  size: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
  filters: Type.Optional(Type.Array(Type.Object({ key: Type.String(), value: Type.Union([Type.String(), Type.Integer()]) }), { maxItems: 20 })),
  filter: Type.Optional(Type.Array(Type.Object({ key: Type.String(), value: Type.Union([Type.String(), Type.Integer()]) }), { maxItems: 20 })),
});

const param = (message: string) => new WecomError(301025, `approval param error: ${message}`);

/** The members an app's token may submit for and read: its visible range. */
async function appMembers(db: Db, call: WecomCall): Promise<Set<string>> {
  if (call.holder.credential.kind !== 'app') throw new WecomError(48002, 'api forbidden: the contacts-sync secret does not reach approvals');
  return new Set(await expandRecipients(db, call.holder.corpId, call.holder.credential.visibleRange));
}

const options = (value: Record<string, unknown>) => ((value.selector as { options?: { key?: unknown }[] } | undefined)?.options ?? []).map((o) => String(o.key ?? ''));

/** WeCom's `value` of one control → Banyan's form value for the field. */
async function formValue(db: Db, corpId: string, type: FieldType, id: string, value: Record<string, unknown>): Promise<string | number | string[]> {
  const list = (key: string, inner: string) => ((value[key] as Record<string, unknown>[] | undefined) ?? []).map((x) => String(x[inner] ?? ''));
  switch (type) {
    case 'text':
      return String(value.text ?? '');
    case 'number':
      return Number(value.new_number);
    case 'money':
      return Math.round(Number(value.new_money) * 100);
    case 'date':
      return secondsToDay(Number((value.date as { s_timestamp?: unknown } | undefined)?.s_timestamp));
    case 'select':
      return options(value)[0] ?? '';
    case 'multiselect':
      return options(value);
    case 'member': {
      const userids = list('members', 'userid');
      const found = await memberIdsByUserid(db, corpId, userids);
      const unknown = userids.find((u) => !found.has(u));
      if (unknown) throw param(`${id}: unknown userid ${unknown}`);
      return userids.map((u) => found.get(u)!);
    }
    case 'department': {
      const depts = await idMap(db, corpId, 'department');
      return list('departments', 'openapi_id').map((d) => {
        const banyan = depts.toBanyan.get(Number(d));
        if (!banyan) throw param(`${id}: unknown department ${d}`);
        return banyan;
      });
    }
    case 'attachment':
      return list('files', 'file_id');
  }
}

/** Banyan's form value → WeCom's `value` of the control. */
function wecomValue(type: FieldType, value: string | number | string[] | undefined, userids: Map<string, string>, depts: Map<string, number>): Record<string, unknown> {
  const ids = Array.isArray(value) ? value : [];
  switch (type) {
    case 'text':
      return { text: value ?? '' };
    case 'number':
      return { new_number: value === undefined ? '' : String(value) };
    case 'money':
      return { new_money: value === undefined ? '' : (Number(value) / 100).toFixed(2) };
    case 'date':
      return { date: { type: 'day', s_timestamp: typeof value === 'string' ? String(dayToSeconds(value)) : '' } };
    case 'select':
    case 'multiselect': {
      const keys = typeof value === 'string' ? [value] : ids;
      return { selector: { type: type === 'select' ? 'single' : 'multi', options: keys.map((k) => ({ key: k, value: zh(k) })) } };
    }
    case 'member':
      return { members: ids.map((id) => ({ userid: userids.get(id) ?? '' })) };
    case 'department':
      return { departments: ids.map((id) => ({ openapi_id: String(depts.get(id) ?? '') })) };
    case 'attachment':
      return { files: ids.map((file_id) => ({ file_id })) };
  }
}

export function oaRoutes(facade: FastifyInstance, deps: Deps): void {
  const app = facade.withTypeProvider<TypeBoxTypeProvider>();
  const db = deps.db;
  const query = Type.Object({ access_token: Type.Optional(Type.String()) });
  const route = { config: { wecomToken: true }, schema: { hide: true, querystring: query } } as const;

  app.post('/cgi-bin/oa/applyevent', { ...route, schema: { ...route.schema, body: ApplyBody } }, async (request) => {
    const call = wecomCall(deps, request);
    const corpId = call.holder.corpId;
    const body = request.body;
    const reach = await appMembers(db, call);
    // The approvers come from the template, as in Banyan's own console.
    if (Number(body.use_template_approver ?? 1) !== 1) throw param('use_template_approver must be 1: the approvers come from the template');
    const creator = (await memberIdsByUserid(db, corpId, [body.creator_userid])).get(body.creator_userid);
    if (!creator) throw new WecomError(60111, 'userid not found');
    if (!reach.has(creator)) throw new WecomError(60011, 'no privilege to access the member');
    const template = await call.run(approvalApi.template, body.template_id);
    const fields = new Map(template.form.map((f) => [f.id, f]));
    const form: Record<string, string | number | string[]> = {};
    for (const content of body.apply_data.contents) {
      const field = fields.get(content.id);
      if (!field) throw param(`unknown control ${content.id}`);
      form[content.id] = await formValue(db, corpId, field.type, content.id, content.value);
    }
    const result = await call.run(approvalApi.submit, { memberId: creator, body: { templateId: template.id, form } });
    return { errcode: 0, errmsg: 'ok', sp_no: result.instanceId };
  });

  app.post('/cgi-bin/oa/getapprovalinfo', { ...route, schema: { ...route.schema, body: InfoBody } }, async (request) => {
    const call = wecomCall(deps, request);
    const corpId = call.holder.corpId;
    const body = request.body;
    const reach = await appMembers(db, call);
    const from = Number(body.starttime);
    const to = Number(body.endtime);
    if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) throw param('starttime and endtime are Unix seconds, starttime first');
    if (to - from > 31 * 86400) throw param('the time window is at most 31 days');
    const size = Number(body.size ?? 100);
    if (!Number.isInteger(size) || size < 1 || size > 100) throw param('size is 1 to 100');
    // Old clients send `cursor` (an int), new ones `new_cursor` (a string): both are the offset here.
    const offset = Number(body.new_cursor || body.cursor || 0);
    if (!Number.isInteger(offset) || offset < 0) throw param('invalid cursor');

    let templateId: string | undefined;
    let applicants = [...reach];
    let statuses: RequestDetail['status'][] | undefined;
    for (const { key, value } of [...(body.filters ?? []), ...(body.filter ?? [])]) {
      if (key === 'template_id') templateId = String(value);
      else if (key === 'creator') {
        const id = (await memberIdsByUserid(db, corpId, [String(value)])).get(String(value));
        applicants = id && reach.has(id) ? [id] : [];
      } else if (key === 'sp_status') {
        const code = Number(value);
        if (!KNOWN_SP_STATUS.has(code)) throw param(`unknown sp_status ${value}`);
        statuses = (Object.keys(SP_STATUS) as RequestDetail['status'][]).filter((s) => SP_STATUS[s] === code);
      } else throw param(`unsupported filter ${key}`);
    }
    const page = await call.run(approvalApi.ids, { from: from * 1000, to: to * 1000 + 999, templateId, applicantIds: applicants, statuses, offset, limit: size });
    const next = page.more ? offset + page.ids.length : undefined;
    return { errcode: 0, errmsg: 'ok', sp_no_list: page.ids, ...(next === undefined ? {} : { next_cursor: next, new_next_cursor: String(next) }) };
  });

  app.post('/cgi-bin/oa/getapprovaldetail', { ...route, schema: { ...route.schema, body: Type.Object({ sp_no: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Integer()]) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    const corpId = call.holder.corpId;
    const reach = await appMembers(db, call);
    const detail = await call.run(approvalApi.detail, { instanceId: String(request.body.sp_no), mayRead: async (applicantId) => reach.has(applicantId) });
    const people = await membersByIds(db, corpId, [detail.applicantId, ...detail.tasks.map((t) => t.assigneeId), ...detail.fields.flatMap((f) => (f.type === 'member' ? ((detail.form[f.id] as string[] | undefined) ?? []) : []))]);
    const userids = new Map([...people.values()].map((m) => [m.id, m.userid]));
    const depts = (await idMap(db, corpId, 'department')).toWecom;
    return {
      errcode: 0,
      errmsg: 'ok',
      info: {
        ...approvalProgress(detail, userids),
        apply_data: { contents: detail.fields.map((f) => ({ control: CONTROL[f.type], id: f.id, title: zh(f.label), value: wecomValue(f.type, detail.form[f.id], userids, depts) })) },
        comments: [],
      },
    };
  });

  app.post('/cgi-bin/oa/gettemplatedetail', { ...route, schema: { ...route.schema, body: Type.Object({ template_id: Type.String({ minLength: 1, maxLength: 64 }) }) } }, async (request) => {
    const call = wecomCall(deps, request);
    await appMembers(db, call);
    const template = await call.run(approvalApi.template, request.body.template_id);
    return {
      errcode: 0,
      errmsg: 'ok',
      template_names: zh(template.name),
      template_content: {
        controls: template.form.map((f) => ({
          property: { control: CONTROL[f.type], id: f.id, title: zh(f.label), placeholder: [], require: f.required ? 1 : 0, un_print: 0 },
          config:
            f.type === 'select' || f.type === 'multiselect'
              ? { selector: { type: f.type === 'select' ? 'single' : 'multi', options: (f.options ?? []).map((o) => ({ key: o, value: zh(o) })) } }
              : f.type === 'member' || f.type === 'department'
                ? { contact: { type: 'multi', mode: f.type === 'member' ? 'user' : 'department' } }
                : f.type === 'date'
                  ? { date: { type: 'day' } }
                  : {},
        })),
      },
    };
  });
}
