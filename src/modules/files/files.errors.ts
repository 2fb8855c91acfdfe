import { defineErrors } from '../../platform/errors.ts';

export const FileErrors = defineErrors({
  'files.too_large': { status: 413, message: 'The file is too large; details.limitBytes says how large a file may be.' },
  'files.quota_exceeded': { status: 409, message: 'Your files would take more than your quota (details.quotaBytes, details.usedBytes); delete some first. Confidential files count against no quota.' },
  'files.not_found': { status: 404, message: 'You have no file by this id.' },
  'files.recipient_unknown': { status: 400, message: 'The file can be forwarded only to an active member of your enterprise; details.memberId says which is not.' },
  'files.download_blocked': { status: 403, message: 'Your enterprise forbids downloading and exporting this confidential file (禁止下载与导出): it can only be previewed.' },
  'files.share_blocked': { status: 403, message: 'Your enterprise forbids sharing this confidential file outside (分享到微信, 用其他应用打开); details.action says which was refused.' },
  'files.folder_not_found': { status: 404, message: 'You have no folder by this id.' },
  'files.folder_name_taken': { status: 409, message: 'A folder of this name is already in that place; details.name says which.' },
  'files.folder_limit': { status: 409, message: 'That place already holds as many folders as it may (details.limit).' },
  'files.folder_into_itself': { status: 409, message: 'A folder cannot be moved into itself or into a folder inside it; details.parentId says where it was to go.' },
  'files.folder_not_empty': { status: 409, message: 'The folder still holds files or folders (details.files, details.folders); move or delete them first.' },
});
