import { defineErrors } from '../../platform/errors.ts';

export const HookErrors = defineErrors({
  'hooks.app_not_found': { status: 404, message: 'The enterprise has no app by this id.' },
  'hooks.url_verification_failed': {
    status: 400,
    message: 'The callback URL did not pass verification: it must answer the GET with the decrypted echostr, bare, with HTTP 200; details.reason says what went wrong (unreachable, status, echo_mismatch).',
  },
  'hooks.delivery_not_found': { status: 404, message: 'The app has no delivery by this id.' },
  'hooks.delivery_pending': { status: 409, message: 'The delivery is still being tried; it can be sent again once it is delivered or has failed.' },
});
