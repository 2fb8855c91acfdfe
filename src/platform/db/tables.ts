import type { Kysely, Transaction } from 'kysely';

/**
 * The database as the platform hands it around: a handle whose tables its holder does not know.
 * A module sees its own tables, and only those, through the accessor its `<m>.tables.ts` makes with
 * `tableAccess<ModuleTables>()`. Another module's tables are not in that type, so a query on them
 * does not compile: a module that needs another's data calls a function of that module's index.ts.
 */
export type NoTables = Record<never, never>;

/** The global handle (one per server): only the platform, job handlers and adapters hold it. */
export type Db = Kysely<NoTables>;
/** An open transaction. Write commands receive one, so the global handle cannot be passed in. */
export type Tx = Transaction<NoTables>;
/** Anything a read can run on: the database or an open transaction. */
export type Executor = Db;

/** Turns a handle into one typed to exactly the tables `T`: a transaction stays a transaction. */
export interface TableAccess<T> {
  (handle: Tx): Transaction<T>;
  (handle: Executor): Kysely<T>;
}

export function tableAccess<T>(): TableAccess<T> {
  return ((handle: Executor) => handle) as unknown as TableAccess<T>;
}

/** Booleans are stored as 0/1 in both engines; convert at the repository boundary. */
export type Flag = 0 | 1;
export const flag = (value: boolean): Flag => (value ? 1 : 0);
