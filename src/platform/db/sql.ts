import { sql, type RawBuilder } from 'kysely';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * `column LIKE pattern ESCAPE '\'`: the ESCAPE clause is spelled out because SQLite has no
 * default escape character while PostgreSQL uses the backslash.
 */
export function like(column: string, mode: 'prefix' | 'contains', text: string): RawBuilder<boolean> {
  const pattern = mode === 'prefix' ? `${escapeLike(text)}%` : `%${escapeLike(text)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
