/**
 * 微信账号: a person's login, outside any enterprise. Enterprises link an account to a member
 * (directory) or to an external super admin (admin).
 */
import { defineModule } from '../../platform/module.ts';
import { accountAuditNames } from './account.audit.ts';
import { AccountErrors } from './account.errors.ts';
import { accountRoutes } from './account.routes.ts';
import * as accountsTable from './migrations/0060_accounts.ts';
import * as lockoutGone from './migrations/0141_account_lockout_gone.ts';
import * as passwordChange from './migrations/0201_account_password_change.ts';

export const accountModule = defineModule({
  name: 'account',
  tables: { accounts: 'reference' },
  migrations: { '0060_accounts': accountsTable, '0141_account_lockout_gone': lockoutGone, '0201_account_password_change': passwordChange },
  errors: AccountErrors,
  auditNames: accountAuditNames,
  routes: accountRoutes,
});

export { AccountErrors };
export { signInRate } from './account.routes.ts';
export { AccountDto, LOGIN_NAME_PATTERN, LoginName, NewAccountBody, Password, PersonName, Phone, SignInBody } from './account.schema.ts';
export {
  MAX_CREATED_CORPS,
  accountsByIds,
  authenticate,
  createAccount,
  findAccountByLogin,
  findAccountForSignIn,
  newPasswordRequired,
  requirePasswordChange,
  resetPassword,
  getAccount,
  releaseCreatorSlot,
  takeCreatorSlot,
  type AccountView,
  type NewAccount,
  type SignInResult,
} from './account.service.ts';
