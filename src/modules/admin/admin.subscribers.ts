import { inTransaction } from '../../platform/events.ts';
import { AppEvents } from '../apps/index.ts';
import { DeviceEvents } from '../devices/index.ts';
import { DirectoryEvents } from '../directory/index.ts';
import { removeAdminRolesOfMember } from './admin.roles.ts';
import { removeRightsOn } from './admin.service.ts';

/**
 * What the admin module does when others change: in the same transaction, so no admin keeps a role
 * or a right on something that is gone (超级管理员 b: 当成员在通讯录被删除后，其超级管理员身份也将被删除).
 */
export const adminSubscribers = [
  inTransaction(DirectoryEvents['member.departed'], 'admin.roles-of-departed', (ctx, { memberId }) => removeAdminRolesOfMember(ctx, memberId)),
  inTransaction(DirectoryEvents['member.deleted'], 'admin.roles-of-deleted', (ctx, { memberId }) => removeAdminRolesOfMember(ctx, memberId)),
  inTransaction(DirectoryEvents['department.deleted'], 'admin.rights-on-deleted-department', (ctx, { departmentId }) => removeRightsOn(ctx, 'department', departmentId)),
  inTransaction(AppEvents['app.deleted'], 'admin.rights-on-deleted-app', (ctx, { appId }) => removeRightsOn(ctx, 'app', appId)),
  inTransaction(DeviceEvents['device.unbound'], 'admin.rights-on-unbound-device', (ctx, { deviceId }) => removeRightsOn(ctx, 'device', deviceId)),
];
