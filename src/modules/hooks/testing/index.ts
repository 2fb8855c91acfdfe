export { CallbackReceiver, type Received } from './receiver.ts';
export { WebhookReceiver, type WebhookReceived } from './webhook-receiver.ts';
