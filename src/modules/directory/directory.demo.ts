import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { DemoState } from '../../platform/module.ts';
import { insertMember, rootDepartmentId } from './directory.service.ts';
import { tables } from './directory.tables.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志鹏宇浩然思远嘉怡雨欣子轩梓涵一诺晨曦俊杰婷婷'.split('');
const TREE: [string, [string, string[]][]][] = [
  ['研发中心', [['平台研发部', ['基础架构组', '数据库组']], ['应用研发部', ['前端组', '移动端组']], ['质量保障部', ['测试组']]]],
  ['市场营销中心', [['品牌部', ['内容组']], ['渠道部', ['华东区', '华南区', '华北区']]]],
  ['客户成功中心', [['售后服务部', ['一线支持组', '二线支持组']], ['客户运营部', ['社群运营组']]]],
  ['职能中心', [['人力资源部', ['招聘组']], ['财务部', ['会计组']], ['行政部', []]]],
];

/** What the demo's contacts hand to the modules after them. */
export interface DirectoryDemo {
  /** Active members other than the creator, by userid. */
  memberIds: string[];
  /** The first top-level department (研发中心) and its first three members. */
  top: { id: string; memberIds: string[] };
  /** The first team (a third-level department). */
  teamId: string;
}

export function directoryDemo(state: DemoState): DirectoryDemo {
  const demo = state.directory as DirectoryDemo | undefined;
  if (!demo) throw new Error('the directory demo runs before the modules that build on it');
  return demo;
}

/** A deterministic pseudo-random sequence, so every demo enterprise looks the same. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * 榕树科技's contacts: about 300 members in a 4-level department tree, each department with a head,
 * and the tags (标签): 管理层 holds every department head, 技术团队 holds the 研发中心 department
 * (so its whole subtree), 党员 a handful of members, 新员工 none yet.
 */
export async function fillDemoDirectory(ctx: Ctx, state: DemoState): Promise<void> {
  const { corpId, now } = ctx;
  const db = tables(ctx.trx);
  const random = sequence(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const root = await rootDepartmentId(ctx.trx, corpId);
  const memberIds: string[] = [];
  const heads: string[] = [];
  let serial = 0;
  const addDepartment = async (parentId: string, parentPath: string, depth: number, name: string, order: number) => {
    const id = newId('dept', now);
    const path = `${parentPath}${id}/`;
    await db.insertInto('departments').values({ corp_id: corpId, id, parent_id: parentId, name, sort_order: order, path, depth, created_at: now, updated_at: now }).execute();
    return { id, path };
  };
  const addPeople = async (departmentId: string, count: number) => {
    const added: string[] = [];
    for (let i = 0; i < count; i++) {
      serial++;
      const memberId = await insertMember(ctx, {
        name: pick(SURNAMES) + pick(GIVEN) + (random() < 0.5 ? pick(GIVEN) : ''),
        userid: `u${String(serial).padStart(4, '0')}`,
        phone: `139${String(10_000_000 + serial).slice(-8)}`,
        position: i === 0 ? '负责人' : pick(['工程师', '专员', '经理', '主管', '顾问']),
        departmentIds: [departmentId],
        mainDepartmentId: departmentId,
      });
      if (i === 0) {
        await db.insertInto('department_heads').values({ corp_id: corpId, department_id: departmentId, member_id: memberId }).execute();
        heads.push(memberId);
      }
      added.push(memberId);
      memberIds.push(memberId);
    }
    return added;
  };
  const rootPath = `/${root}/`;
  let top: DirectoryDemo['top'] | undefined;
  let teamId: string | undefined;
  for (const [c, [centre, departments]] of TREE.entries()) {
    const level1 = await addDepartment(root, rootPath, 1, centre, c);
    const centreMembers = await addPeople(level1.id, 3);
    top ??= { id: level1.id, memberIds: centreMembers };
    for (const [d, [department, teams]] of departments.entries()) {
      const level2 = await addDepartment(level1.id, level1.path, 2, department, d);
      await addPeople(level2.id, 6);
      for (const [t, team] of teams.entries()) {
        const level3 = await addDepartment(level2.id, level2.path, 3, team, t);
        teamId ??= level3.id;
        await addPeople(level3.id, 16);
      }
    }
  }

  const tag = async (name: string) => {
    const id = newId('tag', now);
    await db.insertInto('tags').values({ corp_id: corpId, id, name, created_at: now, updated_at: now }).execute();
    return id;
  };
  const managers = await tag('管理层');
  await db.insertInto('tag_members').values(heads.map((memberId) => ({ corp_id: corpId, tag_id: managers, member_id: memberId }))).execute();
  const tech = await tag('技术团队');
  await db.insertInto('tag_departments').values({ corp_id: corpId, tag_id: tech, department_id: top!.id }).execute();
  const party = await tag('党员');
  const chosen = memberIds.slice(0, 12).filter((_, i) => i % 3 === 1);
  await db.insertInto('tag_members').values(chosen.map((memberId) => ({ corp_id: corpId, tag_id: party, member_id: memberId }))).execute();
  await tag('新员工');

  state.directory = { memberIds, top: top!, teamId: teamId! } satisfies DirectoryDemo;
}
