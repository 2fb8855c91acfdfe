/**
 * 审批: templates (form, flow, rule settings), requests and their tasks. The engine is split by
 * concern: submission, actions, hand-overs, edits after approval, the state machine of one request
 * (flow.ts) and the notices it sends (notifications.ts, delivered by the inbox).
 */
import { defineModule } from '../../platform/module.ts';
import { approvalAuditNames } from './approval.audit.ts';
import { ApprovalErrors } from './approval.errors.ts';
import { ApprovalEvents } from './approval.events.ts';
import { approvalRights } from './approval.policy.ts';
import { approvalRoutes } from './approval.routes.ts';
import { approvalSubscribers } from './approval.subscribers.ts';
import { fillDemoApprovals } from './approval.demo.ts';
import * as approvalTables from './migrations/0050_approval.ts';
import * as taskOrder from './migrations/0051_approval_task_order.ts';
import * as builtinTemplates from './migrations/0052_approval_builtin_templates.ts';
import * as templateAccess from './migrations/0410_approval_template_access.ts';

export const approvalModule = defineModule({
  name: 'approval',
  tables: { approval_templates: 'tenant', approval_instances: 'tenant', approval_tasks: 'tenant', approval_events: 'tenant', approval_edit_requests: 'tenant' },
  migrations: { '0050_approval': approvalTables, '0051_approval_task_order': taskOrder, '0052_approval_builtin_templates': builtinTemplates, '0410_approval_template_access': templateAccess },
  errors: ApprovalErrors,
  rights: approvalRights,
  events: ApprovalEvents,
  subscribers: approvalSubscribers,
  auditNames: approvalAuditNames,
  routes: approvalRoutes,
  demo: fillDemoApprovals,
});

export { ApprovalEvents };
export { approvalCounts } from './counts.ts';
export { approvalApi } from './approval.api.ts';
export type { RequestDetail } from './queries.service.ts';
/** A request's detail read by an adapter that decides itself who may read it (the callbacks: the system reads all). */
export { requestForApi } from './queries.service.ts';
export type { Template, TemplateInput } from './approval.model.ts';
/** 数据资产交接: a departed member's open tasks, counted and handed to a successor. */
export { handOverTasksOf, openTasksOf } from './handover.service.ts';
export { DEFAULT_SETTINGS } from './approval.model.ts';
/** Built-in templates: a module owns a kind, submits its members' requests and hears `approval.builtin_decided`. */
export { ensureBuiltinTemplate, type BuiltinTemplateSpec } from './templates.service.ts';
export { submitBuiltinRequest } from './submission.service.ts';
