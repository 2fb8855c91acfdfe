import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage';

/** The operator's certification review queue, under /operator. */
export const operatorCertificationRoutes: RouteObject[] = [{ path: 'certification-reviews', element: lazyPage(async () => (await import('./OperatorCertificationPage')).OperatorCertificationPage) }];

/** Links for the operator console's menu (label keys with their certification namespace). */
export const operatorCertificationNav = [{ path: '/operator/certification-reviews', labelKey: 'certification:operatorNav' }] as const;
