import { defineModule } from './module.ts';
import { CommonErrors } from './errors.ts';
import { PolicyErrors } from './policy/errors.ts';
import { deleteExpiredSessions, SESSION_SWEEP_JOB } from './auth/sessions.ts';
import * as platformTables from './db/migrations/0001_platform.ts';
import * as sessionExpiry from './db/migrations/0004_session_expiry.ts';
import * as rateLimits from './db/migrations/0110_rate_limits.ts';
import * as outboxByCorp from './db/migrations/0180_outbox_by_corp.ts';
import * as signInThrottle from './db/migrations/0140_sign_in_throttle.ts';
import { deleteStaleThrottles, THROTTLE_SWEEP_JOB } from './auth/lockout.ts';
import * as auditOutcome from './db/migrations/0120_audit_outcome.ts';
import * as sessionPasswordChange from './db/migrations/0200_session_password_change.ts';
import { deleteStaleRateLimits, RATE_LIMIT_SWEEP_JOB } from './http/rate-limit-store.ts';

/** The platform's own part of the registry: its tables, its error codes and the session sweep. */
export const platformManifest = defineModule({
  name: 'platform',
  tables: { sessions: 'local', audit_log: 'tenant', outbox: 'tenant', outbox_receipts: 'tenant', jobs: 'local', idempotency_keys: 'tenant', rate_limits: 'local', sign_in_throttle: 'local' },
  migrations: { '0001_platform': platformTables, '0004_session_expiry': sessionExpiry, '0110_rate_limits': rateLimits, '0120_audit_outcome': auditOutcome, '0140_sign_in_throttle': signInThrottle, '0180_outbox_by_corp': outboxByCorp, '0200_session_password_change': sessionPasswordChange },
  errors: { ...CommonErrors, ...PolicyErrors },
  jobs: [
    {
      kind: SESSION_SWEEP_JOB,
      // Hourly, at minute 17: an expired session signs nobody in; this keeps the table small.
      schedule: '17 * * * *',
      run: async (_job, ctx) => ({ deleted: await deleteExpiredSessions(ctx.db, ctx.now) }),
    },
    {
      kind: RATE_LIMIT_SWEEP_JOB,
      // Every ten minutes: counters of windows long over.
      schedule: '*/10 * * * *',
      run: async (_job, ctx) => ({ deleted: await deleteStaleRateLimits(ctx.db, ctx.now) }),
    },
    {
      kind: THROTTLE_SWEEP_JOB,
      // Hourly, at minute 23: sign-in throttles quiet for a day count from nothing again.
      schedule: '23 * * * *',
      run: async (_job, ctx) => ({ deleted: await deleteStaleThrottles(ctx.db, ctx.now) }),
    },
  ],
});
