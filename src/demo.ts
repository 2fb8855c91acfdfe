import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import { systemClock } from './platform/clock.ts';
import { systemActor, type Ctx } from './platform/context.ts';
import { buildRegistry, type DemoState } from './platform/module.ts';
import { openMigratedDatabase } from './server.ts';
import { manifests } from './modules/index.ts';
import { createAccount, findAccountByLogin } from './modules/account/index.ts';
import { activeMemberOfAccount, directoryDemo, linkMemberAccount, memberBrief } from './modules/directory/index.ts';
import { registerCorp } from './modules/session/index.ts';

export const DEMO_LOGIN = { loginName: 'demo', password: 'banyan-demo' };

/**
 * The two members who sign in beside the creator, so a newcomer walks an approval as three people:
 * the head of 研发中心 (the approver of its members' 请假 and 报销) and a member of 研发中心.
 */
export const DEMO_MEMBERS = [
  { role: 'approver', loginName: 'demo-approver', password: 'banyan-demo' },
  { role: 'member', loginName: 'demo-member', password: 'banyan-demo' },
] as const;

/**
 * 榕树科技, the demo enterprise: its creator registers it, then every module that has a demo part
 * fills it, in the order of the module list, in one transaction. Safe to run twice. Returns what
 * `banyan demo` prints: who can sign in, and how.
 */
export async function fillDemo(config: Config): Promise<string> {
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
        // 已激活: each has an account linked, as if they had accepted an invitation.
        const [head, member] = directoryDemo(state).top.memberIds;
        for (const [person, memberId] of [[DEMO_MEMBERS[0], head!], [DEMO_MEMBERS[1], member!]] as const) {
          const { name } = (await memberBrief(trx, corpId, memberId))!;
          const linked = await createAccount(trx, now, config.scrypt, { name, loginName: person.loginName, password: person.password });
          await linkMemberAccount(ctx, memberId, linked.id);
        }
      });
    }
    return (
      `Demo enterprise 榕树科技 is ready. Sign in at http://localhost:${config.port}/ as any of three people:\n` +
        [
          { ...DEMO_LOGIN, what: 'the creator (创建者): the admin console' },
          { ...DEMO_MEMBERS[0], what: 'the head of 研发中心: approves its members’ 请假 and 报销 at /app' },
          { ...DEMO_MEMBERS[1], what: 'a member of 研发中心: applies for 请假 or 报销 at /app' },
        ]
          .map((p) => `  login "${p.loginName}" password "${p.password}"  ${p.what}\n`)
          .join('') +
      '  Its online top-ups are paid in the payment sandbox (make-believe money); other enterprises need --sandbox-payments for that.\n'
    );
  } finally {
    await database.close();
  }
}
