import { useTranslation } from 'react-i18next';
import { languages } from '../../i18n';
import type { NodeKind } from './api';

/**
 * A step's title in the chosen language. A node still carrying the default name of its kind (the
 * designer names a new node after its kind, in the language it was designed in) and the steps the
 * server adds (加签, the submitter's CC) are titled by their kind alone, so nothing reads
 * 审批人（审批人） or 审批人（Approver）; a name the admin gave keeps its kind beside it.
 */
export function useStepLabel(): (step: { name: string; kind: string; origin?: string }) => string {
  const { t, i18n } = useTranslation('approvals');
  return (step) => {
    const kind = step.kind as NodeKind;
    if (step.origin === 'added') return t('flow.addedStep');
    if (step.origin === 'submitter') return t(`flow.kinds.${kind}`);
    const defaults = languages.map((lng) => i18n.getFixedT(lng, 'approvals')(`flow.kinds.${kind}`));
    return defaults.includes(step.name) ? t(`flow.kinds.${kind}`) : t('flow.stepLabel', { name: step.name, kind: t(`flow.kinds.${kind}`) });
  };
}
