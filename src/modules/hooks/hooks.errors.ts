import { defineErrors } from '../../platform/errors.ts';

export const HookErrors = defineErrors({
  'hooks.app_not_found': { status: 404, message: 'The enterprise has no app by this id.' },
  'hooks.url_verification_failed': {
    status: 400,
    message: 'The callback URL did not pass verification: it must answer the GET with the decrypted echostr, bare, with HTTP 200; details.reason says what went wrong (unreachable, status, echo_mismatch).',
  },
  'hooks.delivery_not_found': { status: 404, message: 'The app or webhook has no delivery by this id.' },
  'hooks.delivery_pending': { status: 409, message: 'The delivery is still being tried; it can be sent again once it is delivered or has failed.' },
  'hooks.webhook_not_found': { status: 404, message: 'The enterprise has no webhook by this id.' },
  'hooks.webhook_limit': { status: 409, message: 'The enterprise has as many webhooks as it may (details.limit); delete one first.' },
  'hooks.url_private': {
    status: 400,
    message: 'The URL points at a loopback, private or other internal address (details.address) and this server does not allow private callbacks (--allow-private-callbacks). Nothing was saved.',
  },
});
