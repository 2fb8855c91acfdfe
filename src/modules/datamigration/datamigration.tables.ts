import { tableAccess } from '../../platform/db/tables.ts';

export const RELATIONS = ['brand', 'trademark', 'software', 'website', 'app', 'same_name'] as const;
export type Relation = (typeof RELATIONS)[number];

/** submitted → approved (paper copies requested) → paper_received → migrating → done; rejected or halted (with a reason) before done. */
export const TEMPLATE_KINDS = ['entrustment_letter', 'name_authorization'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const MIGRATION_STATUSES = ['submitted', 'approved', 'paper_received', 'migrating', 'done', 'rejected', 'halted'] as const;
export type MigrationStatus = (typeof MIGRATION_STATUSES)[number];
export const OPEN_STATUSES: readonly MigrationStatus[] = ['submitted', 'approved', 'paper_received', 'migrating'];

export interface DataMigrationTables {
  /** 数据迁移 applications, kept by the source enterprise (迁出); `target_corp_id` is the 迁入 one. */
  data_migrations: {
    corp_id: string;
    id: string;
    target_corp_id: string;
    relation: Relation;
    /** Material key → the scan's id (SHA-256, uploaded by the source enterprise). */
    materials_json: string;
    /** Both enterprises' certified subjects at submission: they cannot change while the application is open. */
    source_subject: string;
    target_subject: string;
    status: MigrationStatus;
    /** Why it was rejected or halted. */
    reason: string | null;
    submitted_by_name: string;
    submitted_at: number;
    updated_at: number;
  };
  /** The operator's templates (数据迁移委托函, 名称使用授权书), replacing the built-in ones; the file is in the data directory by SHA-256. */
  data_migration_templates: { kind: TemplateKind; sha256: string; name: string; mime: string; size: number; updated_by_name: string; updated_at: number };
  /** The application's timeline: every step, who took it and when. */
  data_migration_steps: { corp_id: string; migration_id: string; seq: number; status: MigrationStatus; actor_name: string; reason: string | null; at: number };
}

export const tables = tableAccess<DataMigrationTables>();
