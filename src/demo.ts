import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import { systemClock } from './platform/clock.ts';
import { systemActor, type Ctx } from './platform/context.ts';
import { buildRegistry, type DemoState } from './platform/module.ts';
import { openMigratedDatabase } from './server.ts';
import { manifests } from './modules/index.ts';
import { createAccount, findAccountByLogin } from './modules/account/index.ts';
import { activeMemberOfAccount } from './modules/directory/index.ts';
import { registerCorp } from './modules/session/index.ts';

export const DEMO_LOGIN = { loginName: 'demo', password: 'banyan-demo' };

/**
 * 榕树科技, the demo enterprise: its creator registers it, then every module that has a demo part
 * fills it, in the order of the module list, in one transaction. Safe to run twice.
 */
export async function fillDemo(config: Config): Promise<void> {
  const database = await openMigratedDatabase(config);
  try {
    const db = database.db;
    if (!(await findAccountByLogin(db, DEMO_LOGIN.loginName))) {
      const registry = buildRegistry(manifests);
      const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
      await db.transaction().execute(async (trx) => {
        const now = systemClock.now();
        const account = await createAccount(trx, now, config.scrypt, { name: '林森', loginName: DEMO_LOGIN.loginName, phone: '13800000000', password: DEMO_LOGIN.password });
        const corpId = await registerCorp(trx, { now, log, registry }, account, { name: '榕树科技有限公司', shortName: '榕树科技', industry: 'general' });
        const creator = (await activeMemberOfAccount(trx, corpId, account.id))!;
        const ctx: Ctx = { corpId, actor: systemActor, trx, now, log, registry };
        const state: DemoState = { creator: { accountId: account.id, memberId: creator.id, name: creator.name } };
        for (const manifest of manifests) await manifest.demo?.(ctx, state);
      });
    }
    process.stdout.write(
      `Demo enterprise 榕树科技 is ready.\n  Sign in at http://localhost:${config.port}/ with login "${DEMO_LOGIN.loginName}" and password "${DEMO_LOGIN.password}".\n` +
        '  Its online top-ups are paid in the payment sandbox (make-believe money); other enterprises need --sandbox-payments for that.\n',
    );
  } finally {
    await database.close();
  }
}
