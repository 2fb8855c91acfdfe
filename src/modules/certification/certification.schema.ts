import { Type } from 'typebox';
import { IsoDateTime, NullableIsoDateTime, Page, PageQuery, StrictObject } from '../../platform/http/schemas.ts';
import { IdempotencyKey, PriceQuoteDto, QuotedFen } from '../wallet/index.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** A stored scan's id: its SHA-256. */
export const FileId = Type.String({ pattern: '^[0-9a-f]{64}$' });
export const ScanDto = Type.Object({ id: Type.String(), name: Type.String(), mime: Type.String(), size: Type.Integer(), uploadedAt: IsoDateTime });
export const ScanForm = Type.Object(
  { file: Type.String({ format: 'binary', description: 'a JPEG, PNG or PDF scan, at most 5 MiB (5,242,880 bytes)' }) },
  { additionalProperties: false },
);

export const ApplicationDto = Type.Object({
  id: Type.String(),
  corpId: Type.String(),
  status: Type.Union([Type.Literal('review'), Type.Literal('approved'), Type.Literal('rejected')]),
  subjectName: Type.String(),
  licenceName: Type.String(),
  creditCode: Type.String(),
  licenceFile: Nullable(ScanDto),
  contactName: Type.String(),
  contactPhone: Type.String(),
  feeFen: Type.Integer(),
  submittedBy: Type.String(),
  submittedAt: IsoDateTime,
  reviewedBy: Nullable(Type.String()),
  reviewedAt: NullableIsoDateTime,
  validUntil: NullableIsoDateTime,
  rejectReason: Nullable(Type.String()),
});

export const CertificationStateDto = Type.Object({
  certified: Type.Boolean(),
  certifiedUntil: NullableIsoDateTime,
  expiresInDays: Nullable(Type.Integer()),
  latest: Nullable(ApplicationDto),
  mayApply: Type.Boolean(),
});

export const QuoteDto = PriceQuoteDto;

const Name = Type.String({ minLength: 2, maxLength: 80 });
export const ApplicationBody = StrictObject({
  subjectName: Name,
  licenceName: Name,
  /** 统一社会信用代码: 18 digits and capitals. */
  creditCode: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' }),
  licenceFileId: FileId,
  contactName: Type.String({ minLength: 1, maxLength: 40 }),
  contactPhone: Type.String({ pattern: '^\\+?[0-9][0-9-]{5,19}$' }),
  quotedFen: QuotedFen,
  idempotencyKey: IdempotencyKey,
});

export const ReviewBody = Type.Union([
  StrictObject({ decision: Type.Literal('approve'), validUntil: IsoDateTime }),
  StrictObject({ decision: Type.Literal('reject'), reason: Type.String({ minLength: 1, maxLength: 200 }) }),
]);
export const ReviewParams = StrictObject({ corpId: Type.String({ maxLength: 40 }), id: Type.String({ maxLength: 40 }) });
export const FileParams = StrictObject({ id: FileId });
export const OperatorFileParams = StrictObject({ corpId: Type.String({ maxLength: 40 }), id: FileId });
export const PendingApplicationsDto = Page(Type.Object({ ...ApplicationDto.properties, corpName: Type.String() }));
export const PendingQuery = StrictObject(PageQuery);
