/** 经营类目: the enterprise's one business category, its review by the operator, and what an unset category blocks. */
import { defineModule } from '../../platform/module.ts';
import { CategoryErrors } from './category.errors.ts';
import { categoryRights } from './category.policy.ts';
import { categoryRoutes } from './category.routes.ts';
import { fillDemoCategory } from './category.demo.ts';
import * as categoryTables from './migrations/0040_category.ts';
import * as categoryInEffect from './migrations/0044_category_in_effect.ts';

export const categoryModule = defineModule({
  name: 'category',
  tables: { corp_categories: 'tenant', category_owners: 'tenant' },
  migrations: { '0040_category': categoryTables, '0044_category_in_effect': categoryInEffect },
  errors: CategoryErrors,
  rights: categoryRights,
  routes: categoryRoutes,
  demo: fillDemoCategory,
});

export { CategoryErrors };
export { assertCategoryAllows, type CategoryGatedAction } from './category.service.ts';
export { getCategoryState, type CategoryState } from './category.service.ts';
