import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';

export const AppEvents = defineEvents({
  /** A custom app is gone: the admin module takes every right on it away in the same transaction. */
  'app.deleted': Type.Object({ appId: Type.String() }),
  /** 发消息: the members it reached (inside the sender's rights and the app's visible range); the inbox delivers. */
  'app.message_sent': Type.Object({ appId: Type.String(), memberIds: Type.Array(Type.String()), title: Type.String(), body: Type.String(), key: Type.String() }),
  /** 撤回: the message sent with `key` leaves every inbox it reached. */
  'app.message_recalled': Type.Object({ appId: Type.String(), key: Type.String() }),
});
