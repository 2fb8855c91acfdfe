// Importing 100,000 members into the contacts on SQLite (the file engine, WAL, synchronous=FULL):
// the whole pipeline the import job runs — parse the file, validate every row against the
// enterprise (userids, phones, department paths, scope), then one transaction of batched multi-row
// inserts with pinyin computed per name. Target: ≤ 20 s for 100,000 members.
// Baseline in the same run: the same member and department-link rows, already built, inserted raw
// with the same batch sizes in one transaction into another enterprise.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import ExcelJS from 'exceljs';
import type { FastifyBaseLogger } from 'fastify';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { buildRegistry, collectMigrations } from '../src/platform/module.ts';
import { manifests } from '../src/modules/index.ts';
import { newId } from '../src/platform/ids.ts';
import { systemActor, type Actor, type ReadCtx } from '../src/platform/context.ts';
import type { Db } from '../src/platform/db/tables.ts';
import { createAccount } from '../src/modules/account/index.ts';
import { registerCorp } from '../src/modules/session/index.ts';
import { bumpAdminStamp } from '../src/modules/admin/index.ts';
import { currentMemberOfAccount, importRows, readSheet, rootDepartmentId } from '../src/modules/directory/index.ts';
import { listMembers } from '../src/modules/directory/testing/index.ts';
import { tablesOf } from '../test/support/tables.ts';
import { BOM, csvLine } from '../src/platform/csv.ts';
import type { BenchResult } from './types.ts';
import { percentile, round } from './types.ts';

const MEMBERS = 100_000;
const XLSX_MEMBERS = 20_000;
const DEPARTMENTS = 100;
const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const registry = buildRegistry(manifests);

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽';

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

async function setupCorp(db: Db, now: number, n: number): Promise<{ corpId: string; creator: Actor; paths: string[]; ids: string[] }> {
  return db.transaction().execute(async (tx) => {
    const account = await createAccount(tx, now, { logN: 4, r: 8, p: 1 }, { name: '基准', loginName: `bench${n}x${now}`, password: 'password123' });
    const corpId = await registerCorp(tx, { now, log, registry }, account, { name: `基准企业${n}`, shortName: `基准${n}`, industry: 'general' });
    const member = (await currentMemberOfAccount(tx, corpId, account.id))!;
    const creator: Actor = { kind: 'member', id: member.id, name: member.name, accountId: account.id };
    const trx = tablesOf(tx);
    const root = await rootDepartmentId(tx, corpId);
    const paths: string[] = [];
    const ids: string[] = [];
    // 10 centres of 9 teams each (+ the centres themselves): paths `中心3/小组5`.
    for (let c = 0; c < 10; c++) {
      const centre = newId('dept', now);
      await trx.insertInto('departments').values({ corp_id: corpId, id: centre, parent_id: root, name: `中心${c}`, sort_order: c, path: `/${root}/${centre}/`, depth: 1, created_at: now, updated_at: now }).execute();
      paths.push(`中心${c}`);
      ids.push(centre);
      for (let g = 0; g < DEPARTMENTS / 10 - 1; g++) {
        const team = newId('dept', now);
        await trx.insertInto('departments').values({ corp_id: corpId, id: team, parent_id: centre, name: `小组${g}`, sort_order: g, path: `/${root}/${centre}/${team}/`, depth: 2, created_at: now, updated_at: now }).execute();
        paths.push(`中心${c}/小组${g}`);
        ids.push(team);
      }
    }
    return { corpId, creator, paths, ids };
  });
}

/** A hierarchical admin over the departments: the member's own rights, as the admin pages grant them. */
async function hierarchicalAdmin(db: Db, corpId: string, memberId: string, departmentIds: string[], now: number): Promise<Actor> {
  await db.transaction().execute(async (tx) => {
    const trx = tablesOf(tx);
    await trx.insertInto('hierarchical_admins').values({ corp_id: corpId, member_id: memberId, group_id: null, created_at: now, updated_at: now }).execute();
    await trx.insertInto('admin_rights').values(departmentIds.map((id) => ({ corp_id: corpId, holder_kind: 'admin' as const, holder_id: memberId, kind: 'department' as const, target_id: id, level: null }))).execute();
    await bumpAdminStamp({ corpId, trx: tx });
  });
  return { kind: 'member', id: memberId, name: 'admin', accountId: '' };
}

function memberRows(count: number, paths: string[], random: () => number): string[][] {
  const rows: string[][] = [['姓名', '账号', '手机', '邮箱', '职务', '部门', '主部门', '入职时间']];
  for (let i = 0; i < count; i++) {
    const name = SURNAMES[Math.floor(random() * SURNAMES.length)]! + GIVEN[Math.floor(random() * GIVEN.length)]! + (random() < 0.6 ? GIVEN[Math.floor(random() * GIVEN.length)]! : '');
    const main = paths[i % paths.length]!;
    const second = random() < 0.2 ? paths[(i * 7 + 3) % paths.length]! : undefined;
    const depts = second && second !== main ? `${main};${second}` : main;
    rows.push([name, `user${i}`, `13${String(100_000_000 + i).slice(-9)}`, i % 3 === 0 ? `user${i}@example.com` : '', i % 5 === 0 ? '工程师' : '', depts, main, '2024-01-15']);
  }
  return rows;
}

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'banyan-import-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    const db = database.db;
    await migrateToLatest(database, collectMigrations(manifests));
    const now = Date.parse('2026-11-26T08:00:00Z');
    const random = seeded(42);

    const target = await setupCorp(db, now, 1);
    const rows = memberRows(MEMBERS, target.paths, random);
    const csv = Buffer.from(BOM + rows.map((r) => csvLine(r)).join(''));

    // The import pipeline, as the job runs it.
    let t0 = performance.now();
    const parsed = await readSheet(csv, 'csv');
    const parseMs = performance.now() - t0;
    t0 = performance.now();
    let writeStarted = 0;
    const outcome = await importRows(db, (run) => db.transaction().execute(run), { corpId: target.corpId, actor: systemActor, now, log, registry }, { kind: 'all' }, 'members', parsed, (_done, _total, phase) => {
      if (phase === 'write' && writeStarted === 0) writeStarted = performance.now();
    });
    const importMs = performance.now() - t0;
    if (!outcome.ok) throw new Error(`bench import refused: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    const validateMs = writeStarted - t0;

    // Reading the imported enterprise: the member list's first page, whole and in half the tree.
    const all = tablesOf(db);
    const half = (await all.selectFrom('departments').select('id').where('corp_id', '=', target.corpId).where('depth', '=', 1).orderBy('name').limit(5).execute()).map((r) => r.id);
    const someone = await all.selectFrom('members').select('id').where('corp_id', '=', target.corpId).where('userid', '=', 'user1').executeTakeFirstOrThrow();
    const admin = await hierarchicalAdmin(db, target.corpId, someone.id, half, now);
    // The scope comes from the actor's roles, read as a request reads them.
    const as = (actor: Actor): ReadCtx => ({ corpId: target.corpId, actor, trx: db, now, log, registry });
    const listCases: [string, Actor, { q?: string }][] = [
      ['first page, whole enterprise', target.creator, {}],
      ['first page, scope of 50,000 (hierarchical admin)', admin, {}],
      ['search userid "user9999" in that scope', admin, { q: 'user9999' }],
      ['search full pinyin "wangfang" in that scope', admin, { q: 'wangfang' }],
      ['search name "王芳" in that scope', admin, { q: '王芳' }],
    ];
    const listRows: BenchResult['rows'] = [];
    for (const [label, actor, filter] of listCases) {
      const times: number[] = [];
      for (let i = 0; i < 60; i++) {
        const s0 = performance.now();
        await listMembers(as(actor), { ...filter, limit: 50 });
        times.push(performance.now() - s0);
      }
      listRows.push({ case: `list members: ${label} (p50)`, ms: round(percentile(times, 50), 2), 'rows/s': '', 'target ms': '', 'p99 ms': round(percentile(times, 99), 2) });
    }

    // Baseline: the same rows, prebuilt, raw batched inserts in one transaction.
    const base = await setupCorp(db, now, 2);
    const byPath = new Map(base.paths.map((p, i) => [p, base.ids[i]!]));
    const members = rows.slice(1).map((r) => {
      const id = newId('mem', now);
      const deptIds = r[5]!.split(';').map((p) => byPath.get(p)!);
      return {
        row: {
          corp_id: base.corpId,
          id,
          account_id: null,
          userid: r[1]!,
          name: r[0]!,
          name_initials: 'x',
          name_pinyin: 'x',
          phone: r[2]!,
          email: r[3] || null,
          position: r[4] || null,
          status: 'active' as const,
          main_department_id: deptIds[0]!,
          joined_at: now,
          departed_at: null,
          created_at: now,
          updated_at: now,
        },
        links: deptIds.map((d) => ({ corp_id: base.corpId, member_id: id, department_id: d, sort_order: 0 })),
      };
    });
    t0 = performance.now();
    await db.transaction().execute(async (tx) => {
      const trx = tablesOf(tx);
      for (let i = 0; i < members.length; i += 1000) await trx.insertInto('members').values(members.slice(i, i + 1000).map((m) => m.row)).execute();
      const links = members.flatMap((m) => m.links);
      for (let i = 0; i < links.length; i += 5000) await trx.insertInto('member_departments').values(links.slice(i, i + 5000)).execute();
    });
    const baselineMs = performance.now() - t0;

    // .xlsx reading (streaming reader) for a smaller file, to show the format's own cost.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('成员');
    for (const r of rows.slice(0, XLSX_MEMBERS + 1)) sheet.addRow(r);
    const xlsxBuffer = Buffer.from(await workbook.xlsx.writeBuffer());
    t0 = performance.now();
    const xlsxRows = await readSheet(xlsxBuffer, 'xlsx');
    const xlsxMs = performance.now() - t0;

    const totalMs = parseMs + importMs;
    return {
      name: 'directory-import',
      rows: [
        { case: `import ${MEMBERS} members from .csv (parse + validate + write)`, ms: Math.round(totalMs), 'rows/s': Math.round(MEMBERS / (totalMs / 1000)), 'target ms': 20_000 },
        { case: '  of which: parse the .csv', ms: Math.round(parseMs), 'rows/s': Math.round(MEMBERS / (parseMs / 1000)), 'target ms': '' },
        { case: '  of which: validate every row', ms: Math.round(validateMs), 'rows/s': Math.round(MEMBERS / (validateMs / 1000)), 'target ms': '' },
        { case: '  of which: write (pinyin + batched inserts, one transaction)', ms: Math.round(importMs - validateMs), 'rows/s': Math.round(MEMBERS / ((importMs - validateMs) / 1000)), 'target ms': '' },
        { case: `baseline: raw batched insert of the same ${MEMBERS} rows`, ms: Math.round(baselineMs), 'rows/s': Math.round(MEMBERS / (baselineMs / 1000)), 'target ms': '' },
        { case: `read a ${XLSX_MEMBERS}-row .xlsx (streaming reader)`, ms: Math.round(xlsxMs), 'rows/s': Math.round((xlsxRows.length - 1) / (xlsxMs / 1000)), 'target ms': '' },
        ...listRows,
      ],
      notes: [
        `SQLite file database (WAL, synchronous=FULL), ${DEPARTMENTS} departments, 20% of members in two departments.`,
        `Import / raw insert: ${round(totalMs / baselineMs, 2)}× — the difference is parsing, validation and pinyin.`,
        'List rows: 60 in-process calls each (no HTTP); ms is the median, p99 beside it.',
      ],
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
