import { preparedFor, preparedRowsFor } from '../../platform/db/prepared.ts';
import { tableAccess } from '../../platform/db/tables.ts';

export const FILE_KINDS = ['document', 'sheet'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
/** 仅浏览 and 可编辑; `manage` is a space's owner or manager, who also shares and deletes. */
export type Access = 'view' | 'edit' | 'manage';
export type ShareAccess = 'view' | 'edit';
export type SpaceRole = 'view' | 'edit' | 'manage';
export type ShareTarget = 'member' | 'department' | 'tag';
export type LinkAccess = 'off' | 'view' | 'edit';
/** 截图粘贴 (compressed when large) or 插入图片 as an attachment (kept as it is). */
export type ImageKind = 'pasted' | 'attachment';

export interface DocsTables {
  /** A member's own space (`owner_id` set, one each) or a team space with members. */
  docs_spaces: { corp_id: string; id: string; kind: 'personal' | 'team'; name: string; owner_id: string | null; created_by: string; created_at: number };
  docs_space_members: { corp_id: string; space_id: string; member_id: string; role: SpaceRole };
  /** `link_access` off, or what anyone of the enterprise who opened the link may do. */
  docs_files: { corp_id: string; id: string; space_id: string; kind: FileKind; title: string; body: string; link_token: string; link_access: LinkAccess; created_by: string; created_at: number; updated_at: number };
  docs_shares: { corp_id: string; file_id: string; target_kind: ShareTarget; target_id: string; access: ShareAccess };
  /** Members who opened a file through its link: they keep the link's access while it is on. */
  docs_link_visitors: { corp_id: string; file_id: string; member_id: string; visited_at: number };
  /** A table inserted into a document (at most 100 a document). */
  docs_doc_tables: { corp_id: string; file_id: string; id: string; rows: number; cols: number; cells_json: string; created_at: number };
  docs_sheets: { corp_id: string; file_id: string; id: string; name: string; position: number; cell_count: number; created_at: number };
  docs_cells: { corp_id: string; file_id: string; sheet_id: string; row: number; col: number; value: string };
  /** A thread is its first comment (`thread_id` = its id) and the replies naming it. */
  docs_comments: {
    corp_id: string;
    id: string;
    file_id: string;
    thread_id: string;
    sheet_id: string | null;
    row: number | null;
    col: number | null;
    author_id: string | null;
    author_name: string;
    body: string;
    mentions_json: string;
    resolved_at: number | null;
    created_at: number;
  };
  /** Cells a person changed since their last revision (one row a cell: its value before, and now). */
  docs_pending_cells: { corp_id: string; file_id: string; author_id: string; sheet_id: string; row: number; col: number; before_value: string; after_value: string; seq: number };
  docs_revisions: { corp_id: string; file_id: string; id: string; seq: number; author_id: string; kind: 'edit' | 'restore'; restored_from: string | null; cells_changed: number; created_at: number };
  docs_revision_cells: { corp_id: string; file_id: string; revision_id: string; seq: number; sheet_id: string; row: number; col: number; before_value: string; after_value: string };
  /** An image in a file: `pasted` (compressed when over the paste limits) or `attachment` (the original bytes); the bytes are in the content store by `digest`. */
  docs_images: {
    corp_id: string;
    id: string;
    file_id: string;
    kind: ImageKind;
    name: string;
    content_type: string;
    digest: string;
    bytes: number;
    width: number;
    height: number;
    original_bytes: number;
    compressed: number;
    created_by: string;
    created_at: number;
  };
  docs_settings: { corp_id: string; view_only_comments_banned: number; updated_at: number };
}

export const tables = tableAccess<DocsTables>();
/** A query on a hot path (a cell edit), compiled once and run with new values. */
export const prepared = preparedFor<DocsTables>();
/** A statement of many rows on a hot path (an import's batches of cells), compiled once. */
export const preparedRows = preparedRowsFor<DocsTables>();
