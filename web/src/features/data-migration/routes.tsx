import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage';

/** The operator's data-migration pages, under /operator: the review queue and the templates. */
export const operatorMigrationRoutes: RouteObject[] = [
  { path: 'data-migrations', element: lazyPage(async () => (await import('./OperatorMigrationsPage')).OperatorMigrationsPage) },
  { path: 'data-migration-templates', element: lazyPage(async () => (await import('./OperatorTemplatesPage')).OperatorTemplatesPage) },
];

/** Links for the operator console's menu (label keys with their dataMigration namespace). */
export const operatorMigrationNav = [
  { path: '/operator/data-migrations', labelKey: 'dataMigration:operatorNav' },
  { path: '/operator/data-migration-templates', labelKey: 'dataMigration:templates.nav' },
] as const;
