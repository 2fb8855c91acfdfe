import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage';

/** The operator's business category pages, under /operator. */
export const operatorCategoryRoutes: RouteObject[] = [{ path: 'category-reviews', element: lazyPage(async () => (await import('./OperatorCategoryReviewsPage')).OperatorCategoryReviewsPage) }];

/** Links for the operator console's menu (label keys with their operatorCategory namespace). */
export const operatorCategoryNav = [{ path: '/operator/category-reviews', labelKey: 'operatorCategory:nav.reviews' }] as const;
