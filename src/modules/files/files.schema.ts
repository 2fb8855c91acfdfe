import { Type } from 'typebox';
import { IsoDateTime, Page, PageQuery, StrictObject } from '../../platform/http/schemas.ts';

export const FileDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer({ description: 'bytes' }),
  confidential: Type.Boolean({ description: '文件防泄漏 made it a confidential file: kept apart, no quota, opened in the viewer' }),
  forwardedBy: Type.Union([Type.String(), Type.Null()], { description: 'who forwarded it, for a forwarded copy' }),
  folderId: Type.Union([Type.String(), Type.Null()], { description: 'the folder it sits in; null at the top level' }),
  createdAt: IsoDateTime,
  downloadAllowed: Type.Boolean({ description: 'false while 禁止下载与导出 makes it preview-only' }),
  shareAllowed: Type.Boolean({ description: 'whether 「分享到微信」 and 「用其他应用打开」 are allowed' }),
});
export const FilePage = Page(FileDto);
export const FileParams = StrictObject({ id: Type.String({ minLength: 1, maxLength: 40 }) });
export const FileForm = Type.Object({ file: Type.String({ format: 'binary' }) });
export const ForwardBody = StrictObject({ memberId: Type.String({ minLength: 1, maxLength: 40 }) });
export const ShareDto = Type.Object({ allowed: Type.Boolean() });
const FolderRef = Type.String({ minLength: 1, maxLength: 40 });
const InFolder = { folderId: Type.Optional(Type.String({ maxLength: 40, description: 'one of your folders; the top level when absent or empty' })) };
export const MyFilesQuery = StrictObject({ ...PageQuery, ...InFolder });
export const UploadQuery = StrictObject(InFolder);
export const MoveBody = StrictObject({ folderId: Type.Union([FolderRef, Type.Null()], { description: 'one of your folders, or null for the top level' }) });

const FolderName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'unique among the folders of its parent (trimmed)' });
export const FolderDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()], { description: 'null at the top level' }),
  createdAt: IsoDateTime,
});
export const FolderBody = StrictObject({ name: FolderName, parentId: Type.Optional(Type.Union([FolderRef, Type.Null()], { description: 'one of your folders; the top level when absent or null' })) });
export const FolderChangeBody = Type.Object(
  {
    name: Type.Optional(FolderName),
    parentId: Type.Optional(Type.Union([FolderRef, Type.Null()], { description: 'move it into one of your folders (null: the top level); not into itself or a folder inside it' })),
  },
  { additionalProperties: false, minProperties: 1, description: 'a new name, a new place, or both' },
);
export const FolderQuery = StrictObject({ parentId: Type.Optional(Type.String({ maxLength: 40, description: 'one of your folders; the top level when absent or empty' })) });
export const FolderList = Type.Object({ parent: Type.Union([FolderDto, Type.Null()], { description: 'the folder listed (null: the top level), for the way back up' }), items: Type.Array(FolderDto) });
export const QuotaDto = Type.Object({ usedBytes: Type.Integer({ description: 'what your ordinary files take; confidential files count against no quota' }), quotaBytes: Type.Integer() });
export const UsageQuery = StrictObject({ ...PageQuery });
export const UsagePage = Type.Object({
  quotaBytes: Type.Integer({ description: 'each member’s quota' }),
  items: Type.Array(Type.Object({ memberId: Type.String(), name: Type.String(), usedBytes: Type.Integer(), files: Type.Integer({ description: 'ordinary files' }) })),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const Action = Type.Union([Type.Literal('upload'), Type.Literal('download'), Type.Literal('view'), Type.Literal('forward'), Type.Literal('delete')]);
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
