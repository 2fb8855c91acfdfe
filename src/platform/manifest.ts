import { defineModule } from './module.ts';
import { CommonErrors } from './errors.ts';
import { PolicyErrors } from './policy/errors.ts';
import { deleteExpiredSessions, SESSION_SWEEP_JOB } from './auth/sessions.ts';
import * as platformTables from './db/migrations/0001_platform.ts';
import * as sessionExpiry from './db/migrations/0004_session_expiry.ts';

/** The platform's own part of the registry: its tables, its error codes and the session sweep. */
export const platformManifest = defineModule({
  name: 'platform',
  tables: { sessions: 'local', audit_log: 'tenant', outbox: 'local', outbox_receipts: 'local', jobs: 'local', idempotency_keys: 'tenant' },
  migrations: { '0001_platform': platformTables, '0004_session_expiry': sessionExpiry },
  errors: { ...CommonErrors, ...PolicyErrors },
  jobs: [
    {
      kind: SESSION_SWEEP_JOB,
      // Hourly, at minute 17: an expired session signs nobody in; this keeps the table small.
      schedule: '17 * * * *',
      run: async (_job, ctx) => ({ deleted: await deleteExpiredSessions(ctx.db, ctx.now) }),
    },
  ],
});
