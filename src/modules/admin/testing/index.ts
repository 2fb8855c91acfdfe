/** Admin roles for other modules' tests: a hierarchical admin through the admin module's own service. */
export { addHierarchicalAdmin } from '../admin.service.ts';

/** Rights as the admin API carries them, and a builder with nothing given by default. */
export interface Rights {
  departmentIds: string[];
  apps: { appId: string; level: 'send' | 'manage' }[];
  deviceBind: boolean;
  deviceIds: string[];
}
export const rights = (r: Partial<Rights>): Rights => ({ departmentIds: [], apps: [], deviceBind: false, deviceIds: [], ...r });
