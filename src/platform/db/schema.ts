import type { Kysely, Transaction } from 'kysely';

/**
 * Every table of Banyan. Each module adds its own tables to this interface by declaration merging
 * (`declare module '../../platform/db/schema.ts' { interface Tables { ... } }`), so the module owns
 * its table types next to its queries while Kysely still sees one database.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Tables {}

export type Db = Kysely<Tables>;
export type Trx = Transaction<Tables>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Kysely<Tables>;

/** Booleans are stored as 0/1 in both engines; convert at the repository boundary. */
export type Flag = 0 | 1;
export const flag = (value: boolean): Flag => (value ? 1 : 0);
