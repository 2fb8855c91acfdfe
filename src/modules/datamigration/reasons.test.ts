import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeEachDialect } from '../../../test/support/db.ts';
import { codeWrittenReasons } from './migrations/0550_data_migration_reason_codes.ts';
import { HALT_CODES, MIGRATION_STATUSES, REASON_CODES, tables } from './datamigration.tables.ts';

/**
 * Migration 0550: the halt and rejection sentences written before reasons became codes are read
 * back into their codes and values; any other reason was an operator's and stays as typed.
 */
describeEachDialect('数据迁移 reasons written before the codes', (use) => {
  it('the written sentences become their codes (with the enterprise named); an operator’s text stays as typed', async () => {
    const { database } = use();
    const db = tables(database.db);
    const written = ['迁出企业「唐云科技有限公司」不在认证有效期内', '迁入企业「唐云网络有限公司」不在认证有效期内', '迁出企业的认证主体已变更（不能在迁移期间变更认证主体）', '迁入企业的认证主体已变更（不能在迁移期间变更认证主体）', '未通过审核', '纸质材料与扫描件不一致', null];
    const row = (i: number) => ({ corp_id: 'corp_old', id: `dmig_${i}`, target_corp_id: 'corp_t', relation: 'brand' as const, materials_json: '{}', source_subject: 'A', target_subject: 'B', status: 'halted' as const, reason: written[i]!, reason_code: null, reason_params: null, submitted_by_name: '唐经理', submitted_at: 1, updated_at: 1 });
    await db.insertInto('data_migrations').values(written.map((_, i) => row(i))).execute();
    await db.insertInto('data_migration_steps').values(written.map((reason, i) => ({ corp_id: 'corp_old', migration_id: 'dmig_0', seq: i + 1, status: 'halted' as const, actor_kind: null, actor_name: '系统', reason, reason_code: null, reason_params: null, at: 1 }))).execute();
    await codeWrittenReasons(database.db);
    const expected = [
      [null, 'source_not_certified', { corp: '唐云科技有限公司' }],
      [null, 'target_not_certified', { corp: '唐云网络有限公司' }],
      [null, 'source_subject_changed', {}],
      [null, 'target_subject_changed', {}],
      [null, 'not_approved', {}],
      ['纸质材料与扫描件不一致', 'operator', null],
      [null, null, null],
    ];
    const shown = (r: { reason: string | null; reason_code: string | null; reason_params: string | null }) => [r.reason, r.reason_code, r.reason_params === null ? null : JSON.parse(r.reason_params)];
    assert.deepEqual((await db.selectFrom('data_migrations').selectAll().where('corp_id', '=', 'corp_old').orderBy('id').execute()).map(shown), expected);
    assert.deepEqual((await db.selectFrom('data_migration_steps').selectAll().where('corp_id', '=', 'corp_old').orderBy('seq').execute()).map(shown), expected);
  });
});

/**
 * Every reason a data migration is halted or rejected for (`REASON_CODES`) has a console text in
 * zh-CN and English, on the migration pages and as the notice the admins get
 * (`datamigration.<status>_<code>`); an operator's reason is shown as typed and needs none. The
 * console's files are imported by a computed path, as in console-error-texts.test.ts.
 */
const WEB = join(import.meta.dirname, '..', '..', '..', 'web', 'src', 'features');
type Texts<T> = { default: Record<'zh-CN' | 'en', T> };

describe("the console's texts for a data migration's reasons", () => {
  it('give every coded reason a zh-CN and an English text, on the pages and in the inbox', async () => {
    const pages = (await import(pathToFileURL(join(WEB, 'data-migration', 'i18n.ts')).href)) as Texts<{ reasons: Record<string, string> }>;
    const inbox = (await import(pathToFileURL(join(WEB, 'inbox', 'i18n.ts')).href)) as Texts<{ notices: { datamigration: Record<string, { title: string; body: string }> } }>;
    const coded = REASON_CODES.filter((code) => code !== 'operator');
    // The notices: one per step (an operator's reason is a value), and one per coded reason of a rejection or a halt.
    const notices = [...MIGRATION_STATUSES, 'rejected_not_approved', ...HALT_CODES.map((code) => `halted_${code}`)];
    const missing: string[] = [];
    for (const language of ['zh-CN', 'en'] as const) {
      for (const code of coded) if (typeof pages.default[language].reasons[code] !== 'string') missing.push(`reasons.${code} (${language})`);
      for (const key of notices) {
        const notice = inbox.default[language].notices.datamigration[key];
        if (typeof notice?.title !== 'string' || typeof notice.body !== 'string') missing.push(`notices.datamigration.${key} (${language})`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
