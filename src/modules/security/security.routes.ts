import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ReadCtx } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { command } from '../../platform/command.ts';
import { DomainError } from '../../platform/errors.ts';
import { created } from '../../platform/http/replies.ts';
import { NoContent, PageQuery, StrictObject } from '../../platform/http/schemas.ts';
import { invalidField, readUpload, refuseDeclaredOver, streamedBody, uploadScope, type UploadLimits } from '../../platform/http/upload.ts';
import { authorizeApp } from '../../platform/policy/index.ts';
import { myClientPolicies, reportViolation, saveClientPolicy, searchViolations, type ViolationSearch } from './client-policies.service.ts';
import { decideIp, PolicyCache } from './enforcement.ts';
import { saveIpPolicy } from './ip.service.ts';
import { readPolicy, securityActiveUntil, type Policies } from './policies.service.ts';
import { SecurityErrors } from './security.errors.ts';
import {
  AccessDto,
  ClientPolicyDto,
  ClientPolicyParams,
  ClientPolicySchema,
  DecodeBody,
  DecodeDto,
  DecodeImageForm,
  DeviceDecisionParams,
  DevicePage,
  DeviceParams,
  DevicePolicyDto,
  DevicePolicySchema,
  DeviceQuery,
  DeviceSignInPage,
  NewDeviceBody,
  DeviceDto,
  RevokedDto,
  type DevicePolicy,
  type NewDevice,
  IpPolicyDto,
  LeakPolicyDto,
  LeakPolicySchema,
  type LeakPolicy,
  IpPolicySchema,
  MyClientPoliciesDto,
  SurfaceParams,
  ViolationBody,
  ViolationCreatedDto,
  ViolationPage,
  ViolationQuery,
  WatermarkDto,
  WatermarkPolicyDto,
  WatermarkPolicySchema,
  WatermarkQuery,
  type ClientPolicy,
  type IpPolicy,
  type IpSurface,
  type WatermarkPolicy,
  type WatermarkSurface,
} from './security.schema.ts';
import type { PolicyKind, ViolationKind } from './security.tables.ts';
import { decideDevice, deviceSignIns, listDevices, registerDevice, saveDevicePolicy, type DeviceSearch } from './devices.service.ts';
import { decodeHiddenMarks, imageMarkFound, myWatermark, saveWatermarkPolicy } from './watermark.service.ts';
import { readImageMark } from './hidden-image.ts';
import type { HiddenMark } from './hidden-mark.ts';
import { saveLeakPolicy } from './leak.service.ts';

/** Admins need manage on the 高级功能 app, as for its seats (super admins hold it). */
const read = { right: 'security.manage', tx: 'read' } as const;
const manage = { right: 'security.manage', tx: 'plain' } as const;
const byAppRight = (ctx: ReadCtx) => authorizeApp(ctx, 'features', 'manage');

async function view<K extends PolicyKind>(ctx: ReadCtx, kind: K): Promise<{ active: boolean; policy: Policies[K] }> {
  await byAppRight(ctx);
  return { active: (await securityActiveUntil(ctx.trx, ctx.corpId)) > ctx.now, policy: await readPolicy(ctx.trx, ctx.corpId, kind) };
}

const readIp = command(read, (ctx) => view(ctx, 'ip'));
const writeIp = command(manage, async (ctx, input: IpPolicy) => {
  await byAppRight(ctx);
  return { active: true, policy: await saveIpPolicy(ctx, input) };
});
const readWatermark = command(read, (ctx) => view(ctx, 'watermark'));
const writeWatermark = command(manage, async (ctx, input: WatermarkPolicy) => {
  await byAppRight(ctx);
  return { active: true, policy: await saveWatermarkPolicy(ctx, input) };
});
const readClient = command(read, (ctx, kind: ViolationKind) => view(ctx, kind));
const writeClient = command(manage, async (ctx, input: { kind: ViolationKind; policy: ClientPolicy }) => {
  await byAppRight(ctx);
  return { active: true, policy: await saveClientPolicy(ctx, input.kind, input.policy) };
});
const decode = command(read, async (ctx, text: string) => {
  await byAppRight(ctx);
  return decodeHiddenMarks(ctx, text);
});
const mayDecode = command(read, byAppRight);
const decodeImage = command(read, async (ctx, found: HiddenMark | undefined) => {
  await byAppRight(ctx);
  return imageMarkFound(ctx, found);
});
const IMAGE_LIMIT = 20 * 1024 * 1024;
const imageLimits: UploadLimits = { fileLimit: IMAGE_LIMIT, fields: [], tooLarge: () => new DomainError(SecurityErrors['security.image_too_large'], { limitBytes: IMAGE_LIMIT }) };
const violations = command(read, async (ctx, query: ViolationSearch) => {
  await byAppRight(ctx);
  return searchViolations(ctx, query);
});

const readLeak = command(read, (ctx) => view(ctx, 'leak'));
const writeLeak = command(manage, async (ctx, input: LeakPolicy) => {
  await byAppRight(ctx);
  return { active: true, policy: await saveLeakPolicy(ctx, input) };
});

const readDevice = command(read, (ctx) => view(ctx, 'device'));
const writeDevice = command(manage, async (ctx, input: DevicePolicy) => {
  await byAppRight(ctx);
  return { active: true, policy: await saveDevicePolicy(ctx, input) };
});
const devices = command(read, async (ctx, query: DeviceSearch) => {
  await byAppRight(ctx);
  return listDevices(ctx, query);
});
const register = command(manage, async (ctx, input: NewDevice) => {
  await byAppRight(ctx);
  return registerDevice(ctx, input);
});
const decideOn = command(manage, async (ctx, input: { id: string; decision: 'approve' | 'refuse' | 'revoke' }) => {
  await byAppRight(ctx);
  return decideDevice(ctx, input.id, input.decision);
});
const signIns = command(read, async (ctx, input: { id: string; cursor?: string | undefined; limit: number }) => {
  await byAppRight(ctx);
  return deviceSignIns(ctx, input.id, input);
});

const use = { right: 'security.use', tx: 'read' } as const;
const watermark = command(use, (ctx, surface: WatermarkSurface) => myWatermark(ctx, surface));
const report = command({ right: 'security.use', tx: 'plain' }, (ctx, input: { kind: ViolationKind; detail: string }) => reportViolation(ctx, input));

/**
 * The IP 访问限制 check for a route of a governed surface (mail, drive): put it in the route's
 * `preHandler`. Members are checked on every request; the console's admin pages are no such
 * route, so a policy can never lock an admin out of changing it.
 */
export function ipGuard(deps: Deps, surface: IpSurface, cache = new PolicyCache(deps.caches)): preHandlerAsyncHookHandler {
  return (request: FastifyRequest) => checkIpAccess(deps, cache, request, surface);
}

async function checkIpAccess(deps: Deps, cache: PolicyCache, request: FastifyRequest, surface: IpSurface): Promise<void> {
  const corp = request.corp;
  if (!corp || corp.actor.kind !== 'member') return;
  const decision = decideIp(await cache.ip(deps.db, corp.corpId), surface, corp.actor.id, request.ip, request.now);
  if (!decision.allowed) throw new DomainError(SecurityErrors['security.ip_refused'], { surface, address: request.ip, reason: decision.reason });
}

/** A strong validator of a JSON body: clients send it back as If-None-Match. */
function etagOf(body: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
}

export function securityRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const corp = { auth: 'corp' } as const;
    const cache = new PolicyCache(deps.caches);
    const tags = ['security'];
    const clientPolicies = command(use, (ctx) => myClientPolicies(ctx, cache));

    app.get('/api/v1/security/ip-policy', { config: corp, schema: { tags, summary: 'IP 访问限制: the networks mail and drive may be reached from', response: { 200: IpPolicyDto } } }, (request) =>
      request.run(readIp, undefined),
    );
    app.put('/api/v1/security/ip-policy', { config: corp, schema: { tags, summary: 'Set IP 访问限制', body: IpPolicySchema, response: { 200: IpPolicyDto } } }, (request) =>
      request.run(writeIp, request.body),
    );
    app.get('/api/v1/security/watermark-policy', { config: corp, schema: { tags, summary: '明水印: per surface whether it is drawn and what it says', response: { 200: WatermarkPolicyDto } } }, (request) =>
      request.run(readWatermark, undefined),
    );
    app.put('/api/v1/security/watermark-policy', { config: corp, schema: { tags, summary: 'Set 明水印', body: WatermarkPolicySchema, response: { 200: WatermarkPolicyDto } } }, (request) =>
      request.run(writeWatermark, request.body),
    );
    app.get('/api/v1/security/client-policies/:kind', { config: corp, schema: { tags, summary: '截屏/录屏管控 or 分享到外部管理', params: ClientPolicyParams, response: { 200: ClientPolicyDto } } }, (request) =>
      request.run(readClient, request.params.kind),
    );
    app.put(
      '/api/v1/security/client-policies/:kind',
      { config: corp, schema: { tags, summary: 'Set 截屏/录屏管控 or 分享到外部管理', params: ClientPolicyParams, body: ClientPolicySchema, response: { 200: ClientPolicyDto } } },
      (request) => request.run(writeClient, { kind: request.params.kind, policy: request.body }),
    );
    app.get('/api/v1/security/violations', { config: corp, schema: { tags, summary: 'What clients reported breaking a policy, newest first', querystring: ViolationQuery, response: { 200: ViolationPage } } }, (request) =>
      request.run(violations, { ...request.query, limit: request.query.limit ?? 50 }),
    );

    app.get('/api/v1/security/leak-policy', { config: corp, schema: { tags, summary: '文件防泄漏: whose files become confidential, and whether they may be downloaded or shared out', response: { 200: LeakPolicyDto } } }, (request) =>
      request.run(readLeak, undefined),
    );
    app.put('/api/v1/security/leak-policy', { config: corp, schema: { tags, summary: 'Set 文件防泄漏 (禁止分享到外部 only while leak prevention is on)', body: LeakPolicySchema, response: { 200: LeakPolicyDto } } }, (request) =>
      request.run(writeLeak, request.body),
    );

    app.get('/api/v1/security/device-policy', { config: corp, schema: { tags, summary: '设备管理: who signs in only from registered or approved devices', response: { 200: DevicePolicyDto } } }, (request) =>
      request.run(readDevice, undefined),
    );
    app.put('/api/v1/security/device-policy', { config: corp, schema: { tags, summary: 'Set 设备登录限制', body: DevicePolicySchema, response: { 200: DevicePolicyDto } } }, (request) =>
      request.run(writeDevice, request.body),
    );
    app.get('/api/v1/security/devices', { config: corp, schema: { tags, summary: 'The members’ enterprise and personal devices, newest first', querystring: DeviceQuery, response: { 200: DevicePage } } }, (request) =>
      request.run(devices, { ...request.query, limit: request.query.limit ?? 50 }),
    );
    app.post('/api/v1/security/devices', { config: corp, schema: { tags, summary: 'Register a member’s device (approved)', body: NewDeviceBody, response: { 201: DeviceDto } } }, async (request, reply) =>
      created(reply, request.run(register, request.body)),
    );
    app.post(
      '/api/v1/security/devices/:id/:decision',
      { config: corp, schema: { tags, summary: 'Approve, refuse or revoke a device (revoking ends its sessions)', params: DeviceDecisionParams, response: { 200: RevokedDto } } },
      (request) => request.run(decideOn, request.params),
    );
    app.get(
      '/api/v1/security/devices/:id/sign-ins',
      { config: corp, schema: { tags, summary: 'The sign-ins from one device, newest first', params: DeviceParams, querystring: StrictObject({ ...PageQuery }), response: { 200: DeviceSignInPage } } },
      (request) => request.run(signIns, { id: request.params.id, cursor: request.query.cursor, limit: request.query.limit ?? 50 }),
    );

    app.post('/api/v1/security/hidden-watermark/decode', { config: corp, schema: { tags, summary: '暗水印: the members and times hidden in a text', body: DecodeBody, response: { 200: DecodeDto } } }, (request) =>
      request.run(decode, request.body.text),
    );
    await app.register(async (uploads) => {
      await uploadScope(uploads, IMAGE_LIMIT);
      uploads.post(
        '/api/v1/security/hidden-watermark/decode-image',
        {
          config: corp,
          onRequest: refuseDeclaredOver(imageLimits),
          validatorCompiler: streamedBody,
          schema: {
            tags,
            summary: '暗水印: the member and time hidden in an image’s pixels (multipart/form-data: file)',
            body: { content: { 'multipart/form-data': { schema: DecodeImageForm } } } as unknown as typeof DecodeImageForm,
            response: { 200: DecodeDto },
          },
        },
        async (request) => {
          // The right is checked before the image is read; the pixels are read outside any transaction.
          await request.run(mayDecode, undefined);
          const { content } = await readUpload(request, imageLimits);
          if (content === undefined) throw invalidField('file', 'required');
          if (content.length === 0) throw invalidField('file', 'minLength');
          return request.run(decodeImage, await readImageMark(content));
        },
      );
    });

    app.get(
      '/api/v1/security/access/:surface',
      { config: corp, preHandler: (request) => checkIpAccess(deps, cache, request, (request.params as { surface: IpSurface }).surface), schema: { tags, summary: 'Whether the member may reach mail or drive from this address (403 says why not)', params: SurfaceParams, response: { 200: AccessDto } } },
      async (request) => ({ surface: request.params.surface, address: request.ip, allowed: true }),
    );
    app.get('/api/v1/security/watermark', { config: corp, schema: { tags, summary: 'The visible watermark for the signed-in member on a surface', querystring: WatermarkQuery, response: { 200: WatermarkDto } } }, (request) =>
      request.run(watermark, request.query.surface),
    );
    app.get(
      '/api/v1/security/my-client-policies',
      { config: corp, schema: { tags, summary: 'What the member’s clients must obey (ETag; 304 when unchanged)', response: { 200: MyClientPoliciesDto, 304: NoContent } } },
      async (request, reply) => {
        const body = await request.run(clientPolicies, undefined);
        const etag = etagOf(body);
        reply.header('etag', etag).header('cache-control', 'private, no-cache');
        if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
        return body;
      },
    );
    app.post('/api/v1/security/violations', { config: corp, schema: { tags, summary: 'A client reports a screenshot or an external share', body: ViolationBody, response: { 201: ViolationCreatedDto } } }, async (request, reply) =>
      created(reply, request.run(report, request.body)),
    );
  };
}
