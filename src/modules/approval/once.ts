import type { Ctx } from '../../platform/context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import type { InstanceStatus, TaskStatus } from './approval.tables.ts';

/** What every command on a request answers. */
export interface ActionResult {
  instanceId: string;
  instanceStatus: InstanceStatus;
  taskId: string | null;
  taskStatus: TaskStatus | null;
  version: number;
}

/**
 * A command of one member, once per idempotency key: the key is the member's own (two members may
 * use the same text), a replay returns the first answer and the same key with another request is
 * refused. Without a key the command simply runs.
 */
export function onceFor<T>(ctx: Ctx, memberId: string, key: string | undefined, request: unknown, run: () => Promise<T>): Promise<T> {
  return key ? idempotent(ctx, `approval:${memberId}:${key}`, request, run) : run();
}
