import { defineErrors } from '../../platform/errors.ts';

export const DeviceErrors = defineErrors({
  'device.not_found': { status: 404, message: 'The device does not exist.' },
  'device.serial_taken': { status: 409, message: 'A device with this serial number is already bound.' },
});
