import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { categoryRoutes } from '../category/category.routes.ts';
import { acquisitionRoutes } from '../acquisition/acquisition.routes.ts';
import { featuresRoutes } from '../features/features.routes.ts';
import { customersRoutes } from './customers.routes.ts';

/** The customer-facing business (issue 5): business category, customers and quota, acquisition, advanced features. */
export function customerAreaRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const plugins = [categoryRoutes(deps), customersRoutes(deps), acquisitionRoutes(deps), featuresRoutes(deps)];
  return async (app) => {
    for (const plugin of plugins) await app.register(plugin);
  };
}
