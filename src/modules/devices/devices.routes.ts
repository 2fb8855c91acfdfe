import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { IsoDateTime, NoContent, StrictObject } from '../../platform/http/schemas.ts';
import { command } from '../../platform/command.ts';
import { bindDevice, listDevices, renameDevice, unbindDevice } from './devices.service.ts';
import { noContent, created } from '../../platform/http/replies.ts';

const list = command({ right: 'devices.read', tx: 'read' }, (ctx) => listDevices(ctx));
const bind = command({ right: 'devices.bind', tx: 'plain' }, (ctx, input: { name: string; serial: string; model: string }) => bindDevice(ctx, input));
const rename = command({ right: 'devices.manage', tx: 'plain' }, (ctx, input: { deviceId: string; name: string }) => renameDevice(ctx, input.deviceId, input.name));
const unbind = command({ right: 'devices.manage', tx: 'plain' }, (ctx, deviceId: string) => unbindDevice(ctx, deviceId));

const tags = ['devices'];
const DeviceDto = Type.Object({ id: Type.String(), name: Type.String(), serial: Type.String(), model: Type.String(), createdAt: IsoDateTime });
const DeviceParams = StrictObject({ deviceId: Type.String({ minLength: 1, maxLength: 40 }) });
const Name = Type.String({ minLength: 1, maxLength: 40 });

export function deviceRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/devices', { config: { auth: 'corp' }, schema: { tags, summary: 'Devices the actor manages', response: { 200: Type.Object({ items: Type.Array(DeviceDto) }) } } }, async (request) => ({
      items: await request.run(list, undefined),
    }));

    app.post(
      '/api/v1/devices',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Bind a new device (绑定新硬件)', body: StrictObject({ name: Name, serial: Type.String({ minLength: 1, maxLength: 64 }), model: Type.String({ minLength: 1, maxLength: 40 }) }), response: { 201: DeviceDto } } },
      async (request, reply) => created(reply, request.run(bind, request.body)),
    );

    app.patch('/api/v1/devices/:deviceId', { config: { auth: 'corp' }, schema: { tags, params: DeviceParams, body: StrictObject({ name: Name }), response: { 200: DeviceDto } } }, (request) =>
      request.run(rename, { deviceId: request.params.deviceId, name: request.body.name }),
    );

    app.delete('/api/v1/devices/:deviceId', { config: { auth: 'corp' }, schema: { tags, params: DeviceParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(unbind, request.params.deviceId)),
    );
  };
}
