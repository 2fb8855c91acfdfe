import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Clock } from './clock.ts';
import type { Commands } from './command.ts';
import type { DialectName } from './db/database.ts';
import type { Db } from './db/tables.ts';
import type { JobRunner } from './jobs.ts';
import type { Registry } from './module.ts';
import type { Mailer } from './mail.ts';
import type { Outbox } from './outbox.ts';
import type { ReadCaches } from './http/read-cache.ts';

/** What a module's routes and jobs are built with. Services never reach for these globally. */
export interface Deps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  config: Config;
  registry: Registry;
  commands: Commands;
  outbox: Outbox;
  jobs: JobRunner;
  log: FastifyBaseLogger;
  /** Short-lived read caches, cleared after every write request (see ReadCache). */
  caches: ReadCaches;
  /** Invitations and password resets: SMTP when configured, else the log (see mail.ts). */
  mailer: Mailer;
}
