/** 硬件设备: bound hardware (考勤机 and the like), with the bind and manage rights of 设备管理权限. */
import { defineModule } from '../../platform/module.ts';
import { devicesAuditNames } from './devices.audit.ts';
import { DeviceErrors } from './devices.errors.ts';
import { DeviceEvents } from './devices.events.ts';
import { deviceRights } from './devices.policy.ts';
import { deviceRoutes } from './devices.routes.ts';
import { fillDemoDevices } from './devices.demo.ts';
import * as devicesTable from './migrations/0022_devices.ts';

export const devicesModule = defineModule({
  name: 'devices',
  tables: { devices: 'tenant' },
  migrations: { '0022_devices': devicesTable },
  errors: DeviceErrors,
  rights: deviceRights,
  events: DeviceEvents,
  auditNames: devicesAuditNames,
  routes: deviceRoutes,
  demo: fillDemoDevices,
});

export { DeviceEvents };
export { allDevices, existingDeviceIds } from './devices.service.ts';
/** Binding (the bind right) and the devices the actor manages, for the modules whose hardware is a device (考勤机). */
export { bindDevice, listDevices, type DeviceView } from './devices.service.ts';
export { devicesDemo, type DevicesDemo } from './devices.demo.ts';
