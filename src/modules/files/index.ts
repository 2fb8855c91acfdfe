/**
 * 文件: a minimal file store on the local disk (content-addressed, streamed, a size limit per file and
 * a quota per member) where 安全管理's 文件防泄漏 is enforced: uploads of members in its scope become
 * confidential files kept apart with no quota, preview-only under 禁止下载与导出, never shared out
 * while protected, and every upload, download, view and forward of them is recorded for admins.
 */
import { defineModule } from '../../platform/module.ts';
import { FileErrors } from './files.errors.ts';
import { fileRights } from './files.policy.ts';
import { filesRoutes } from './files.routes.ts';
import * as filesTables from './migrations/0250_files.ts';

export const filesModule = defineModule({
  name: 'files',
  tables: { files: 'tenant', files_records: 'tenant' },
  migrations: { '0250_files': filesTables },
  errors: FileErrors,
  rights: fileRights,
  routes: filesRoutes,
});

export { FileErrors };
