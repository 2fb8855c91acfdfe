/**
 * 找回密码与登录安全: 忘记密码 (a reset link by mail), reset links an admin issues, 下次登录时修改密码
 * and 退出所有登录. It composes account, corp and directory; it owns the reset links.
 */
import { defineModule } from '../../platform/module.ts';
import { RecoveryErrors } from './recovery.errors.ts';
import { recoveryRights } from './recovery.policy.ts';
import { recoveryRoutes } from './recovery.routes.ts';
import * as resetTables from './migrations/0202_password_resets.ts';

export const recoveryModule = defineModule({
  name: 'recovery',
  tables: { password_resets: 'tenant' },
  migrations: { '0202_password_resets': resetTables },
  errors: RecoveryErrors,
  rights: recoveryRights,
  routes: recoveryRoutes,
});

export { RecoveryErrors };
