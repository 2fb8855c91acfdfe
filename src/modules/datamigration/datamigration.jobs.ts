import { systemCtx, type JobHandler } from '../../platform/jobs.ts';
import type { MovePayload } from './datamigration.service.ts';
import { runBatch, type BatchOutcome } from './move.service.ts';

/**
 * Moves a migration's customers, one transaction per batch, reading the clock afresh for each (a
 * certification that lapses mid-way halts the next batch). Each report renews the lease; a worker
 * killed mid-batch leaves that batch uncommitted, and the next claim resumes from the last cursor.
 */
export const moveJob: JobHandler = async (job, jobCtx) => {
  const { corpId, migrationId } = job.payload as MovePayload;
  for (;;) {
    const outcome: BatchOutcome = await jobCtx.db.transaction().execute((trx) => runBatch({ ...systemCtx(jobCtx, corpId, trx), now: jobCtx.clock.now() }, migrationId));
    await jobCtx.progress(outcome.done, outcome.total);
    if (outcome.finished) return outcome;
  }
};
