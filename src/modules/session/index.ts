/**
 * 登录与注册: signing in and out, registering an enterprise (the account becomes its creator and
 * first member), `/me`, and switching between an account's enterprises. It owns no table: it
 * composes the account, corp, directory and admin modules.
 */
import { defineModule } from '../../platform/module.ts';
import { sessionRoutes } from './session.routes.ts';

export const sessionModule = defineModule({
  name: 'session',
  tables: {},
  routes: sessionRoutes,
});

export { MeDto, MeEnvelope } from './session.schema.ts';
export { beginSession, describeMe, registerCorp, type Me } from './session.service.ts';
