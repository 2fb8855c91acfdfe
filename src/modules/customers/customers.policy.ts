import type { RightSpec } from '../../platform/policy/index.ts';

export const customerRights: Record<string, RightSpec> = {
  // A member's own customers and groups (客户联系).
  'customers.contact': { member: true },
  // 客户总数 / 今日新增 / 已服务 X 位, and buying a quota tier (the wallet checks the spending rule).
  'customers.stats': { token: { zh: '读取客户统计', en: 'Read customer statistics' } },
  'customers.quota': { member: true },
  // Events from the customer's side (added back, deleted the member, joined or left a group).
  // An app's API token (the WeCom API's externalcontact/*): who follows which customers.
  'customers.api': { token: { zh: '通过接口读取客户联系', en: 'Read customer contacts through the API' } },
  'customers.events': { token: { zh: '同步客户侧事件', en: 'Sync customer-side events' } },
};
