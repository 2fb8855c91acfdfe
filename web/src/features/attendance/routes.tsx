import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage';

/** The member area's 打卡 pages, under /app. */
export const attendanceMemberRoutes: RouteObject[] = [
  { path: 'attendance', element: lazyPage(async () => (await import('./ClockInPage')).ClockInPage) },
  // 我的打卡记录, where a missed or abnormal record is corrected (补卡).
  { path: 'attendance/records', element: lazyPage(async () => (await import('./MyRecordsPage')).MyRecordsPage) },
];
