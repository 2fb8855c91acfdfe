import { command } from '../../platform/command.ts';
import type { SubmitInput } from './submission.service.ts';
import { submitRequest } from './submission.service.ts';
import { getTemplate } from './templates.service.ts';
import { requestForApi, requestIds, type RequestFilter } from './queries.service.ts';

/**
 * The commands an API client (the WeCom API's oa/* calls) runs with `approvals.api`: submit for a
 * member the client vouches for, list and read requests, read a template. The engine's rules are
 * the same as for a member in the console: the submission goes through submitRequest as the member.
 */
export const approvalApi = {
  submit: command({ right: 'approvals.api', tx: 'plain' }, (ctx, input: { memberId: string; body: SubmitInput }) => submitRequest(ctx, input.memberId, input.body)),
  ids: command({ right: 'approvals.api', tx: 'read' }, (ctx, filter: RequestFilter) => requestIds(ctx.trx, ctx.corpId, filter)),
  detail: command({ right: 'approvals.api', tx: 'read' }, (ctx, input: { instanceId: string; mayRead: (applicantId: string) => Promise<boolean> }) => requestForApi(ctx, input.instanceId, input.mayRead)),
  template: command({ right: 'approvals.api', tx: 'read' }, (ctx, templateId: string) => getTemplate(ctx.trx, ctx.corpId, templateId)),
};
