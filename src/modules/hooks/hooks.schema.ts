import { Type } from 'typebox';
import { IsoDateTime, NullableIsoDateTime, PageQuery, Page, StrictObject } from '../../platform/http/schemas.ts';
import { WEBHOOK_EVENT_TYPES } from './webhooks.service.ts';

export const AppParams = StrictObject({ appId: Type.String({ minLength: 1, maxLength: 40 }) });
export const DeliveryParams = StrictObject({ appId: Type.String({ minLength: 1, maxLength: 40 }), deliveryId: Type.String({ minLength: 1, maxLength: 40 }) });

/** WeCom's limits: a URL of http(s), a Token of up to 32 letters and digits, an EncodingAESKey of exactly 43. */
export const CallbackBody = StrictObject({
  url: Type.String({ minLength: 1, maxLength: 500, pattern: '^https?://[^\\s]+$', description: 'http:// or https:// address that answers the GET handshake' }),
  token: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9]+$' }),
  aesKey: Type.String({ minLength: 43, maxLength: 43, pattern: '^[A-Za-z0-9]{43}$', description: 'EncodingAESKey: 43 letters and digits' }),
});

export const CallbackDto = Type.Object({ url: Type.String(), token: Type.String(), aesKey: Type.String(), updatedAt: IsoDateTime });

export const DeliveryDto = Type.Object({
  id: Type.String(),
  eventId: Type.String({ description: 'the same on every retry and replay: receivers dedupe on it (BanyanEventId in the XML, the Banyan-Event-Id header)' }),
  eventType: Type.String({ description: 'change_contact/create_user, change_contact/delete_party…' }),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Array(Type.Object({ n: Type.Integer(), at: IsoDateTime, code: Type.Union([Type.Integer(), Type.Null()]), error: Type.Union([Type.String(), Type.Null()]) })),
  nextAttemptAt: NullableIsoDateTime,
  createdAt: IsoDateTime,
  deliveredAt: NullableIsoDateTime,
});

export const DeliveryPage = Page(DeliveryDto);
export const DeliveryQuery = StrictObject(PageQuery);

export const WebhookParams = StrictObject({ webhookId: Type.String({ minLength: 1, maxLength: 40 }) });
export const WebhookDeliveryParams = StrictObject({ webhookId: Type.String({ minLength: 1, maxLength: 40 }), deliveryId: Type.String({ minLength: 1, maxLength: 40 }) });

export const WebhookEventType = Type.Enum(WEBHOOK_EVENT_TYPES);

export const WebhookBody = StrictObject({
  url: Type.String({ minLength: 1, maxLength: 500, pattern: '^https?://[^\\s]+$', description: 'http:// or https:// address that takes the POSTs' }),
  description: Type.Optional(Type.String({ maxLength: 100 })),
  eventTypes: Type.Array(WebhookEventType, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true }),
  enabled: Type.Optional(Type.Boolean({ default: true })),
});

export const WebhookDto = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(WebhookEventType),
  enabled: Type.Boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const WebhookSecret = Type.Object({ secret: Type.String({ description: 'whsec_…: signs every delivery (Banyan-Signature); shown this once' }) });
