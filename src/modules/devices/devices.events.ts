import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';

export const DeviceEvents = defineEvents({
  /** The device is gone: the admin module takes every right on it away in the same transaction. */
  'device.unbound': Type.Object({ deviceId: Type.String() }),
});
