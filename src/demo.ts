import type { Config } from './config.ts';
import { systemClock } from './platform/clock.ts';
import { newId } from './platform/ids.ts';
import { openMigratedDatabase } from './server.ts';
import { createAccount } from './modules/account/account.service.ts';
import { registerCorp } from './modules/corp/corp.service.ts';
import { insertMember, rootDepartmentId } from './modules/directory/directory.service.ts';
import { addDemoTags } from './modules/directory/demo.tags.ts';
import { addDemoCustomers } from './modules/customers/demo.customers.ts';
import { addDemoAdmins } from './modules/admin/admin.demo.ts';
import { addDemoApprovals } from './modules/approval/approval.demo.ts';
import { addDemoWallet } from './modules/wallet/wallet.demo.ts';

export const DEMO_LOGIN = { loginName: 'demo', password: 'banyan-demo' };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志鹏宇浩然思远嘉怡雨欣子轩梓涵一诺晨曦俊杰婷婷'.split('');
const TREE: [string, [string, string[]][]][] = [
  ['研发中心', [['平台研发部', ['基础架构组', '数据库组']], ['应用研发部', ['前端组', '移动端组']], ['质量保障部', ['测试组']]]],
  ['市场营销中心', [['品牌部', ['内容组']], ['渠道部', ['华东区', '华南区', '华北区']]]],
  ['客户成功中心', [['售后服务部', ['一线支持组', '二线支持组']], ['客户运营部', ['社群运营组']]]],
  ['职能中心', [['人力资源部', ['招聘组']], ['财务部', ['会计组']], ['行政部', []]]],
];

/** A deterministic pseudo-random sequence, so every demo enterprise looks the same. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** 榕树科技: about 300 members in a 4-level department tree with heads. Safe to run twice. */
export async function fillDemo(config: Config): Promise<void> {
  const database = await openMigratedDatabase(config);
  try {
    const db = database.db;
    const existing = await db.selectFrom('accounts').select('id').where('login_name', '=', DEMO_LOGIN.loginName).executeTakeFirst();
    if (!existing) {
      await db.transaction().execute(async (trx) => {
        const now = systemClock.now();
        const random = sequence(42);
        const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
        const account = await createAccount(trx, now, config.scrypt, { name: '林森', loginName: DEMO_LOGIN.loginName, phone: '13800000000', password: DEMO_LOGIN.password });
        const corpId = await registerCorp(trx, now, account, { name: '榕树科技有限公司', shortName: '榕树科技', industry: 'general' });
        const ctx = { corpId, trx, now };
        const root = await rootDepartmentId(trx, corpId);
        let serial = 0;
        const addDepartment = async (parentId: string, parentPath: string, depth: number, name: string, order: number) => {
          const id = newId('dept', now);
          const path = `${parentPath}${id}/`;
          await trx.insertInto('departments').values({ corp_id: corpId, id, parent_id: parentId, name, sort_order: order, path, depth, created_at: now, updated_at: now }).execute();
          return { id, path };
        };
        const addPeople = async (departmentId: string, count: number, head: boolean) => {
          for (let i = 0; i < count; i++) {
            serial++;
            const memberId = await insertMember(ctx, {
              name: pick(SURNAMES) + pick(GIVEN) + (random() < 0.5 ? pick(GIVEN) : ''),
              userid: `u${String(serial).padStart(4, '0')}`,
              phone: `139${String(10_000_000 + serial).slice(-8)}`,
              position: i === 0 && head ? '负责人' : pick(['工程师', '专员', '经理', '主管', '顾问']),
              departmentIds: [departmentId],
              mainDepartmentId: departmentId,
            });
            if (i === 0 && head) await trx.insertInto('department_heads').values({ corp_id: corpId, department_id: departmentId, member_id: memberId }).execute();
          }
        };
        const rootPath = `/${root}/`;
        for (const [c, [centre, departments]] of TREE.entries()) {
          const level1 = await addDepartment(root, rootPath, 1, centre, c);
          await addPeople(level1.id, 3, true);
          for (const [d, [department, teams]] of departments.entries()) {
            const level2 = await addDepartment(level1.id, level1.path, 2, department, d);
            await addPeople(level2.id, 6, true);
            for (const [t, team] of teams.entries()) {
              const level3 = await addDepartment(level2.id, level2.path, 3, team, t);
              await addPeople(level3.id, 16, true);
            }
          }
        }
        await addDemoTags(ctx);
        await addDemoCustomers(ctx);
        await addDemoAdmins(ctx);
        await addDemoApprovals(ctx);
        await addDemoWallet(ctx);
      });
    }
    process.stdout.write(
      `Demo enterprise 榕树科技 is ready.\n  Sign in at http://localhost:${config.port}/ with login "${DEMO_LOGIN.loginName}" and password "${DEMO_LOGIN.password}".\n`,
    );
  } finally {
    await database.close();
  }
}
