/**
 * Whether a database error is a unique violation of the named index/constraint, on either engine.
 * Services check first for a friendly error; this catches the race where two requests pass the check.
 */
export function isUniqueViolation(error: unknown, name: string, sqliteColumns: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e.code === '23505') return e.constraint === name;
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return (e.message ?? '').includes(sqliteColumns);
  return false;
}
