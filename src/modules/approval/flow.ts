import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { publish } from '../../platform/events.ts';
import { ApprovalEvents } from './approval.events.ts';
import { activeMemberIds } from '../directory/index.ts';
import { DEFAULT_SETTINGS, type ReasonLine, type ResolvedStep, type Settings, type Template } from './approval.model.ts';
import type { InstanceStatus, TaskKind, TaskStatus } from './approval.tables.ts';
import { prepared, tables, type ApprovalTables } from './approval.tables.ts';
import { notify, remindAdmins } from './notifications.ts';

/**
 * The state machine of one request, held in one place. A `RequestFlow` is the request's row, its
 * resolved steps and its tasks as this command sees them; every change goes through its methods,
 * which write the row and keep the copy in step, so nothing else writes a task or the request.
 *
 * Every command is one transaction whose first write locks the request (`version = version + 1`),
 * so commands on one request run one at a time on both engines; a task closes only by a
 * compare-and-set from its open status.
 */

export interface Snapshot {
  form: Template['form'];
  flow: Template['flow'];
  settings: Settings;
  templateVersion: number;
}

export type InstanceRow = Pick<
  ApprovalTables['approval_instances'],
  'id' | 'template_name' | 'builtin_kind' | 'snapshot_json' | 'applicant_id' | 'submitter_id' | 'status' | 'form_json' | 'path_json' | 'current_step' | 'version'
>;

export type TaskRow = Pick<ApprovalTables['approval_tasks'], 'id' | 'instance_id' | 'step' | 'node_id' | 'kind' | 'seq' | 'assignee_id' | 'status'>;

export interface NewTask {
  step: number;
  nodeId: string;
  kind: TaskKind;
  seq: number;
  assigneeId: string;
  status: TaskStatus;
  reasons: ReasonLine[];
}

/** Trail actions that are a WeCom StatuChangeEvent (sys_approval_change). */
const STATUS_CHANGE: Partial<Record<string, number>> = { submitted: 1, approve: 2, reject: 3, transfer: 4, withdraw: 6 };

export interface TrailEntry {
  taskId?: string | null;
  actorId: string | null;
  action: string;
  comment?: string | null;
  details?: Record<string, unknown>;
}

export const line = (code: string, text: string, data?: Record<string, unknown>): ReasonLine => (data ? { code, text, data } : { code, text });

const APPROVED: readonly TaskStatus[] = ['approved', 'auto_approved'];
const OPEN: readonly TaskStatus[] = ['pending', 'waiting'];

/**
 * A request's snapshot never changes, and every request of one template version has the same text:
 * parsed once per text (about 30 µs a parse, on every action otherwise). Frozen, since it is shared.
 */
const parsedSnapshots = new Map<string, Snapshot>();

export function parseSnapshot(json: string): Snapshot {
  let snapshot = parsedSnapshots.get(json);
  if (!snapshot) {
    if (parsedSnapshots.size >= 256) parsedSnapshots.clear();
    const parsed = JSON.parse(json) as Snapshot;
    // Settings added since a request was submitted read as their defaults (撤销权限 came later).
    snapshot = deepFreeze({ ...parsed, settings: { ...DEFAULT_SETTINGS, ...parsed.settings } });
    parsedSnapshots.set(json, snapshot);
  }
  return snapshot;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// The statements of the action path, prepared once.
const lockInstanceRow = prepared((db, p: { corpId: string; instanceId: string; status: InstanceStatus; now: number }) =>
  db
    .updateTable('approval_instances')
    .set({ version: sql<number>`version + 1`, updated_at: p.now })
    .where('corp_id', '=', p.corpId)
    .where('id', '=', p.instanceId)
    .where('status', '=', p.status)
    .returning(['id', 'template_name', 'builtin_kind', 'snapshot_json', 'applicant_id', 'submitter_id', 'status', 'form_json', 'path_json', 'current_step', 'version']),
);
const insertEvent = prepared((db, p: ApprovalTables['approval_events']) =>
  db.insertInto('approval_events').values({ corp_id: p.corp_id, id: p.id, instance_id: p.instance_id, task_id: p.task_id, actor_id: p.actor_id, action: p.action, comment: p.comment, details_json: p.details_json, at: p.at }),
);
const tasksOfInstance = prepared((db, p: { corpId: string; instanceId: string }) =>
  db.selectFrom('approval_tasks').select(['id', 'instance_id', 'step', 'node_id', 'kind', 'seq', 'assignee_id', 'status']).where('corp_id', '=', p.corpId).where('instance_id', '=', p.instanceId).orderBy('id'),
);
const insertTaskRow = prepared((db, p: ApprovalTables['approval_tasks']) =>
  db.insertInto('approval_tasks').values({
    corp_id: p.corp_id,
    id: p.id,
    instance_id: p.instance_id,
    step: p.step,
    node_id: p.node_id,
    kind: p.kind,
    seq: p.seq,
    assignee_id: p.assignee_id,
    status: p.status,
    comment: p.comment,
    signature: p.signature,
    reason_json: p.reason_json,
    created_at: p.created_at,
    acted_at: p.acted_at,
  }),
);
const setStep = prepared((db, p: { corpId: string; instanceId: string; step: number }) =>
  db.updateTable('approval_instances').set({ current_step: p.step }).where('corp_id', '=', p.corpId).where('id', '=', p.instanceId),
);
/** Closes a pending task by compare-and-set: only one command ever closes it. */
const closeTaskRow = prepared((db, p: { corpId: string; taskId: string; status: TaskStatus; comment: string | null; signature: string | null; now: number }) =>
  db.updateTable('approval_tasks').set({ status: p.status, comment: p.comment, signature: p.signature, acted_at: p.now }).where('corp_id', '=', p.corpId).where('id', '=', p.taskId).where('status', '=', 'pending'),
);

export class RequestFlow {
  #tasks: TaskRow[] | undefined;
  /** Tasks of earlier rounds (before a 退回): history, not counted when a step settles or repeats. */
  readonly #superseded = new Set<string>();

  private constructor(
    private readonly ctx: Ctx,
    readonly row: InstanceRow,
    readonly snapshot: Snapshot,
    readonly steps: ResolvedStep[],
    tasks: TaskRow[] | undefined,
  ) {
    this.#tasks = tasks;
  }

  /** Locks the request for this command, or undefined when it is not in the wanted status. */
  static async lock(ctx: Ctx, instanceId: string, status: InstanceStatus): Promise<RequestFlow | undefined> {
    const row = (await lockInstanceRow.execute(ctx.trx, { corpId: ctx.corpId, instanceId, status, now: ctx.now })).rows[0];
    if (!row) return undefined;
    return new RequestFlow(ctx, row, parseSnapshot(row.snapshot_json), JSON.parse(row.path_json) as ResolvedStep[], undefined);
  }

  /** A request inserted by this command: it has no tasks yet. */
  static started(ctx: Ctx, row: InstanceRow, snapshot: Snapshot, steps: ResolvedStep[]): RequestFlow {
    return new RequestFlow(ctx, row, snapshot, steps, []);
  }

  get settings(): Settings {
    return this.snapshot.settings;
  }

  /** The tasks of the current round, read once per command. */
  async tasks(): Promise<readonly TaskRow[]> {
    this.#tasks ??= (await tasksOfInstance.execute(this.ctx.trx, { corpId: this.ctx.corpId, instanceId: this.row.id })).rows;
    return this.#tasks.filter((t) => !this.#superseded.has(t.id));
  }

  /** Adds a line to a request's trail (append-only history: no lock needed). */
  static async record(ctx: Ctx, instanceId: string, e: TrailEntry): Promise<void> {
    await insertEvent.execute(ctx.trx, { corp_id: ctx.corpId, id: newId('ape', ctx.now), instance_id: instanceId, task_id: e.taskId ?? null, actor_id: e.actorId, action: e.action, comment: e.comment ?? null, details_json: JSON.stringify(e.details ?? {}), at: ctx.now });
    const change = STATUS_CHANGE[e.action];
    if (change !== undefined) await publish(ctx, ApprovalEvents['approval.changed'], { instanceId, change });
  }

  event(e: TrailEntry): Promise<void> {
    return RequestFlow.record(this.ctx, this.row.id, e);
  }

  async addTask(t: NewTask): Promise<TaskRow> {
    const { ctx } = this;
    const id = newId('apk', ctx.now);
    await insertTaskRow.execute(ctx.trx, {
      corp_id: ctx.corpId,
      id,
      instance_id: this.row.id,
      step: t.step,
      node_id: t.nodeId,
      kind: t.kind,
      seq: t.seq,
      assignee_id: t.assigneeId,
      status: t.status,
      comment: null,
      signature: null,
      reason_json: JSON.stringify(t.reasons),
      created_at: ctx.now,
      acted_at: t.status === 'auto_approved' || t.status === 'notified' ? ctx.now : null,
    });
    const task: TaskRow = { id, instance_id: this.row.id, step: t.step, node_id: t.nodeId, kind: t.kind, seq: t.seq, assignee_id: t.assigneeId, status: t.status };
    await this.tasks();
    this.#tasks!.push(task);
    return task;
  }

  /** Closes the actor's pending task; false when someone else closed it first. */
  async closeTask(taskId: string, status: TaskStatus, comment: string | null, signature: string | null): Promise<boolean> {
    const { ctx } = this;
    const closed = await closeTaskRow.execute(ctx.trx, { corpId: ctx.corpId, taskId, status, comment, signature, now: ctx.now });
    if (Number(closed.numAffectedRows) === 0) return false;
    const task = this.#tasks?.find((t) => t.id === taskId);
    if (task) task.status = status;
    return true;
  }

  /** Moves a task from one of `from` to `to` (compare-and-set); `acted` stamps the time it closed. */
  async moveTask(task: TaskRow, to: TaskStatus, from: readonly TaskStatus[], acted: boolean): Promise<void> {
    const { ctx } = this;
    await tables(ctx.trx)
      .updateTable('approval_tasks')
      .set(acted ? { status: to, acted_at: ctx.now } : { status: to })
      .where('corp_id', '=', ctx.corpId)
      .where('id', '=', task.id)
      .where('status', 'in', [...from])
      .execute();
    task.status = to;
  }

  async setCurrentStep(step: number): Promise<void> {
    this.row.current_step = step;
    await setStep.execute(this.ctx.trx, { corpId: this.ctx.corpId, instanceId: this.row.id, step });
  }

  /** Cancels every open task of the request (a finish, a 退回). */
  async cancelOpenTasks(): Promise<void> {
    const { ctx } = this;
    await tables(ctx.trx).updateTable('approval_tasks').set({ status: 'cancelled', acted_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('instance_id', '=', this.row.id).where('status', 'in', [...OPEN]).execute();
    for (const t of this.#tasks ?? []) if (OPEN.includes(t.status)) t.status = 'cancelled';
  }

  /**
   * 退回: open tasks close, and the tasks from `step` on become history; the step starts again with
   * its configured people only. 加签 steps after it were added in the round being redone: they end
   * (marked `dropped`, kept in the path so the trail still shows who approved there), and an
   * approver who wants a temporary approver again adds one again.
   */
  async returnTo(step: number): Promise<void> {
    await this.cancelOpenTasks();
    for (const t of await this.tasks()) if (t.step >= step) this.#superseded.add(t.id);
    let dropped = false;
    for (let i = step + 1; i < this.steps.length; i++) {
      const s = this.steps[i]!;
      if (s.origin !== 'added' || s.dropped) continue;
      s.dropped = true;
      s.reasons.push(line('added_step_dropped_by_return', 'The request was returned to an earlier step: this temporary approver step ended'));
      dropped = true;
    }
    if (dropped) await this.#writePath();
  }

  /** Writes the request's path (its steps) after a 加签 or a 退回 changed it. */
  async #writePath(): Promise<void> {
    const { ctx } = this;
    await tables(ctx.trx).updateTable('approval_instances').set({ path_json: JSON.stringify(this.steps) }).where('corp_id', '=', ctx.corpId).where('id', '=', this.row.id).execute();
  }

  /** 加签: a new step right after `afterStep`, written into the request's path. */
  async insertStep(afterStep: number, step: ResolvedStep): Promise<void> {
    this.steps.splice(afterStep + 1, 0, step);
    await this.#writePath();
  }

  async finish(status: 'approved' | 'rejected' | 'withdrawn'): Promise<void> {
    const { ctx } = this;
    this.row.status = status;
    await tables(ctx.trx).updateTable('approval_instances').set({ status, finished_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', this.row.id).execute();
    await this.cancelOpenTasks();
    await this.event({ actorId: null, action: status });
    // A built-in template's owner (attendance's 补卡) acts on the result, after commit, once per request.
    if (this.row.builtin_kind !== null) await publish(ctx, ApprovalEvents['approval.builtin_decided'], { instanceId: this.row.id, kind: this.row.builtin_kind, applicantId: this.row.applicant_id, status });
    if (status !== 'withdrawn') await notify(ctx, [this.row.applicant_id], status, this.row, `approval:result:${this.row.id}`);
  }

  /**
   * Whether a step is done, given its tasks: 或签 when one approved, 会签 and 依次 when all did.
   * For 依次 the next waiting person becomes pending.
   */
  async settleStep(stepIndex: number): Promise<'done' | 'open'> {
    const step = this.steps[stepIndex]!;
    const mine = (await this.tasks()).filter((t) => t.step === stepIndex && t.kind !== 'cc');
    const done: readonly TaskStatus[] = [...APPROVED, 'handled'];
    if (step.mode === 'any') {
      if (!mine.some((t) => done.includes(t.status))) return 'open';
      // 或签: the others' tasks close as cancelled, in this transaction, so nobody else can act.
      for (const t of mine.filter((x) => OPEN.includes(x.status))) await this.moveTask(t, 'cancelled', OPEN, true);
      return 'done';
    }
    if (step.mode === 'sequential') {
      if (mine.some((t) => t.status === 'pending')) return 'open';
      const next = mine.filter((t) => t.status === 'waiting').sort((a, b) => a.seq - b.seq)[0];
      if (!next) return 'done';
      await this.moveTask(next, 'pending', ['waiting'], false);
      await notify(this.ctx, [next.assignee_id], step.kind === 'handler' ? 'handle' : 'approve', this.row, `approval:task:${next.id}`);
      return 'open';
    }
    return mine.some((t) => OPEN.includes(t.status)) ? 'open' : 'done';
  }

  /**
   * Moves the request forward from `fromStep`: CC steps notify and pass, auto-approved steps pass,
   * and the first step that needs someone gets its tasks. Past the last step the request is approved.
   * `justResolved`: the path was resolved in this transaction, so everyone on it is active.
   */
  async advance(fromStep: number, justResolved = false): Promise<void> {
    const { ctx, settings } = this;
    const activeOf = async (ids: string[]) => (justResolved ? new Set(ids) : activeMemberIds(ctx.trx, ctx.corpId, ids));
    for (let i = fromStep; i < this.steps.length; i++) {
      const step = this.steps[i]!;
      // A 加签 step ended by a 退回: nobody is asked there again.
      if (step.dropped) continue;
      if (step.kind === 'cc') {
        const active = await activeOf(step.assigneeIds);
        for (const id of step.assigneeIds.filter((x) => active.has(x))) {
          await this.addTask({ step: i, nodeId: step.nodeId, kind: 'cc', seq: 0, assigneeId: id, status: 'notified', reasons: [...step.reasons, ...(step.perAssignee[id] ?? [])] });
        }
        for (const t of (await this.tasks()).filter((x) => x.step === i && x.kind === 'cc')) await notify(ctx, [t.assignee_id], 'cc', this.row, `approval:task:${t.id}`);
        continue;
      }
      if (step.autoApproved) {
        await this.event({ actorId: null, action: 'step_auto_approved', details: { step: i, nodeId: step.nodeId, reasons: step.reasons } });
        continue;
      }
      const active = await activeOf(step.assigneeIds);
      const departedRule = step.kind === 'handler' ? settings.handlerDeparted : settings.approverDeparted;
      const created: TaskRow[] = [];
      let seq = 0;
      for (const assigneeId of step.assigneeIds) {
        const reasons = [...step.reasons, ...(step.perAssignee[assigneeId] ?? [])];
        let who = assigneeId;
        let remind = false;
        if (!active.has(assigneeId)) {
          // Left between submission and this step: the node kind's 成员离职时 rule applies.
          if (departedRule.action === 'handover' && departedRule.memberId === this.row.applicant_id) {
            // Never to the applicant: nobody approves their own request. The admins hand it over instead.
            remind = true;
            reasons.push(line('departed_rule_handover_is_applicant', 'The member left and the when-departed person is the applicant: the admins were reminded to hand over', { memberId: assigneeId }));
          } else if (departedRule.action === 'handover' && (await activeMemberIds(ctx.trx, ctx.corpId, [departedRule.memberId])).has(departedRule.memberId)) {
            who = departedRule.memberId;
            reasons.push(line('departed_rule_handover', 'The member left: handed over by the when-departed rule', { from: assigneeId, to: who }));
          } else {
            remind = true;
            reasons.push(line('departed_rule_remind_admin', 'The member left: the admins were reminded to hand over', { memberId: assigneeId }));
          }
        }
        const sequentialLater = step.mode === 'sequential' && seq > 0;
        let status: TaskStatus = sequentialLater ? 'waiting' : 'pending';
        if (step.kind === 'approver') {
          const repeat = repeatRuleApproves(settings.repeatApprover, this.steps, await this.tasks(), i, who);
          if (repeat) {
            reasons.push(repeat);
            status = 'auto_approved';
          }
        }
        const task = await this.addTask({ step: i, nodeId: step.nodeId, kind: step.kind, seq: seq++, assigneeId: who, status, reasons });
        created.push(task);
        if (remind) await remindAdmins(ctx, this.row, task.id);
      }
      // 依次: an auto-approved first person hands on to the next at once.
      if (step.mode === 'sequential') {
        const first = created.find((t) => t.status === 'waiting');
        if (first && !created.some((t) => t.status === 'pending')) await this.moveTask(first, 'pending', ['waiting'], false);
      }
      if ((await this.settleStep(i)) === 'done') continue;
      await this.setCurrentStep(i);
      for (const t of created.filter((x) => x.status === 'pending')) await notify(ctx, [t.assignee_id], step.kind === 'handler' ? 'handle' : 'approve', this.row, `approval:task:${t.id}`);
      return;
    }
    await this.finish('approved');
  }
}

/** 自动审批: whether this approver already approved the request in a way the setting counts. */
function repeatRuleApproves(rule: Settings['repeatApprover'], steps: ResolvedStep[], tasks: readonly TaskRow[], stepIndex: number, memberId: string): ReasonLine | undefined {
  if (rule === 'every') return undefined;
  const approvedAt = (i: number) => tasks.some((t) => t.step === i && t.kind === 'approver' && t.assignee_id === memberId && APPROVED.includes(t.status));
  if (rule === 'first_only') {
    for (let i = 0; i < stepIndex; i++) if (approvedAt(i)) return line('repeat_rule_first_only', 'Already approved this request: only the first node needs approval', { earlierStep: i });
    return undefined;
  }
  // consecutive: the nearest earlier step that is not a CC step must be an approver step this member approved.
  for (let i = stepIndex - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step.kind === 'cc') continue;
    if (step.kind === 'approver' && approvedAt(i)) return line('repeat_rule_consecutive', 'Approved the previous node: consecutive nodes approve automatically', { earlierStep: i });
    return undefined;
  }
  return undefined;
}
