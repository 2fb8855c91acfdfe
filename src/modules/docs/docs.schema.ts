import { Type } from 'typebox';
import { IsoDateTime, StrictObject } from '../../platform/http/schemas.ts';
import { SHEET_LIMITS } from './sheets.service.ts';

const Ref = Type.String({ minLength: 1, maxLength: 40 });
const Role = Type.Union([Type.Literal('view'), Type.Literal('edit'), Type.Literal('manage')]);
const ShareAccess = Type.Union([Type.Literal('view'), Type.Literal('edit')], { description: 'view: 仅浏览; edit: 可编辑' });
const LinkAccess = Type.Union([Type.Literal('off'), Type.Literal('view'), Type.Literal('edit')]);
const Kind = Type.Union([Type.Literal('document'), Type.Literal('sheet')]);
const Title = Type.String({ minLength: 1, maxLength: 100 });

export const FileParams = StrictObject({ id: Ref });
export const SpaceParams = StrictObject({ id: Ref });
export const LinkParams = StrictObject({ token: Type.String({ minLength: 1, maxLength: 64 }) });
export const FileTableParams = StrictObject({ id: Ref, tableId: Ref });
export const FileSheetParams = StrictObject({ id: Ref, sheetId: Ref });
export const FileThreadParams = StrictObject({ id: Ref, threadId: Ref });
export const FileRevisionParams = StrictObject({ id: Ref, revisionId: Ref });

export const SpaceDto = Type.Object({ id: Type.String(), kind: Type.Union([Type.Literal('personal'), Type.Literal('team')]), name: Type.String(), role: Role, createdAt: IsoDateTime });
export const SpaceList = Type.Object({ items: Type.Array(SpaceDto) });
const SpaceMember = StrictObject({ memberId: Ref, role: Role });
export const NewSpaceBody = StrictObject({ name: Title, members: Type.Array(SpaceMember, { maxItems: 2_000 }) });
export const SpaceMembersBody = StrictObject({ members: Type.Array(SpaceMember, { minItems: 1, maxItems: 2_000 }) });
export const SpaceMembersDto = Type.Object({ items: Type.Array(Type.Object({ memberId: Type.String(), name: Type.String(), role: Role })) });

export const FileDto = Type.Object({
  id: Type.String(),
  spaceId: Type.String(),
  kind: Kind,
  title: Type.String(),
  access: Role,
  linkAccess: LinkAccess,
  createdBy: Type.String(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export const FileList = Type.Object({ items: Type.Array(FileDto) });
export const FileWithBody = Type.Object({ ...FileDto.properties, body: Type.String() });
export const NewFileBody = StrictObject({ spaceId: Type.Optional(Ref), kind: Kind, title: Title });
export const UpdateFileBody = StrictObject({ title: Type.Optional(Title), body: Type.Optional(Type.String({ maxLength: 1_000_000 })) });

const Share = StrictObject({ kind: Type.Union([Type.Literal('member'), Type.Literal('department'), Type.Literal('tag')]), id: Ref, access: ShareAccess });
export const SharesBody = StrictObject({ shares: Type.Array(Share, { maxItems: 2_000 }), linkAccess: LinkAccess });
export const SharesDto = Type.Object({ shares: Type.Array(Share), linkAccess: LinkAccess, linkToken: Type.Union([Type.String(), Type.Null()], { description: 'present while the link is on, or for those who manage the file' }) });

export const NewTableBody = StrictObject({ rows: Type.Integer({ minimum: 1, maximum: 100 }), cols: Type.Integer({ minimum: 1, maximum: 26 }) });
export const TableCellsBody = StrictObject({ cells: Type.Array(Type.Array(Type.String({ maxLength: 10_000 }), { maxItems: 26 }), { minItems: 1, maxItems: 100 }) });
export const TableDto = Type.Object({ id: Type.String(), rows: Type.Integer(), cols: Type.Integer(), cells: Type.Array(Type.Array(Type.String())), createdAt: IsoDateTime });
export const TableList = Type.Object({ items: Type.Array(TableDto), limit: Type.Integer() });

export const SheetDto = Type.Object({ id: Type.String(), name: Type.String(), position: Type.Integer(), cellCount: Type.Integer() });
export const SheetList = Type.Object({ items: Type.Array(SheetDto), limits: Type.Object({ cells: Type.Integer(), rows: Type.Integer(), cols: Type.Integer() }) });
const Row = Type.Integer({ minimum: 0, description: '0-based; below 200,000' });
const Col = Type.Integer({ minimum: 0, description: '0-based; below 2,000' });
export const CellDto = Type.Object({ row: Type.Integer(), col: Type.Integer(), value: Type.String() });
export const CellsQuery = StrictObject({ fromRow: Type.Optional(Type.Integer({ minimum: 0, default: 0 })), toRow: Type.Optional(Type.Integer({ minimum: 1, maximum: SHEET_LIMITS.rows })) });
export const CellsDto = Type.Object({ items: Type.Array(CellDto) });
export const EditCellsBody = StrictObject({ cells: Type.Array(StrictObject({ row: Row, col: Col, value: Type.String({ maxLength: 32_767 }) }), { minItems: 1, maxItems: 1_000 }) });
export const EditCellsDto = Type.Object({ changed: Type.Integer(), revisionsCut: Type.Integer() });

const Comment = {
  id: Type.String(),
  threadId: Type.String(),
  sheetId: Type.Union([Type.String(), Type.Null()]),
  row: Type.Union([Type.Integer(), Type.Null()]),
  col: Type.Union([Type.Integer(), Type.Null()]),
  authorId: Type.Union([Type.String(), Type.Null()], { description: 'null for an imported note: authorName is the name in the file' }),
  authorName: Type.String(),
  body: Type.String(),
  mentions: Type.Array(Type.String()),
  resolvedAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
};
export const CommentDto = Type.Object(Comment);
export const CommentList = Type.Object({ threads: Type.Array(Type.Object({ ...Comment, replies: Type.Array(CommentDto) })), canComment: Type.Boolean() });
export const NewCommentBody = StrictObject({
  body: Type.String({ minLength: 1, maxLength: 5_000 }),
  mentions: Type.Optional(Type.Array(Ref, { maxItems: 100 })),
  threadId: Type.Optional(Ref),
  cell: Type.Optional(StrictObject({ sheetId: Ref, row: Row, col: Col })),
});
export const ResolveBody = StrictObject({ resolved: Type.Boolean() });

const Revision = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  authorId: Type.String(),
  authorName: Type.String(),
  kind: Type.Union([Type.Literal('edit'), Type.Literal('restore')]),
  restoredFrom: Type.Union([Type.String(), Type.Null()]),
  cellsChanged: Type.Integer(),
  createdAt: IsoDateTime,
});
export const RevisionDto = Revision;
export const RevisionList = Type.Object({ items: Type.Array(Revision), pending: Type.Array(Type.Object({ authorId: Type.String(), authorName: Type.String(), cells: Type.Integer() })) });
export const RevisionQuery = StrictObject({ sheetId: Type.Optional(Ref) });
export const RevisionDetail = Type.Object({
  revision: Revision,
  changes: Type.Array(Type.Object({ sheetId: Type.String(), row: Type.Integer(), col: Type.Integer(), before: Type.String(), after: Type.String() })),
  cells: Type.Array(Type.Object({ sheetId: Type.String(), row: Type.Integer(), col: Type.Integer(), value: Type.String() }), { description: 'the sheet named by ?sheetId as it stood right after the revision' }),
});

export const ImportQuery = StrictObject({ spaceId: Type.Optional(Ref), title: Title });
export const ImportedDto = Type.Object({ ...FileDto.properties, sheets: Type.Integer(), cells: Type.Integer(), comments: Type.Integer() });

export const SettingsBody = StrictObject({ viewOnlyCommentsBanned: Type.Boolean({ description: '禁止仅浏览成员发表动态' }) });
export const SettingsDto = Type.Object({ viewOnlyCommentsBanned: Type.Boolean() });

const Named = Type.Array(Type.Object({ id: Type.String(), name: Type.String() }));
export const PeopleQuery = StrictObject({ q: Type.Optional(Type.String({ maxLength: 64 })) });
export const PeopleDto = Type.Object({ members: Named, departments: Named, tags: Named });

const ImageKind = Type.Union([Type.Literal('pasted'), Type.Literal('attachment')], { description: 'pasted: 截图粘贴, compressed over 1 MiB or 2,560 px; attachment: 插入图片, the original kept' });
export const ImageQuery = StrictObject({ kind: ImageKind, name: Type.String({ minLength: 1, maxLength: 200 }) });
export const FileImageParams = StrictObject({ id: Ref, imageId: Ref });
export const ImageDto = Type.Object({
  id: Type.String(),
  kind: ImageKind,
  name: Type.String(),
  contentType: Type.String(),
  bytes: Type.Integer({ description: 'the size kept' }),
  width: Type.Integer(),
  height: Type.Integer(),
  originalBytes: Type.Integer({ description: 'the size uploaded' }),
  compressed: Type.Boolean(),
  sha256: Type.String({ description: 'of the bytes kept' }),
  createdAt: IsoDateTime,
});
export const ImageList = Type.Object({ items: Type.Array(ImageDto) });
