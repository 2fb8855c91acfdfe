import { pinyin } from 'pinyin-pro';

/** 张三 → { initials: "zs", full: "zhangsan" }; latin letters pass through in lower case. */
export function namePinyin(name: string): { initials: string; full: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) => s.toLowerCase().replace(/\s+/g, ''));
  return { initials: syllables.map((s) => s[0] ?? '').join(''), full: syllables.join('') };
}
