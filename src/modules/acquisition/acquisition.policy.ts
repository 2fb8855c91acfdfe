import type { RightSpec } from '../../platform/policy/index.ts';

export const acquisitionRights: Record<string, RightSpec> = {
  'acquisition.links': { token: { zh: '管理获客链接', en: 'Manage acquisition links' } },
  'acquisition.usage': { token: { zh: '查看获客数据', en: 'Read acquisition data' } },
  // Buying usage: every member may try; the wallet's spending rule decides who may pay.
  'acquisition.buy': { member: true },
  'acquisition.authorize': {},
};
