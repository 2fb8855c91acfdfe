import { defineErrors } from '../../platform/errors.ts';

/** The sentences the seed quotes are the messages themselves: the console shows them as they are. */
export const DocsErrors = defineErrors({
  'docs.table_limit': { status: 409, message: '超过表格上限，请删除其他表格后插入。' },
  'docs.sheet_too_large': { status: 422, message: '导入失败，请拆分单元格过多的工作表' },
  'docs.cell_out_of_range': { status: 422, message: 'A cell lies outside what a sheet holds (200,000 rows, 2,000 columns); details.row and details.col say which.' },
  'docs.sheet_full': { status: 409, message: 'A sheet holds at most 1,000,000 cells; details.limit says so.' },
  'docs.comments_banned': { status: 403, message: '管理员已开启“禁止仅浏览成员发表动态”：仅浏览的成员不能评论，可联系文档创建人修改为“可编辑”权限。' },
  'docs.not_a_sheet': { status: 409, message: 'This file is a document, not a sheet.' },
  'docs.not_a_document': { status: 409, message: 'This file is a sheet, not a document.' },
  'docs.bad_workbook': { status: 422, message: '导入失败：the file is not an .xlsx workbook; details.reason says what is wrong.' },
  'docs.bad_image': { status: 422, message: 'The upload is not an image the server reads (JPEG, PNG, GIF, WebP, TIFF, AVIF, HEIF or SVG).' },
  'docs.personal_space': { status: 409, message: 'A member’s own space has no other members.' },
  'docs.last_manager': { status: 409, message: 'A team space keeps at least one manager.' },
});
