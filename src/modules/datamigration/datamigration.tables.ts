import { tableAccess } from '../../platform/db/tables.ts';

export const RELATIONS = ['brand', 'trademark', 'software', 'website', 'app', 'same_name'] as const;
export type Relation = (typeof RELATIONS)[number];

/** submitted → approved (paper copies requested) → paper_received → migrating → done; rejected or halted (with a reason) before done. */
export const TEMPLATE_KINDS = ['entrustment_letter', 'name_authorization'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const MIGRATION_STATUSES = ['submitted', 'approved', 'paper_received', 'migrating', 'done', 'rejected', 'halted'] as const;
export type MigrationStatus = (typeof MIGRATION_STATUSES)[number];
/**
 * Why an application was rejected or halted, as a code the console words: `operator`, what the
 * operator typed; `not_approved`, rejected without a reason; the rest, a halt because an enterprise
 * (`corp` names it) is out of its certification's validity or changed its certified subject.
 */
export const HALT_CODES = ['source_not_certified', 'target_not_certified', 'source_subject_changed', 'target_subject_changed'] as const;
export const REASON_CODES = ['operator', 'not_approved', ...HALT_CODES] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export const OPEN_STATUSES: readonly MigrationStatus[] = ['submitted', 'approved', 'paper_received', 'migrating'];

/** listing: the customers to move are being listed; moving: items go batch by batch; done: none pending; halted: stopped with the application. */
export type RunPhase = 'listing' | 'moving' | 'done' | 'halted';
export type ItemStatus = 'pending' | 'moved' | 'failed' | 'given_up';
/** Why a customer could not move (未迁移成功): the console translates the code. */
export type ItemReason = 'no_matching_member' | 'no_follower' | 'quota_exceeded';

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
    /** Why it was rejected or halted (ReasonCode), its values (JSON) and, for `operator`, what was typed. */
    reason_code: ReasonCode | null;
    reason_params: string | null;
    reason: string | null;
    submitted_by_name: string;
    submitted_at: number;
    updated_at: number;
  };
  /** The operator's templates (数据迁移委托函, 名称使用授权书), replacing the built-in ones; the file is in the data directory by SHA-256. */
  data_migration_templates: { kind: TemplateKind; sha256: string; name: string; mime: string; size: number; updated_by_name: string; updated_at: number };
  /** The application's timeline: every step, who took it and when. */
  /** `actor_kind`: the actor's kind (member, operator, system); null for a person's step from before it was kept. */
  data_migration_steps: { corp_id: string; migration_id: string; seq: number; status: MigrationStatus; actor_kind: string | null; actor_name: string; reason_code: ReasonCode | null; reason_params: string | null; reason: string | null; at: number };
  /**
   * The move itself (the job's state): the cursors of the listing and of the moving, each advanced
   * by the transaction that did its batch, so a run killed mid-way resumes after the last batch
   * committed; the counts are the items' own, recounted by each batch.
   */
  data_migration_runs: {
    corp_id: string;
    migration_id: string;
    phase: RunPhase;
    list_cursor: string;
    move_cursor: string;
    batch_size: number;
    batches: number;
    total: number;
    moved: number;
    failed: number;
    given_up: number;
    started_at: number;
    updated_at: number;
  };
  /**
   * One row per customer to move, its key (corp, migration, customer) the item's idempotency key:
   * a batch moves an item only while it is pending, in the transaction that marks it moved.
   */
  data_migration_items: {
    corp_id: string;
    migration_id: string;
    customer_id: string;
    name: string;
    status: ItemStatus;
    reason: ItemReason | null;
    /** For a failure, what names it (the members without a match, the quota); JSON. */
    detail: string | null;
    /** The follow relations it took to the target (0 when the target had them already). */
    follows: number;
    done_at: number | null;
  };
}

export const tables = tableAccess<DataMigrationTables>();
