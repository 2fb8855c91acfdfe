import { defineErrors } from '../../platform/errors.ts';

export const AppErrors = defineErrors({
  'app.not_found': { status: 404, message: 'The app does not exist.' },
  'app.message_not_found': { status: 404, message: 'This app sent no message with that key.' },
  'app.message_recalled': { status: 409, message: 'The message was already recalled.' },
  'app.message_too_old': { status: 409, message: 'Only messages sent in the last 24 hours can be recalled.' },
  'app.system_app': { status: 409, message: 'System apps cannot be changed or deleted.' },
});
