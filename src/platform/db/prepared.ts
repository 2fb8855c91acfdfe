import type { Compilable, CompiledQuery, Kysely, QueryResult, RawBuilder } from 'kysely';
import type { Executor } from './tables.ts';

/**
 * Stands in for a parameter while the query is built; replaced by the caller's value at each run
 * (of row `row` of the caller's rows, for a query of several rows).
 */
class Slot {
  constructor(
    readonly name: string,
    readonly row?: number,
  ) {}
}

/** A missing value would be bound as NULL where the builder would have left the column out: refused. */
function valueOf(params: object, slot: Slot): unknown {
  const source = (slot.row === undefined ? params : (params as unknown[])[slot.row]) as Record<string, unknown> | undefined;
  const value = source?.[slot.name];
  if (value === undefined) throw new Error(`prepared query: no value for parameter ${slot.name}${slot.row === undefined ? '' : ` of row ${slot.row}`}`);
  return value;
}

type Slots<P> = { readonly [K in keyof P]: P[K] };

/** The SQL of every prepared query compiled so far, by the name its statement is prepared under. */
const statementNames = new Map<string, string>();

/**
 * The name a prepared query's SQL is run under on PostgreSQL (see `database.ts`): a named statement is
 * parsed and planned once per connection, then only bound and executed. Other SQL (built per call,
 * with lists of varying length) stays unnamed, so a connection never accumulates statements.
 */
export function statementName(text: string): string | undefined {
  return statementNames.get(text);
}

/**
 * `preparedFor<ModuleTables>()` gives a module its `prepared`, typed to its own tables.
 *
 * A query on a hot path, built with the query builder once and then run many times with new
 * values. Kysely builds and compiles a query anew on every call, which costs more than SQLite takes
 * to run a small one (≈ 13 µs a query against ≈ 2 µs here). `build` receives placeholders for the
 * parameters — use them only as values (in `where`, `values`, `set`), never in JavaScript logic —
 * and the compiled SQL is kept per SQL dialect. `build` may also give a `sql` template, for what the
 * builder cannot say (data-modifying CTEs feeding one another).
 */
export function preparedFor<T>() {
  return <P extends Record<string, unknown>, R>(build: (db: Kysely<T>, params: Slots<P>) => Compilable<R> | RawBuilder<R>) => prepared(build);
}

/**
 * `preparedRowsFor<ModuleTables>()`: a statement of a fixed number of rows on a hot path (an
 * import's full batches), built and compiled once like `preparedFor`'s: `build` receives `count`
 * rows of placeholders, and each run binds the values of exactly `count` rows, row by row.
 */
export function preparedRowsFor<T>() {
  return <P extends Record<string, unknown>, R>(count: number, build: (db: Kysely<T>, rows: Slots<P>[]) => Compilable<R>) => {
    const rows = Array.from({ length: count }, (_, row) => new Proxy({} as Slots<P>, { get: (_, name) => new Slot(String(name), row) }));
    const query = prepared<T, P[], R>((db) => build(db, rows));
    return {
      async execute(db: Executor, values: P[]): Promise<QueryResult<R>> {
        if (values.length !== count) throw new Error(`prepared rows: ${values.length} rows given to a statement of ${count}`);
        return query.execute(db, values);
      },
    };
  };
}

function prepared<T, P extends object, R>(build: (db: Kysely<T>, params: Slots<P>) => Compilable<R> | RawBuilder<R>) {
  const compiled = new Map<unknown, CompiledQuery<R>>();
  const slots = new Proxy({} as Slots<P>, { get: (_, name) => new Slot(String(name)) });

  function compile(db: Executor): CompiledQuery<R> {
    // The adapter's class stands for the dialect: the SQL depends on nothing else.
    const dialect = db.getExecutor().adapter.constructor;
    let query = compiled.get(dialect);
    if (!query) {
      const built = build(db as unknown as Kysely<T>, slots);
      query = 'isRawBuilder' in built ? built.compile(db) : built.compile();
      compiled.set(dialect, query);
      if (!statementNames.has(query.sql)) statementNames.set(query.sql, `banyan_${statementNames.size + 1}`);
    }
    return query;
  }

  return {
    async execute(db: Executor, params: P): Promise<QueryResult<R>> {
      const query = compile(db);
      return db.executeQuery<R>({ ...query, parameters: query.parameters.map((value) => (value instanceof Slot ? valueOf(params, value) : value)) });
    },
  };
}
