import type { Executor, Tx } from '../../platform/db/tables.ts';
import { tables } from './directory.tables.ts';

/**
 * 姓名搜索: a Chinese name substring (王芳) is found through `member_name_grams`, every one- and
 * two-character piece of each member's name, instead of a `LIKE '%王芳%'` scan of the enterprise
 * (a trigram index, FTS5 or pg_trgm, cannot serve a two-character search). Only ASCII letters are
 * folded, on both sides, as SQLite's LIKE folds them: a name that contains the text then always holds
 * the text's first piece, so the pieces narrow the search to a few members and the same LIKE as
 * before decides — the results are exactly the LIKE's.
 */
function fold(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** The distinct pieces of one name: each character (code point, as the engines' LIKE counts them) and each pair of neighbours. */
export function nameGrams(name: string): string[] {
  const chars = Array.from(fold(name));
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    grams.add(chars[i]!);
    if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!);
  }
  return [...grams];
}

/** Writes the pieces of members' names (new members, or renamed ones after `dropNameGrams`). */
export async function writeNameGrams(trx: Tx, corpId: string, members: { id: string; name: string }[]): Promise<void> {
  const rows = members.flatMap((m) => nameGrams(m.name).map((gram) => ({ corp_id: corpId, gram, member_id: m.id })));
  // SQLite allows 32,766 bound values per statement: chunks stay well below.
  for (let at = 0; at < rows.length; at += 5000) await tables(trx).insertInto('member_name_grams').values(rows.slice(at, at + 5000)).execute();
}

export async function dropNameGrams(trx: Tx, corpId: string, memberId: string): Promise<void> {
  await tables(trx).deleteFrom('member_name_grams').where('corp_id', '=', corpId).where('member_id', '=', memberId).execute();
}

/**
 * The members who may hold `text` in their name: those holding its first piece, a superset of
 * `name LIKE '%text%'`, which the caller applies to them (`like('m.name', 'contains', text)`). The
 * pieces alone give the candidates, so the database starts from them and reads each member by its
 * key; asked as one condition beside the LIKE, PostgreSQL misjudges the LIKE and scans the enterprise.
 */
export function nameCandidates(db: Executor, corpId: string, text: string) {
  const probe = Array.from(fold(text)).slice(0, 2).join('');
  return tables(db).selectFrom('member_name_grams').select('member_id as id').where('corp_id', '=', corpId).where('gram', '=', probe);
}
