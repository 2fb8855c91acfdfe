import { ClockCircleOutlined, SafetyOutlined, TableOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/lazyPage';
import { attendanceMachinesNav } from '../attendance-machines/nav';
import type { NavItem } from '../../nav';
import type { Me } from '../../session';

const RulesPage = lazyPage(async () => (await import('./RulesPage')).RulesPage);
const AntiCheatPage = lazyPage(async () => (await import('./AntiCheatPage')).AntiCheatPage);
const RecordsPage = lazyPage(async () => (await import('./RecordsPage')).RecordsPage);

/** The API trims what each admin sees to the 打卡 app's manage right and their contacts scope. */
const anyAdmin = (me: Me) => me.roles.superAdmin || me.roles.hierarchicalAdmin;

/** 打卡's pages of 打卡 (its rules page links to them): 防作弊管理, the records and summaries, and 考勤机. */
export const attendancePages: NavItem[] = [
  { key: 'attendance-anti-cheat', tab: 'apps', parent: 'attendance', path: '/attendance/anti-cheat', icon: <SafetyOutlined />, labelKey: 'attendance:pages.antiCheat', element: AntiCheatPage, visible: anyAdmin },
  { key: 'attendance-records', tab: 'apps', parent: 'attendance', path: '/attendance/records', icon: <TableOutlined />, labelKey: 'attendance:pages.records', element: RecordsPage, visible: anyAdmin },
  ...attendanceMachinesNav,
];

/** 打卡 in the 应用管理 side menu, with its pages. */
export const attendanceNav: NavItem[] = [
  { key: 'attendance', tab: 'apps', path: '/attendance', icon: <ClockCircleOutlined />, labelKey: 'attendance:nav', element: RulesPage, visible: anyAdmin },
  ...attendancePages,
];
