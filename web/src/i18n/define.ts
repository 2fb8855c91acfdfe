export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

/** Same shape as the source (zh-CN) messages, every leaf a string. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/**
 * Declares one feature area's translations. zh-CN is the source of truth: the
 * English object must have exactly the same keys, which the compiler checks.
 */
export function defineMessages<T extends object>(zhCN: T, en: Messages<T>): Record<Language, T> {
  return { 'zh-CN': zhCN, en: en as T };
}
