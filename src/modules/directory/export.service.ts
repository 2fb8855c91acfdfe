import type { Writable } from 'node:stream';
import { toIso } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DEPARTMENT_HEADER, DepartmentPaths, MEMBER_HEADER, type ImportKind } from './import.service.ts';
import { departmentScopeFilter, memberScopeFilter, type ContactsScope } from './scope.ts';
import { writeSheet, type FileFormat } from './sheet.ts';
import { tables } from './directory.tables.ts';

const PAGE = 2000;

/** The day in China, as the importer reads it back. */
function chinaDay(ms: number): string {
  return toIso(ms + 8 * 3_600_000).slice(0, 10);
}

async function* memberRows(db: Executor, corpId: string, scope: ContactsScope, paths: DepartmentPaths, mark: string): AsyncGenerator<(string | null)[]> {
  let after = '';
  for (;;) {
    const page = await tables(db)
      .selectFrom('members as m')
      .select(['m.id', 'm.name', 'm.userid', 'm.phone', 'm.email', 'm.position', 'm.main_department_id', 'm.joined_at'])
      .where('m.corp_id', '=', corpId)
      .where('m.status', '<>', 'departed')
      .where('m.id', '>', after)
      .where((eb) => memberScopeFilter(eb, scope))
      .orderBy('m.id')
      .limit(PAGE)
      .execute();
    if (page.length === 0) return;
    const links = await tables(db)
      .selectFrom('member_departments')
      .select(['member_id', 'department_id'])
      .where('corp_id', '=', corpId)
      .where(
        'member_id',
        'in',
        page.map((p) => p.id),
      )
      .execute();
    const of = new Map<string, string[]>();
    for (const l of links) of.set(l.member_id, [...(of.get(l.member_id) ?? []), l.department_id]);
    for (const m of page) {
      const depts = (of.get(m.id) ?? []).map((d) => paths.display(d)).sort();
      yield [m.name + mark, m.userid, m.phone, m.email, m.position, depts.join(';'), paths.display(m.main_department_id), chinaDay(m.joined_at)];
    }
    after = page[page.length - 1]!.id;
  }
}

async function* departmentRows(db: Executor, corpId: string, scope: ContactsScope, paths: DepartmentPaths, mark: string): AsyncGenerator<(string | null)[]> {
  const rows = await tables(db)
    .selectFrom('departments as d')
    .select(['d.id', 'd.name', 'd.parent_id'])
    .where('d.corp_id', '=', corpId)
    .where('d.parent_id', 'is not', null)
    .where(departmentScopeFilter(scope, 'd.path'))
    .orderBy('d.depth')
    .orderBy('d.sort_order')
    .execute();
  for (const d of rows) yield [d.name + mark, paths.display(d.parent_id!)];
}

/**
 * Streams the actor's part of the contacts as a file the importer reads back unchanged: members with
 * their department paths (`企业/研发中心/平台部`, several joined by `;`), or departments under their parents.
 * `mark` (暗水印, zero-width) follows each name; the importer drops it when the file comes back.
 */
export async function exportContacts(db: Executor, corpId: string, scope: ContactsScope, kind: ImportKind, format: FileFormat, language: 'zh' | 'en', out: Writable, mark = ''): Promise<void> {
  const paths = await DepartmentPaths.load(db, corpId);
  if (kind === 'members') await writeSheet(out, format, language === 'zh' ? '成员' : 'Members', MEMBER_HEADER[language], memberRows(db, corpId, scope, paths, mark));
  else await writeSheet(out, format, language === 'zh' ? '部门' : 'Departments', DEPARTMENT_HEADER[language], departmentRows(db, corpId, scope, paths, mark));
}
