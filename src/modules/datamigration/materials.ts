import type { Relation } from './datamigration.tables.ts';

/** The materials an application can carry, with their names as the seed writes them. */
export const MATERIALS = {
  entrustment_letter: '数据迁移委托函',
  business_licence: '主体营业执照',
  brand_authorization: '品牌授权书',
  agency_authorization: '代理授权书',
  trademark_certificate: '商标注册证',
  trademark_authorization: '商标授权书',
  trademark_licence_filing: '商标使用许可备案通知书',
  software_copyright: '计算机软件著作权登记证',
  name_authorization: '名称使用授权书',
  icp_screenshot: 'ICP备案截图',
  app_ownership_screenshot: 'APP Store或应用宝归属信息截图',
} as const;
export type Material = keyof typeof MATERIALS;

/**
 * What each relationship needs (数据迁移服务-企业准入要求): the entrustment letter and the business
 * licence always, then per relationship; an inner list is "one of these".
 */
export const REQUIRED: Record<Relation, readonly (Material | readonly Material[])[]> = {
  brand: ['entrustment_letter', 'business_licence', 'brand_authorization', 'agency_authorization'],
  trademark: ['entrustment_letter', 'business_licence', 'trademark_certificate', ['trademark_authorization', 'trademark_licence_filing']],
  software: ['entrustment_letter', 'business_licence', 'software_copyright', 'name_authorization'],
  website: ['entrustment_letter', 'business_licence', 'icp_screenshot', 'name_authorization'],
  app: ['entrustment_letter', 'business_licence', 'app_ownership_screenshot', 'name_authorization'],
  same_name: ['entrustment_letter', 'business_licence'],
};

/** The checklists as the console shows them: per relationship, each entry a list of one or more alternatives. */
export const checklists = () => ({ items: Object.entries(REQUIRED).map(([relation, needs]) => ({ relation: relation as Relation, required: needs.map((n): Material[] => (typeof n === 'string' ? [n] : [...n])) })) });

/** The first required material the application lacks (a one-of list when none of it is there), or undefined. */
export function missingMaterial(relation: Relation, given: ReadonlySet<string>): readonly Material[] | undefined {
  for (const need of REQUIRED[relation]) {
    const options: readonly Material[] = typeof need === 'string' ? [need] : need;
    if (!options.some((m) => given.has(m))) return options;
  }
  return undefined;
}

/** Letters, digits and CJK characters of a short name, lower-cased: what 命名字段 are compared on. */
const naming = (name: string) => [...name.toLowerCase()].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');

/**
 * 对外简称含相同命名字段: the two short names share a run of at least two characters (唐云科技 / 唐云
 * share 唐云).
 */
export function shareNamingField(a: string, b: string): boolean {
  const x = naming(a);
  const y = naming(b);
  for (let i = 0; i + 2 <= x.length; i++) if (y.includes(x.slice(i, i + 2))) return true;
  return false;
}
