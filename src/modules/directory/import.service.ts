import './directory.errors.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { publish } from '../../platform/events.ts';
import { departmentInScope, type ContactsScope } from '../../platform/policy/index.ts';
import { DirectoryEvents } from './directory.events.ts';
import { namePinyin } from './pinyin.ts';
import { blankToNull, emailReason, nameReason, phoneReason, positionReason, useridReason, type FieldReason } from './member.rules.ts';
import { isUniqueViolation } from '../../platform/db/unique.ts';
import { lockDepartments } from './locks.ts';
import { tables } from './directory.tables.ts';
import { writeNameGrams } from './name-grams.ts';

export type ImportKind = 'members' | 'departments';

/** One bad cell: `row` is the spreadsheet's row number (the header is row 1). */
export interface RowError {
  row: number;
  field: string;
  reason: FieldReason | 'missing_column' | 'empty_file' | 'unknown_parent' | 'not_found' | 'too_many_rows';
}

/** `write` progress is reported from inside the write transaction: it must not write through another handle. */
export type Progress = (done: number, total: number, phase?: 'validate' | 'write') => Promise<void> | void;

export const MAX_IMPORT_ROWS = 200_000;
/** Errors reported per file: enough to fix a file, bounded so a wrong file cannot flood the client. */
export const MAX_REPORTED_ERRORS = 1000;

/** Column headers the importer understands (Chinese as in the WeCom template, or English). */
const MEMBER_COLUMNS: Record<string, string[]> = {
  name: ['姓名', 'name'],
  userid: ['账号', '帐号', 'userid'],
  phone: ['手机', '手机号', 'phone', 'mobile'],
  email: ['邮箱', 'email'],
  position: ['职务', 'position'],
  departments: ['部门', 'departments', 'department'],
  mainDepartment: ['主部门', 'main department', 'maindepartment'],
  joinedAt: ['入职时间', 'joined', 'joined at', 'joinedat'],
};
const DEPARTMENT_COLUMNS: Record<string, string[]> = {
  name: ['部门名称', 'name'],
  parent: ['上级部门', 'parent'],
};
export const MEMBER_HEADER = { zh: ['姓名', '账号', '手机', '邮箱', '职务', '部门', '主部门', '入职时间'], en: ['name', 'userid', 'phone', 'email', 'position', 'departments', 'main department', 'joined at'] };
export const DEPARTMENT_HEADER = { zh: ['部门名称', '上级部门'], en: ['name', 'parent'] };

function columnsOf(header: string[], spec: Record<string, string[]>, required: string[], errors: RowError[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase().replace(/[_\s]+/g, ' ');
    for (const [field, names] of Object.entries(spec)) {
      if (!index.has(field) && names.some((n) => n === key || n === key.replace(/ /g, ''))) index.set(field, i);
    }
  });
  for (const field of required) if (!index.has(field)) errors.push({ row: 1, field, reason: 'missing_column' });
  return index;
}

/** The enterprise's departments addressed by name path, `研发中心/平台部` (the root's name may lead). */
export class DepartmentPaths {
  readonly byKey = new Map<string, { id: string; path: string }>();
  readonly keyOf = new Map<string, string>();
  rootId = '';
  rootName = '';

  static async load(db: Executor, corpId: string): Promise<DepartmentPaths> {
    const rows = await tables(db).selectFrom('departments').select(['id', 'parent_id', 'name', 'path', 'depth']).where('corp_id', '=', corpId).orderBy('depth').execute();
    const paths = new DepartmentPaths();
    for (const r of rows) {
      if (r.parent_id === null) {
        paths.rootId = r.id;
        paths.rootName = r.name;
        paths.add('', r.id, r.path);
      } else {
        const parentKey = paths.keyOf.get(r.parent_id);
        if (parentKey !== undefined) paths.add(parentKey === '' ? r.name : `${parentKey}/${r.name}`, r.id, r.path);
      }
    }
    return paths;
  }

  add(key: string, id: string, path: string): void {
    this.byKey.set(key, { id, path });
    this.keyOf.set(id, key);
  }

  /** `榕树科技/研发中心/平台部` and `研发中心/平台部` both name 平台部; `榕树科技` or empty is the root. */
  normalise(text: string): string {
    const parts = text
      .split('/')
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts[0] === this.rootName && !this.byKey.has(parts.join('/'))) parts.shift();
    return parts.join('/');
  }

  /** The full name path shown in exports, root name first. */
  display(id: string): string {
    const key = this.keyOf.get(id);
    if (key === undefined) return '';
    return key === '' ? this.rootName : `${this.rootName}/${key}`;
  }
}

function parseJoined(text: string, now: number): number | null {
  if (text === '') return now;
  const day = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (day) {
    const [, y, m, d] = day;
    const ms = Date.parse(`${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}T00:00:00+08:00`);
    return Number.isNaN(ms) ? null : ms;
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) || !/^\d{4}-/.test(text) ? null : ms;
}

export interface PlannedMember {
  name: string;
  userid: string;
  phone: string | null;
  email: string | null;
  position: string | null;
  departmentIds: string[];
  mainDepartmentId: string;
  joinedAt: number;
}

export type Plan<T> = { ok: true; items: T[] } | { ok: false; errors: RowError[] };

function isBlank(row: string[] | undefined): boolean {
  return !row || row.every((c) => c.trim() === '');
}

/**
 * Validates a whole members file against the enterprise, reading only. Every bad cell of every row
 * is reported (up to MAX_REPORTED_ERRORS); the plan is only returned when no row is bad.
 */
export async function planMembers(db: Executor, corpId: string, scope: ContactsScope, now: number, rows: string[][], progress?: Progress): Promise<Plan<PlannedMember>> {
  const errors: RowError[] = [];
  const report = (row: number, field: string, reason: RowError['reason']) => {
    if (errors.length < MAX_REPORTED_ERRORS) errors.push({ row, field, reason });
  };
  if (rows.length < 2 || rows.slice(1).every(isBlank)) return { ok: false, errors: [{ row: 1, field: 'file', reason: 'empty_file' }] };
  if (rows.length - 1 > MAX_IMPORT_ROWS) return { ok: false, errors: [{ row: MAX_IMPORT_ROWS + 2, field: 'file', reason: 'too_many_rows' }] };
  const col = columnsOf(rows[0]!, MEMBER_COLUMNS, ['name', 'userid', 'departments'], errors);
  if (errors.length > 0) return { ok: false, errors };

  const departments = await DepartmentPaths.load(db, corpId);
  const takenUserids = new Set((await tables(db).selectFrom('members').select('userid').where('corp_id', '=', corpId).execute()).map((r) => r.userid));
  const takenPhones = new Set(
    (await tables(db).selectFrom('members').select('phone').where('corp_id', '=', corpId).where('status', '<>', 'departed').where('phone', 'is not', null).execute()).map((r) => r.phone!),
  );
  const fileUserids = new Map<string, number>();
  const filePhones = new Map<string, number>();
  const items: PlannedMember[] = [];
  const cell = (row: string[], field: string) => {
    const i = col.get(field);
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
  const total = rows.length - 1;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    if (isBlank(row)) continue;
    const name = cell(row, 'name');
    const userid = cell(row, 'userid');
    const phone = blankToNull(cell(row, 'phone'));
    const email = blankToNull(cell(row, 'email'));
    const position = blankToNull(cell(row, 'position'));
    const check = (field: string, reason: FieldReason | null) => {
      if (reason) report(line, field, reason);
      return reason === null;
    };
    check('name', nameReason(name));
    if (check('userid', useridReason(userid))) {
      if (takenUserids.has(userid)) report(line, 'userid', 'taken');
      else if (fileUserids.has(userid)) report(line, 'userid', 'duplicate_in_file');
      else fileUserids.set(userid, line);
    }
    if (check('phone', phoneReason(phone)) && phone !== null) {
      if (takenPhones.has(phone)) report(line, 'phone', 'taken');
      else if (filePhones.has(phone)) report(line, 'phone', 'duplicate_in_file');
      else filePhones.set(phone, line);
    }
    check('email', emailReason(email));
    check('position', positionReason(position));
    const departmentIds: string[] = [];
    const names = cell(row, 'departments')
      .split(/[;；]/)
      .map((d) => d.trim())
      .filter(Boolean);
    if (names.length === 0) report(line, 'departments', 'required');
    let departmentsOk = names.length > 0;
    for (const text of names) {
      const dept = departments.byKey.get(departments.normalise(text));
      if (!dept) {
        report(line, 'departments', 'unknown_department');
        departmentsOk = false;
      } else if (!departmentInScope(scope, dept.path)) {
        report(line, 'departments', 'out_of_scope');
        departmentsOk = false;
      } else if (!departmentIds.includes(dept.id)) departmentIds.push(dept.id);
    }
    let mainDepartmentId = departmentIds[0] ?? '';
    const mainText = cell(row, 'mainDepartment');
    if (mainText !== '' && departmentsOk) {
      const main = departments.byKey.get(departments.normalise(mainText));
      if (!main || !departmentIds.includes(main.id)) report(line, 'mainDepartment', 'not_in_departments');
      else mainDepartmentId = main.id;
    }
    const joinedAt = parseJoined(cell(row, 'joinedAt'), now);
    if (joinedAt === null) report(line, 'joinedAt', 'format');
    if (errors.length === 0) items.push({ name, userid, phone, email, position, departmentIds, mainDepartmentId, joinedAt: joinedAt ?? now });
    if (progress && r % 5000 === 0) await progress(r, total);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (items.length === 0) return { ok: false, errors: [{ row: 1, field: 'file', reason: 'empty_file' }] };
  return { ok: true, items };
}

const MEMBER_BATCH = 1000;
const LINK_BATCH = 5000;

/**
 * Writes a validated plan in the caller's transaction with multi-row inserts. The departments it
 * names are checked once more (one might have been deleted since validation); a userid or phone
 * taken meanwhile makes the unique index refuse and the whole transaction roll back.
 */
export async function applyMembers(ctx: Ctx, items: PlannedMember[], progress?: Progress): Promise<string[]> {
  await lockDepartments(ctx, items.flatMap((i) => i.departmentIds));
  const ids: string[] = [];
  let links: { corp_id: string; member_id: string; department_id: string; sort_order: number }[] = [];
  for (let start = 0; start < items.length; start += MEMBER_BATCH) {
    const batch = items.slice(start, start + MEMBER_BATCH).map((m) => {
      const id = newId('mem', ctx.now);
      ids.push(id);
      const pinyin = namePinyin(m.name);
      for (const departmentId of m.departmentIds) links.push({ corp_id: ctx.corpId, member_id: id, department_id: departmentId, sort_order: 0 });
      return {
        corp_id: ctx.corpId,
        id,
        account_id: null,
        userid: m.userid,
        name: m.name,
        name_initials: pinyin.initials,
        name_pinyin: pinyin.full,
        phone: m.phone,
        email: m.email,
        position: m.position,
        status: 'active' as const,
        main_department_id: m.mainDepartmentId,
        joined_at: m.joinedAt,
        departed_at: null,
        created_at: ctx.now,
        updated_at: ctx.now,
      };
    });
    await tables(ctx.trx).insertInto('members').values(batch).execute();
    await writeNameGrams(ctx.trx, ctx.corpId, batch);
    if (links.length >= LINK_BATCH) {
      await tables(ctx.trx).insertInto('member_departments').values(links).execute();
      links = [];
    }
    if (progress) await progress(Math.min(start + MEMBER_BATCH, items.length), items.length);
  }
  if (links.length > 0) await tables(ctx.trx).insertInto('member_departments').values(links).execute();
  return ids;
}

export interface PlannedDepartment {
  id: string;
  parentId: string;
  name: string;
  path: string;
  depth: number;
  sortOrder: number;
}

/**
 * Validates a departments file: each row is a name under a parent path (empty: the root). A parent
 * may be an existing department or one created by another row of the file.
 */
export async function planDepartments(db: Executor, corpId: string, scope: ContactsScope, now: number, rows: string[][]): Promise<Plan<PlannedDepartment>> {
  const errors: RowError[] = [];
  const report = (row: number, field: string, reason: RowError['reason']) => {
    if (errors.length < MAX_REPORTED_ERRORS) errors.push({ row, field, reason });
  };
  if (rows.length < 2 || rows.slice(1).every(isBlank)) return { ok: false, errors: [{ row: 1, field: 'file', reason: 'empty_file' }] };
  if (rows.length - 1 > MAX_IMPORT_ROWS) return { ok: false, errors: [{ row: MAX_IMPORT_ROWS + 2, field: 'file', reason: 'too_many_rows' }] };
  const col = columnsOf(rows[0]!, DEPARTMENT_COLUMNS, ['name'], errors);
  if (errors.length > 0) return { ok: false, errors };
  const existing = await DepartmentPaths.load(db, corpId);
  const cell = (row: string[], field: string) => {
    const i = col.get(field);
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
  // First pass: every key the file creates, so a row may name a parent defined on a later row.
  const fileRows = new Map<string, { line: number; name: string; parentKey: string }>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    if (isBlank(row)) continue;
    const name = cell(row, 'name');
    if (name === '') {
      report(line, 'name', 'required');
      continue;
    }
    if (name.length > 64) report(line, 'name', 'too_long');
    if (name.includes('/')) report(line, 'name', 'format');
    const parentKey = existing.normalise(cell(row, 'parent'));
    const key = parentKey === '' ? name : `${parentKey}/${name}`;
    if (existing.byKey.has(key)) report(line, 'name', 'taken');
    else if (fileRows.has(key)) report(line, 'name', 'duplicate_in_file');
    else fileRows.set(key, { line, name, parentKey });
  }
  // Second pass: resolve parents, outermost first so a parent's id and path exist before its children.
  const planned = new Map<string, PlannedDepartment>();
  const nextOrder = new Map<string, number>();
  const orderRows = await tables(db)
    .selectFrom('departments')
    .select(['parent_id', (eb) => eb.fn.max('sort_order').as('max')])
    .where('corp_id', '=', corpId)
    .where('parent_id', 'is not', null)
    .groupBy('parent_id')
    .execute();
  for (const o of orderRows) nextOrder.set(o.parent_id!, Number(o.max) + 1);
  const keys = [...fileRows.keys()].sort((a, b) => a.split('/').length - b.split('/').length);
  for (const key of keys) {
    const entry = fileRows.get(key)!;
    const parent = existing.byKey.get(entry.parentKey) ?? planned.get(entry.parentKey);
    if (!parent) {
      report(entry.line, 'parent', 'unknown_parent');
      continue;
    }
    const parentPath = parent.path;
    if (existing.byKey.has(entry.parentKey) && !departmentInScope(scope, parentPath)) {
      report(entry.line, 'parent', 'out_of_scope');
      continue;
    }
    const id = newId('dept', now);
    const order = nextOrder.get(parent.id) ?? 0;
    nextOrder.set(parent.id, order + 1);
    planned.set(key, { id, parentId: parent.id, name: entry.name, path: `${parentPath}${id}/`, depth: parentPath.split('/').filter(Boolean).length, sortOrder: order });
  }
  errors.sort((a, b) => a.row - b.row);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, items: [...planned.values()].sort((a, b) => a.depth - b.depth) };
}

export async function applyDepartments(ctx: Ctx, items: PlannedDepartment[]): Promise<void> {
  // Parents must still be there: one of them could have been deleted since validation.
  const created = new Set(items.map((i) => i.id));
  const parents = [...new Set(items.map((i) => i.parentId).filter((p) => !created.has(p)))];
  await lockDepartments(ctx, parents);
  // And still where they were when the file was validated: the new paths are built on theirs.
  const expected = new Map(items.filter((d) => !created.has(d.parentId)).map((d) => [d.parentId, d.path.slice(0, d.path.length - d.id.length - 1)]));
  for (let i = 0; i < parents.length; i += LINK_BATCH) {
    const rows = await tables(ctx.trx).selectFrom('departments').select(['id', 'path']).where('corp_id', '=', ctx.corpId).where('id', 'in', parents.slice(i, i + LINK_BATCH)).execute();
    if (rows.some((r) => expected.get(r.id) !== r.path)) throw new DomainError('conflict', { reason: 'a parent department was moved meanwhile; import again' });
  }
  for (let i = 0; i < items.length; i += MEMBER_BATCH) {
    await tables(ctx.trx)
      .insertInto('departments')
      .values(
        items.slice(i, i + MEMBER_BATCH).map((d) => ({
          corp_id: ctx.corpId,
          id: d.id,
          parent_id: d.parentId,
          name: d.name,
          sort_order: d.sortOrder,
          path: d.path,
          depth: d.depth,
          created_at: ctx.now,
          updated_at: ctx.now,
        })),
      )
      .execute();
  }
}

/** A unique index refused a row validated a moment ago: someone took the userid, phone or name meanwhile. */
export function importRaced(error: unknown): boolean {
  return (
    isUniqueViolation(error, 'members_userid', 'members.corp_id, members.userid') ||
    isUniqueViolation(error, 'members_phone', 'members.corp_id, members.phone') ||
    isUniqueViolation(error, 'departments_sibling_name', 'departments.corp_id, departments.parent_id, departments.name')
  );
}

export type ImportOutcome = { ok: true; created: number } | { ok: false; errors: RowError[] };

/**
 * The whole import of one file: validate everything (reading only), then write everything in one
 * transaction, or nothing. `transaction` opens the write transaction (the route's or the job's).
 */
export async function importRows(
  db: Executor,
  transaction: <T>(run: (trx: Tx) => Promise<T>) => Promise<T>,
  ctx: Omit<Ctx, 'trx'>,
  scope: ContactsScope,
  kind: ImportKind,
  rows: string[][],
  progress?: Progress,
): Promise<ImportOutcome> {
  const total = Math.max(rows.length - 1, 1);
  // Half the bar validates, half writes.
  const validateProgress: Progress = (done) => progress?.(done, total * 2, 'validate');
  for (let attempt = 0; ; attempt++) {
    const plan = kind === 'members' ? await planMembers(db, ctx.corpId, scope, ctx.now, rows, validateProgress) : await planDepartments(db, ctx.corpId, scope, ctx.now, rows);
    if (!plan.ok) return plan;
    await progress?.(total, total * 2, 'validate');
    try {
      await transaction(async (trx) => {
        const tx = { ...ctx, trx };
        if (kind === 'members') {
          const ids = await applyMembers(tx, plan.items as PlannedMember[], (done, all) => progress?.(total + Math.round((done / all) * total), total * 2, 'write'));
          await publish(tx, DirectoryEvents['members.imported'], { count: ids.length });
        } else await applyDepartments(tx, plan.items as PlannedDepartment[]);
        await audit(tx, { action: `contacts.import.${kind}`, target: { type: 'corp', id: ctx.corpId }, after: { rows: plan.items.length } });
      });
      await progress?.(total * 2, total * 2, 'validate');
      return { ok: true, created: plan.items.length };
    } catch (error) {
      // Validate again against what changed: the second plan names the rows that now clash.
      if (attempt === 0 && importRaced(error)) continue;
      throw error;
    }
  }
}
