import { createRequire } from 'node:module';

type PinyinPro = typeof import('pinyin-pro');

// The dictionary costs ~17 MB and ~0.1 s to load: it is loaded on the first name, not at start-up.
let library: PinyinPro | undefined;
const load = (): PinyinPro => (library ??= createRequire(import.meta.url)('pinyin-pro') as PinyinPro);

/** 张三 → { initials: "zs", full: "zhangsan" }; latin letters pass through in lower case. */
export function namePinyin(name: string): { initials: string; full: string } {
  const syllables = load()
    .pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/\s+/g, ''));
  return { initials: syllables.map((s) => s[0] ?? '').join(''), full: syllables.join('') };
}
