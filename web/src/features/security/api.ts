import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export type WatermarkSurface = 'chat' | 'contacts' | 'mail' | 'docs' | 'drive';
export type ClientPolicyKind = 'screen_capture' | 'share_external';

/** The visible watermark the server composed for the signed-in member on one surface. */
export function useMyWatermark(surface: WatermarkSurface) {
  return useQuery({ queryKey: ['/security/watermark', surface], queryFn: () => api.get('/security/watermark', { params: { query: { surface } } }), retry: false });
}
