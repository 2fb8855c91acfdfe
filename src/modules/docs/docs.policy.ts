import type { RightSpec } from '../../platform/policy/index.ts';

/**
 * Members use docs (who may open what is the file's business: its space, its shares, its link).
 * The 文档 admin settings (禁止仅浏览成员发表动态) are the super admins'.
 */
export const docsRights: Record<string, RightSpec> = {
  'docs.use': { member: true },
  'docs.manage': {},
};
