/** 高级功能: advanced features bought with the balance (安全管理 today), their seats (使用人名额) and settings. */
import { defineModule } from '../../platform/module.ts';
import { FeatureErrors } from './features.errors.ts';
import { featureRights } from './features.policy.ts';
import { featuresRoutes } from './features.routes.ts';
import { featureSubscribers } from './features.subscribers.ts';
import * as featureTables from './migrations/0043_features.ts';

export const featuresModule = defineModule({
  name: 'features',
  tables: { feature_plans: 'tenant', feature_purchases: 'tenant', feature_seats: 'tenant', feature_settings: 'tenant' },
  migrations: { '0043_features': featureTables },
  errors: FeatureErrors,
  rights: featureRights,
  subscribers: featureSubscribers,
  routes: featuresRoutes,
});

export { featureActiveUntil, hasFeature } from './features.service.ts';
