import type { RightSpec } from '../../platform/policy/index.ts';

/** Webhooks hear every change of the enterprise, whatever an app's visible range: only the creator and super admins set them. */
export const hookRights: Record<string, RightSpec> = {
  'hooks.webhooks': {},
};
