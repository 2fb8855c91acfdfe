import { Migrator, type Migration } from 'kysely';
import type { Db } from './schema.ts';

/**
 * Applies pending migrations. Kysely's migrator holds a lock for the whole run (an advisory lock on
 * PostgreSQL), so two servers starting at once apply each migration exactly once.
 */
export async function migrateToLatest(db: Db, migrations: Record<string, Migration>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
