import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import type { FileStore } from '../certification/index.ts';
import { DataMigrationErrors } from './datamigration.errors.ts';
import { TEMPLATE_KINDS, tables, type TemplateKind } from './datamigration.tables.ts';

/**
 * The templates an applicant downloads (如需下载数据迁移委托函和名称使用授权书模版): built-in text ones
 * until the operator uploads a Word (.docx) or PDF file of their own, which every enterprise then gets.
 */
const BUILT_IN: Record<TemplateKind, { name: string; text: string }> = {
  entrustment_letter: {
    name: '数据迁移委托函.txt',
    text: [
      '数据迁移委托函',
      '',
      '迁出企业（认证主体全称）：____________________',
      '迁入企业（认证主体全称）：____________________',
      '迁移企业关系：____________________',
      '',
      '我方委托平台将迁出企业的客户及其跟进关系迁移至迁入企业对应的成员。双方认证主体与营业执照名称一致，并承诺在迁移期间不变更认证主体。',
      '',
      '迁出企业（盖章）：            迁入企业（盖章）：',
      '日期：                        日期：',
      '',
    ].join('\n'),
  },
  name_authorization: {
    name: '名称使用授权书.txt',
    text: [
      '名称使用授权书',
      '',
      '授权方（全称）：____________________',
      '被授权方（全称）：____________________',
      '授权使用的名称：____________________',
      '授权期限：自 ____ 年 __ 月 __ 日至 ____ 年 __ 月 __ 日',
      '',
      '授权方同意被授权方在企业微信对外简称中使用上述名称。',
      '',
      '授权方（盖章）：              日期：',
      '',
    ].join('\n'),
  },
};

/** A template's file type by its first bytes: PDF, or .docx (a zip). */
function templateType(content: Buffer): { mime: string; ext: string } | undefined {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return { mime: 'application/pdf', ext: 'pdf' };
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
  return undefined;
}

export interface TemplateFile {
  name: string;
  mime: string;
  content: Buffer;
}

export async function readTemplate(db: Executor, store: FileStore, kind: TemplateKind): Promise<TemplateFile> {
  const row = await tables(db).selectFrom('data_migration_templates').selectAll().where('kind', '=', kind).executeTakeFirst();
  if (!row) return { name: BUILT_IN[kind].name, mime: 'text/plain; charset=utf-8', content: Buffer.from(BUILT_IN[kind].text, 'utf8') };
  return { name: row.name, mime: row.mime, content: store.read(row.sha256) };
}

/** What the operator sees of a template: the file enterprises download now, built in or uploaded (by whom, when). */
export interface TemplateView {
  kind: TemplateKind;
  builtIn: boolean;
  name: string;
  mime: string;
  size: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Both templates as the enterprises get them now. */
export async function listTemplates(db: Executor): Promise<TemplateView[]> {
  const rows = new Map((await tables(db).selectFrom('data_migration_templates').selectAll().execute()).map((r) => [r.kind, r]));
  return TEMPLATE_KINDS.map((kind) => {
    const row = rows.get(kind);
    if (!row) return { kind, builtIn: true, name: BUILT_IN[kind].name, mime: 'text/plain; charset=utf-8', size: Buffer.byteLength(BUILT_IN[kind].text), updatedBy: null, updatedAt: null };
    return { kind, builtIn: false, name: row.name, mime: row.mime, size: Number(row.size), updatedBy: row.updated_by_name, updatedAt: toIso(Number(row.updated_at)) };
  });
}

/**
 * The operator replaces a template with a PDF or .docx file (by its first bytes), which every
 * enterprise downloads from then on; audited in the operator's log. The file keeps its name, with
 * the extension of its type added when the name does not end with it.
 */
export async function replaceTemplate(ctx: Ctx, store: FileStore, kind: TemplateKind, upload: { content: Buffer; filename: string }): Promise<TemplateView> {
  const type = templateType(upload.content);
  if (!type) throw new DomainError(DataMigrationErrors['datamigration.template_type'], { accepted: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] });
  const sha256 = store.put(upload.content);
  const given = upload.filename.trim().slice(0, 200) || BUILT_IN[kind].name.replace(/\.txt$/, '');
  const name = given.toLowerCase().endsWith(`.${type.ext}`) ? given : `${given}.${type.ext}`;
  const row = { sha256, name, mime: type.mime, size: upload.content.length, updated_by_name: ctx.actor.name, updated_at: ctx.now };
  await tables(ctx.trx).insertInto('data_migration_templates').values({ kind, ...row }).onConflict((oc) => oc.column('kind').doUpdateSet(row)).execute();
  await audit(ctx, { action: 'datamigration.template', target: { type: 'data_migration_template', id: kind }, after: { name, size: row.size, sha256 } });
  return { kind, builtIn: false, name, mime: type.mime, size: row.size, updatedBy: ctx.actor.name, updatedAt: toIso(ctx.now) };
}
