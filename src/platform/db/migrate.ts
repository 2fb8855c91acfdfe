import { Migrator, type Migration } from 'kysely';
import type { Database } from './database.ts';

/**
 * Applies pending migrations. Kysely's migrator holds a lock for the whole run (an advisory lock on
 * PostgreSQL), so two servers starting at once apply each migration exactly once.
 */
export async function migrateToLatest(database: Database, migrations: Record<string, Migration>): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    // Each module numbers its migrations in its own range (directory 0010–0019, admin 0020–0029, …),
    // so a module's new migration may sort before another module's applied one.
    allowUnorderedMigrations: true,
    // Named explicitly: Kysely otherwise looks for its tables in every schema of the database.
    ...(database.pgSchema ? { migrationTableSchema: database.pgSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
