import { useTranslation } from 'react-i18next';

export const industries = ['general', 'home_school', 'government', 'education', 'other'] as const;
export type Industry = (typeof industries)[number];

/** Translated industry name; unknown values are shown as they are. */
export function useIndustryLabel(): (industry: string) => string {
  const { t } = useTranslation('corp');
  return (industry) => t(`industries.${industry}`, { defaultValue: industry });
}

export function useIndustryOptions(): { value: Industry; label: string }[] {
  const label = useIndustryLabel();
  return industries.map((value) => ({ value, label: label(value) }));
}
