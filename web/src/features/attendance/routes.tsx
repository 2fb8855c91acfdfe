import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage';

/** The member area's 打卡 page, under /app. */
export const attendanceMemberRoutes: RouteObject[] = [{ path: 'attendance', element: lazyPage(async () => (await import('./ClockInPage')).ClockInPage) }];
