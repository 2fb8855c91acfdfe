import { ClockCircleOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/lazyPage';
import type { NavItem } from '../../nav';

const MachinesPage = lazyPage(async () => (await import('./MachinesPage')).MachinesPage);

/** 考勤机, under 打卡 in 应用管理: any admin (the list holds the machines whose devices the admin manages). */
export const attendanceMachinesNav: NavItem[] = [
  { key: 'attendance-machines', tab: 'apps', parent: 'attendance', path: '/attendance/machines', icon: <ClockCircleOutlined />, labelKey: 'attendanceMachines:nav', element: MachinesPage, visible: (me) => me.roles.superAdmin || me.roles.hierarchicalAdmin },
];
