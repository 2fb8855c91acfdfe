/**
 * 平台运营方: whoever hosts Banyan. Operators are accounts of their own, with their own sign-in;
 * other modules offer them routes with `auth: 'operator'` and operator rights.
 */
import { defineModule } from '../../platform/module.ts';
import { operatorRoutes } from './operator.routes.ts';
import { operatorActor } from './operator.service.ts';
import * as operatorsTable from './migrations/0080_operators.ts';
import * as lockoutGone from './migrations/0142_operator_lockout_gone.ts';

export const operatorModule = defineModule({
  name: 'operator',
  tables: { operators: 'reference' },
  migrations: { '0080_operators': operatorsTable, '0142_operator_lockout_gone': lockoutGone },
  provides: { operatorActor },
  routes: operatorRoutes,
});

export { createOperator, type OperatorView } from './operator.service.ts';
