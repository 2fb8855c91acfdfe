import type { KyselyPlugin, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Executor } from '../../src/platform/db/tables.ts';

/**
 * `db` seen through a counter of the statements run on it, prepared ones (platform/db/prepared.ts)
 * included: for tests that hold a path to a number of round trips.
 */
export function countingStatements(db: Executor): { db: Executor; count(): number } {
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args): RootOperationNode => args.node,
    transformResult: async (args): Promise<QueryResult<UnknownRow>> => {
      statements++;
      return args.result;
    },
  };
  return { db: db.withPlugin(counter), count: () => statements };
}
