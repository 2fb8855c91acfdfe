/**
 * A worker process for crash tests: opens the database (a SQLite data directory, or a PostgreSQL
 * URL with its schema), runs every due job at the given instant, prints how many ran and exits.
 * Usage: node --import tsx test/support/job-worker.ts <dataDir> <now ms> [databaseUrl pgSchema]
 */
import { buildApp } from '../../src/app.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { testConfig } from './app.ts';

const [dataDir, now, databaseUrl, pgSchema] = process.argv.slice(2);
const database = await openDatabase(databaseUrl ? { databaseUrl, pgSchema: pgSchema!, poolSize: 2 } : { dataDir: dataDir! });
const { app, deps } = await buildApp({ config: testConfig({ dataDir: dataDir! }), database, clock: new ManualClock(Number(now)) });
await app.ready();
const ran = await deps.jobs.runDue();
process.stdout.write(`${JSON.stringify({ ran })}\n`);
await app.close();
await database.close();
