import { useTranslation } from 'react-i18next';
import type { Reply } from '../../api';

export type Industry = Reply<'/corp'>['industry'];
/** In the order the console offers them. */
export const industries = ['general', 'home_school', 'government', 'education', 'other'] as const satisfies readonly Industry[];

/** Translated industry name; unknown values are shown as they are. */
export function useIndustryLabel(): (industry: string) => string {
  const { t } = useTranslation('corp');
  return (industry) => t(`industries.${industry}`, { defaultValue: industry });
}

export function useIndustryOptions(): { value: Industry; label: string }[] {
  const label = useIndustryLabel();
  return industries.map((value) => ({ value, label: label(value) }));
}

/** The education editions (教育, 家校): customers are 学员 there (the server's oneWayTerm names the same). */
export const isEducation = (industry: Industry | undefined) => industry === 'education' || industry === 'home_school';
