import { Watermark } from 'antd';
import type { ReactNode } from 'react';
import { useMyWatermark, type WatermarkSurface } from './api';

/**
 * 明水印 over a surface's page (contacts now, docs when they exist): the text the server composed
 * for the member, repeated across the content, and the 暗水印 mark in the page's text. Nothing is
 * drawn when the policy is off or lapsed.
 */
export function SurfaceWatermark({ surface, children }: { surface: WatermarkSurface; children: ReactNode }) {
  const mark = useMyWatermark(surface);
  const text = mark.data?.enabled ? mark.data.text : '';
  // 暗水印: zero-width characters in the page's text, carried along when it is copied.
  const hidden = mark.data?.hiddenMark ? <span data-testid="hidden-watermark">{mark.data.hiddenMark}</span> : null;
  if (!text)
    return (
      <>
        {hidden}
        {children}
      </>
    );
  return (
    <div data-testid="surface-watermark" data-text={text}>
      {hidden}
      <Watermark content={text} font={{ color: 'rgba(0, 0, 0, 0.12)', fontSize: 14 }} gap={[120, 100]}>
        {children}
      </Watermark>
    </div>
  );
}
