import type { Ctx } from '../../platform/context.ts';
import type { DemoState } from '../../platform/module.ts';
import { directoryDemo } from '../directory/index.ts';
import { newId } from '../../platform/ids.ts';
import { DEFAULT_SETTINGS, type TemplateInput } from './approval.model.ts';
import { checkTemplate } from './templates.service.ts';
import { tables } from './approval.tables.ts';

/**
 * The demo's 审批: 报销 (a condition on the amount, department heads, a cashier as handler, the
 * applicant CC'd) and 请假 (the applicant's head). The cashier is the first member of the tree.
 */
export async function fillDemoApprovals(ctx: Ctx, state: DemoState): Promise<void> {
  const { corpId, trx, now } = ctx;
  const cashier = { id: directoryDemo(state).memberIds[0]! };
  const templates: TemplateInput[] = [
    {
      name: '报销',
      description: '差旅、餐费等费用报销',
      form: [
        { id: 'amount', type: 'money', label: '报销金额', required: true },
        { id: 'kind', type: 'select', label: '费用类型', required: true, options: ['差旅', '餐费', '办公用品', '其他'] },
        { id: 'reason', type: 'text', label: '报销事由', required: true },
        { id: 'files', type: 'attachment', label: '票据', required: false },
      ],
      flow: [
        {
          id: 'amount_check',
          kind: 'condition',
          name: '按金额',
          branches: [
            { id: 'big', name: '5000 元及以上', clauses: [{ type: 'field', fieldId: 'amount', op: 'gte', value: 500_000 }], nodes: [{ id: 'head2', kind: 'approver', name: '上级负责人', assignee: { type: 'head', direction: 'up', level: 2, mode: 'any' } }] },
            { id: 'other', name: '其他情况', clauses: [], nodes: [] },
          ],
        },
        { id: 'head1', kind: 'approver', name: '部门负责人', assignee: { type: 'head', direction: 'up', level: 1, mode: 'any' } },
        { id: 'pay', kind: 'handler', name: '出纳打款', assignee: { type: 'members', memberIds: [cashier.id], mode: 'any' } },
        { id: 'notify', kind: 'cc', name: '抄送申请人', assignee: { type: 'applicant' } },
      ],
      settings: { ...DEFAULT_SETTINGS, repeatApprover: 'consecutive', requireHandlingComment: true },
    },
    {
      name: '请假',
      description: '年假、事假、病假',
      form: [
        { id: 'type', type: 'select', label: '请假类型', required: true, options: ['年假', '事假', '病假'] },
        { id: 'start', type: 'date', label: '开始日期', required: true },
        { id: 'days', type: 'number', label: '天数', required: true },
        { id: 'reason', type: 'text', label: '请假事由', required: false },
      ],
      flow: [{ id: 'head1', kind: 'approver', name: '部门负责人', assignee: { type: 'head', direction: 'up', level: 1, mode: 'any' } }],
      settings: DEFAULT_SETTINGS,
    },
  ];
  for (const t of templates) {
    checkTemplate(t);
    await tables(trx)
      .insertInto('approval_templates')
      .values({ corp_id: corpId, id: newId('apt', now), name: t.name, description: t.description ?? '', form_json: JSON.stringify(t.form), flow_json: JSON.stringify(t.flow), settings_json: JSON.stringify(t.settings), version: 1, archived: 0, builtin_kind: null, visibility_json: null, assistants_json: '[]', created_at: now, updated_at: now })
      .execute();
  }
}
