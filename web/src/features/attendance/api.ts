import { useQuery } from '@tanstack/react-query';
import { api, type Body, type Item, type Reply } from '../../api';

export type Rule = Item<Reply<'/attendance/rules'>['items']>;
export type RuleInput = Body<'/attendance/rules', 'post'>;
export type ClockIn = Item<Reply<'/attendance/records'>['items']>;
export type Verdict = ClockIn['verdicts'][number];
export type AntiCheat = Reply<'/attendance/anti-cheat'>;
export type MyRule = Reply<'/attendance/my-rule'>;

export const rulesKey = ['/attendance/rules'] as const;
export const antiCheatKey = ['/attendance/anti-cheat'] as const;
export const myClockInsKey = ['/attendance/my-clock-ins'] as const;

export function useRules() {
  return useQuery({ queryKey: rulesKey, queryFn: () => api.get('/attendance/rules'), select: (data) => data.items });
}

export function useAntiCheat() {
  return useQuery({ queryKey: antiCheatKey, queryFn: () => api.get('/attendance/anti-cheat') });
}

/** A rule as the API takes it back (PUT replaces the whole rule). */
export function toInput(rule: Rule): RuleInput {
  const { id: _id, createdBy: _createdBy, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = rule;
  return input;
}
