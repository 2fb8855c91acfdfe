import { defineErrors } from '../../platform/errors.ts';

export const AppErrors = defineErrors({
  'app.not_found': { status: 404, message: 'The app does not exist.' },
  'app.system_app': { status: 409, message: 'System apps cannot be changed or deleted.' },
});
