import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { IsoDateTime, NoContent, StrictObject } from '../../platform/http/schemas.ts';
import { authorize, defineRights } from '../admin/authorizer.ts';
import { bindDevice, listDevices, renameDevice, unbindDevice } from './devices.service.ts';

defineRights({
  'devices.read': { hierarchical: 'any' },
  'devices.bind': { hierarchical: 'deviceBind' },
  // Manage on one device is checked by authorizeDevice on the device itself.
  'devices.manage': { hierarchical: 'devices' },
});

const tags = ['devices'];
const DeviceDto = Type.Object({ id: Type.String(), name: Type.String(), serial: Type.String(), model: Type.String(), createdAt: IsoDateTime });
const DeviceParams = StrictObject({ deviceId: Type.String({ minLength: 1, maxLength: 40 }) });
const Name = Type.String({ minLength: 1, maxLength: 40 });

export function deviceRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/devices', { config: { auth: 'corp' }, schema: { tags, summary: 'Devices the actor manages', response: { 200: Type.Object({ items: Type.Array(DeviceDto) }) } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'devices.read');
        return { items: await listDevices(ctx) };
      }),
    );

    app.post(
      '/api/v1/devices',
      { config: { auth: 'corp' }, schema: { tags, summary: 'Bind a new device (绑定新硬件)', body: StrictObject({ name: Name, serial: Type.String({ minLength: 1, maxLength: 64 }), model: Type.String({ minLength: 1, maxLength: 40 }) }), response: { 201: DeviceDto } } },
      async (request, reply) => {
        const device = await deps.db.transaction().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'devices.bind');
          return bindDevice(ctx, request.body);
        });
        return reply.status(201).send(device);
      },
    );

    app.patch('/api/v1/devices/:deviceId', { config: { auth: 'corp' }, schema: { tags, params: DeviceParams, body: StrictObject({ name: Name }), response: { 200: DeviceDto } } }, async (request) =>
      deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'devices.manage');
        return renameDevice(ctx, request.params.deviceId, request.body.name);
      }),
    );

    app.delete('/api/v1/devices/:deviceId', { config: { auth: 'corp' }, schema: { tags, params: DeviceParams, response: { 204: NoContent } } }, async (request, reply) => {
      await deps.db.transaction().execute(async (trx) => {
        const ctx = request.ctx(trx);
        await authorize(ctx, 'devices.manage');
        await unbindDevice(ctx, request.params.deviceId);
      });
      return reply.status(204).send(null);
    });
  };
}
