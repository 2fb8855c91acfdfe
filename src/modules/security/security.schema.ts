import { Type, type Static } from 'typebox';
import { IsoDateTime, Page, PageQuery, StrictObject } from '../../platform/http/schemas.ts';

const Ids = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10_000 });
/** Members, departments (with their sub-departments) and tags. */
export const ScopeSchema = StrictObject({ memberIds: Ids, departmentIds: Ids, tagIds: Ids });
export type Scope = Static<typeof ScopeSchema>;
export const emptyScope = (): Scope => ({ memberIds: [], departmentIds: [], tagIds: [] });

export const SURFACES = ['mail', 'drive'] as const;
export type IpSurface = (typeof SURFACES)[number];
const IpList = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 5_000 });
/** IP 访问限制: per surface the networks members may reach it from (an empty list: no limit). */
export const IpPolicySchema = StrictObject({ enabled: Type.Boolean(), mail: IpList, drive: IpList, exempt: ScopeSchema });
export type IpPolicy = Static<typeof IpPolicySchema>;

export const WATERMARK_SURFACES = ['chat', 'contacts', 'mail', 'docs', 'drive'] as const;
export type WatermarkSurface = (typeof WATERMARK_SURFACES)[number];
export const WatermarkSegment = Type.Union([Type.Literal('name'), Type.Literal('phone'), Type.Literal('account'), Type.Literal('time'), Type.Literal('custom')]);
export type WatermarkSegment = Static<typeof WatermarkSegment>;
/** `hidden`: 暗水印 on the surface too (a zero-width mark of the member and time in its text). */
const SurfaceMark = StrictObject({ enabled: Type.Boolean(), content: Type.Array(WatermarkSegment, { uniqueItems: true, maxItems: 5 }), hidden: Type.Optional(Type.Boolean()) });
/** 明水印: per surface whether it is drawn and what it says; custom text is for docs only. */
export const WatermarkPolicySchema = StrictObject({
  chat: SurfaceMark,
  contacts: SurfaceMark,
  mail: SurfaceMark,
  docs: SurfaceMark,
  drive: SurfaceMark,
  customText: Type.String({ maxLength: 40 }),
});
export type WatermarkPolicy = Static<typeof WatermarkPolicySchema>;

/** 截屏/录屏管控 and 分享到外部管理: who is restricted (an empty scope: everyone) and who is exempt. */
export const ClientPolicySchema = StrictObject({ enabled: Type.Boolean(), scope: ScopeSchema, whitelist: ScopeSchema });
export type ClientPolicy = Static<typeof ClientPolicySchema>;

export const ClientPolicyKind = Type.Union([Type.Literal('screen_capture'), Type.Literal('share_external')]);
export const ClientPolicyParams = StrictObject({ kind: ClientPolicyKind });

export const SecurityStatusDto = Type.Object({ active: Type.Boolean() });
export const IpPolicyDto = Type.Object({ active: Type.Boolean(), policy: IpPolicySchema });
export const WatermarkPolicyDto = Type.Object({ active: Type.Boolean(), policy: WatermarkPolicySchema });
export const ClientPolicyDto = Type.Object({ active: Type.Boolean(), policy: ClientPolicySchema });

export const SurfaceParams = StrictObject({ surface: Type.Union([Type.Literal('mail'), Type.Literal('drive')]) });
export const AccessDto = Type.Object({ surface: Type.String(), address: Type.String(), allowed: Type.Boolean() });

export const WatermarkQuery = StrictObject({ surface: Type.Union([Type.Literal('chat'), Type.Literal('contacts'), Type.Literal('mail'), Type.Literal('docs'), Type.Literal('drive')]) });
export const WatermarkDto = Type.Object({ enabled: Type.Boolean(), text: Type.String(), hiddenMark: Type.String({ description: '暗水印: zero-width characters to put in the page text; empty when off' }) });
export const DecodeBody = StrictObject({ text: Type.String({ minLength: 1, maxLength: 1_000_000 }) });
export const DecodeDto = Type.Object({ marks: Type.Array(Type.Object({ memberId: Type.String(), memberName: Type.String(), userid: Type.String(), markedAt: IsoDateTime })) });
/** An image to look for the pixel mark in (PNG, JPEG, GIF or WebP). */
export const DecodeImageForm = Type.Object({ file: Type.String({ format: 'binary', description: 'the image, at most 20 MiB (20,971,520 bytes)' }) });

/** What a client obeys: whether the member may take screenshots / share outside. */
export const MyClientPoliciesDto = Type.Object({ screenCaptureRestricted: Type.Boolean(), shareExternalRestricted: Type.Boolean() });

export const ViolationBody = StrictObject({ kind: ClientPolicyKind, detail: Type.String({ maxLength: 500 }) });
export const ViolationCreatedDto = Type.Object({ id: Type.String() });
export const ViolationDto = Type.Object({ id: Type.String(), kind: Type.String(), memberId: Type.String(), memberName: Type.String(), detail: Type.String(), address: Type.String(), occurredAt: IsoDateTime });
export const ViolationQuery = StrictObject({
  ...PageQuery,
  kind: Type.Optional(ClientPolicyKind),
  memberId: Type.Optional(Type.String({ maxLength: 40 })),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
});
export const ViolationPage = Page(ViolationDto);

/** 设备管理's login restriction: who must sign in from a known device, and what a new one does. */
export const DevicePolicySchema = StrictObject({
  enabled: Type.Boolean(),
  /** approval: the new device waits for an admin; refuse: it is refused (an admin may still approve it). */
  newDevice: Type.Union([Type.Literal('approval'), Type.Literal('refuse')]),
  scope: ScopeSchema,
  whitelist: ScopeSchema,
});
export type DevicePolicy = Static<typeof DevicePolicySchema>;
export const DevicePolicyDto = Type.Object({ active: Type.Boolean(), policy: DevicePolicySchema });

const DeviceKindSchema = Type.Union([Type.Literal('enterprise'), Type.Literal('personal')]);
const DeviceStatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('refused'), Type.Literal('revoked')]);
export const DeviceDto = Type.Object({
  id: Type.String(),
  memberId: Type.String(),
  memberName: Type.String(),
  deviceKey: Type.String(),
  name: Type.String(),
  kind: DeviceKindSchema,
  status: DeviceStatusSchema,
  createdAt: IsoDateTime,
  lastSignInAt: Type.Union([IsoDateTime, Type.Null()]),
});
export const DeviceQuery = StrictObject({ ...PageQuery, status: Type.Optional(DeviceStatusSchema), memberId: Type.Optional(Type.String({ maxLength: 40 })) });
export const DevicePage = Page(DeviceDto);
export const DeviceParams = StrictObject({ id: Type.String({ minLength: 1, maxLength: 40 }) });
export const DeviceDecision = Type.Union([Type.Literal('approve'), Type.Literal('refuse'), Type.Literal('revoke')]);
export const DeviceDecisionParams = StrictObject({ id: Type.String({ minLength: 1, maxLength: 40 }), decision: DeviceDecision });
export const RevokedDto = Type.Object({ device: DeviceDto, sessionsEnded: Type.Integer() });
/** An enterprise device an admin registers for a member by the id its client shows. */
export const NewDeviceBody = StrictObject({
  memberId: Type.String({ minLength: 1, maxLength: 40 }),
  deviceKey: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' }),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  kind: DeviceKindSchema,
});
export type NewDevice = Static<typeof NewDeviceBody>;
export const DeviceSignInDto = Type.Object({ id: Type.String(), outcome: Type.Union([Type.Literal('allowed'), Type.Literal('refused')]), address: Type.String(), signedInAt: IsoDateTime, active: Type.Boolean({ description: 'the session it opened is still open' }) });
export const DeviceSignInPage = Page(DeviceSignInDto);

/**
 * 文件防泄漏: files uploaded by members in scope (an empty scope: everyone) and not whitelisted become
 * confidential. `blockDownload` (禁止下载与导出) makes them preview-only and refuses 「分享到微信」 and
 * 「用其他应用打开」; `blockExternalShare` (禁止分享到外部) refuses those two alone, and can be on only
 * while leak prevention is.
 */
export const LeakPolicySchema = StrictObject({ enabled: Type.Boolean(), scope: ScopeSchema, whitelist: ScopeSchema, blockDownload: Type.Boolean(), blockExternalShare: Type.Boolean() });
export type LeakPolicy = Static<typeof LeakPolicySchema>;
export const LeakPolicyDto = Type.Object({ active: Type.Boolean(), policy: LeakPolicySchema });
