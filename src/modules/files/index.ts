/**
 * 文件: a minimal file store on the local disk (content-addressed per enterprise, streamed, a size
 * limit per file and a quota per member, folders, deletion) where 安全管理's 文件防泄漏 is enforced:
 * uploads of members in its scope become confidential files kept apart with no quota, preview-only
 * under 禁止下载与导出, never shared out while protected, and every upload, download, view, forward
 * and deletion of them is recorded for admins. A departed member's files are handed over through
 * `filesAssetsOf` and `handOverFiles` (数据资产交接).
 */
import { defineModule } from '../../platform/module.ts';
import { FileErrors } from './files.errors.ts';
import { fileRights } from './files.policy.ts';
import { filesRoutes } from './files.routes.ts';
import * as filesTables from './migrations/0250_files.ts';
import * as folderTables from './migrations/0470_files_folders.ts';
import * as folderLocks from './migrations/0540_files_folder_locks.ts';

export const filesModule = defineModule({
  name: 'files',
  tables: { files: 'tenant', files_records: 'tenant', files_folders: 'tenant', files_blob_locks: 'tenant', files_folder_locks: 'tenant' },
  migrations: { '0250_files': filesTables, '0470_files_folders': folderTables, '0540_files_folder_locks': folderLocks },
  errors: FileErrors,
  rights: fileRights,
  routes: filesRoutes,
});

export { FileErrors };
export { filesAssetsOf, handOverFiles } from './handover.service.ts';
