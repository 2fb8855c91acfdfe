import { tableAccess, type Flag } from '../../platform/db/tables.ts';

/** What the file store records of a file's use (文件防泄漏's 上传、下载、查看、转发, and its deletion). */
export const FILE_ACTIONS = ['upload', 'download', 'view', 'forward', 'delete'] as const;
export type FileAction = (typeof FILE_ACTIONS)[number];

export interface FilesTables {
  /**
   * A file as one member has it: their upload or a copy forwarded to them. The bytes are stored once
   * per content (`sha256`), under `confidential/` when 文件防泄漏 made the file confidential.
   */
  files: {
    corp_id: string;
    id: string;
    owner_id: string;
    name: string;
    mime: string;
    size: number;
    sha256: string;
    confidential: Flag;
    /** The member who forwarded it, for a forwarded copy. */
    forwarded_by: string | null;
    /** The member's folder it sits in; '' at the top level. */
    folder_id: string;
    created_at: number;
  };
  /** A member's folder; '' as the parent is the top level. Names are unique among a parent's folders. */
  files_folders: {
    corp_id: string;
    id: string;
    owner_id: string;
    parent_id: string;
    name: string;
    created_at: number;
  };
  /**
   * One row per stored blob taken by whoever adds or drops a reference to it (upload, forward, the
   * removal of an unlisted blob): the row lock orders them, so a blob is never removed under a file
   * that is being added.
   */
  files_blob_locks: { corp_id: string; sha256: string; confidential: Flag; locked_at: number };
  /** Taken by a move of one of the member's folders: moves of one member's folders happen one at a time. */
  files_folder_locks: { corp_id: string; owner_id: string; locked_at: number };
  /** Append-only: who did what with a confidential file, from where, at the server's time. */
  files_records: {
    corp_id: string;
    id: string;
    file_id: string;
    file_name: string;
    member_id: string;
    action: FileAction;
    /** The recipient of a forward. */
    target_member_id: string | null;
    address: string;
    occurred_at: number;
  };
}

export const tables = tableAccess<FilesTables>();
