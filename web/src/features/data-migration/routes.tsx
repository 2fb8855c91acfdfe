import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage';

/** The operator's data-migration page, under /operator. */
export const operatorMigrationRoutes: RouteObject[] = [{ path: 'data-migrations', element: lazyPage(async () => (await import('./OperatorMigrationsPage')).OperatorMigrationsPage) }];

/** Links for the operator console's menu (label keys with their dataMigration namespace). */
export const operatorMigrationNav = [{ path: '/operator/data-migrations', labelKey: 'dataMigration:operatorNav' }] as const;
