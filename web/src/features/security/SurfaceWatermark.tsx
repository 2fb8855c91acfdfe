import { Watermark } from 'antd';
import type { ReactNode } from 'react';
import { useMyWatermark, type WatermarkSurface } from './api';

/**
 * 明水印 over a surface's page (contacts now, docs when they exist): the text the server composed
 * for the member, repeated across the content. Nothing is drawn when the policy is off or lapsed.
 */
export function SurfaceWatermark({ surface, children }: { surface: WatermarkSurface; children: ReactNode }) {
  const mark = useMyWatermark(surface);
  const text = mark.data?.enabled ? mark.data.text : '';
  if (!text) return <>{children}</>;
  return (
    <div data-testid="surface-watermark" data-text={text}>
      <Watermark content={text} font={{ color: 'rgba(0, 0, 0, 0.12)', fontSize: 14 }} gap={[120, 100]}>
        {children}
      </Watermark>
    </div>
  );
}
