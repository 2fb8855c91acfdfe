import { Type } from 'typebox';
import { IsoDateTime, Page, PageQuery, StrictObject } from '../../platform/http/schemas.ts';

export const FileDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer({ description: 'bytes' }),
  confidential: Type.Boolean({ description: '文件防泄漏 made it a confidential file: kept apart, no quota, opened in the viewer' }),
  forwardedBy: Type.Union([Type.String(), Type.Null()], { description: 'who forwarded it, for a forwarded copy' }),
  createdAt: IsoDateTime,
  downloadAllowed: Type.Boolean({ description: 'false while 禁止下载与导出 makes it preview-only' }),
  shareAllowed: Type.Boolean({ description: 'whether 「分享到微信」 and 「用其他应用打开」 are allowed' }),
});
export const FilePage = Page(FileDto);
export const FileParams = StrictObject({ id: Type.String({ minLength: 1, maxLength: 40 }) });
export const FileForm = Type.Object({ file: Type.String({ format: 'binary' }) });
export const ForwardBody = StrictObject({ memberId: Type.String({ minLength: 1, maxLength: 40 }) });
export const ShareDto = Type.Object({ allowed: Type.Boolean() });
export const MyFilesQuery = StrictObject({ ...PageQuery });

const Action = Type.Union([Type.Literal('upload'), Type.Literal('download'), Type.Literal('view'), Type.Literal('forward')]);
const filters = {
  memberId: Type.Optional(Type.String({ maxLength: 40 })),
  action: Type.Optional(Action),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
};
export const RecordQuery = StrictObject({ ...PageQuery, ...filters });
export const RecordExportQuery = StrictObject({ ...filters, lang: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { description: 'the language of the headers and actions' }) });
export const RecordDto = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  memberId: Type.String(),
  memberName: Type.String(),
  action: Action,
  fileId: Type.String(),
  fileName: Type.String(),
  targetMemberId: Type.Union([Type.String(), Type.Null()]),
  targetName: Type.Union([Type.String(), Type.Null()], { description: 'the recipient of a forward' }),
  address: Type.String(),
});
export const RecordPage = Page(RecordDto);
