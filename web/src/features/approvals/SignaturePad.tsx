import { Button, Flex } from 'antd';
import { useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

const WIDTH = 360;
const HEIGHT = 140;

type Point = { x: number; y: number };

/**
 * 电子签名: a pad to sign on with a mouse, a pen or a finger. After every stroke `onChange` gets the
 * drawing as a PNG data URL; after "clear" it gets undefined.
 */
export function SignaturePad({ onChange }: { onChange: (dataUrl: string | undefined) => void }) {
  const { t } = useTranslation('approvals');
  const canvas = useRef<HTMLCanvasElement>(null);
  // The last point of the stroke being drawn; null while the pointer is up.
  const last = useRef<Point | null>(null);

  // The canvas may be drawn smaller than its bitmap: scale the pointer's position to bitmap pixels.
  const pointOf = (e: PointerEvent<HTMLCanvasElement>): Point => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - box.left) * WIDTH) / box.width, y: ((e.clientY - box.top) * HEIGHT) / box.height };
  };
  const line = (from: Point, to: Point) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#000';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    // Keep receiving the stroke's moves when the pointer leaves the pad.
    e.currentTarget.setPointerCapture(e.pointerId);
    last.current = pointOf(e);
    line(last.current, last.current);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    const to = pointOf(e);
    line(last.current, to);
    last.current = to;
  };
  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    last.current = null;
    onChange(e.currentTarget.toDataURL('image/png'));
  };
  const clear = () => {
    canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    onChange(undefined);
  };

  return (
    <Flex vertical gap="small" align="flex-start">
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={t('detail.signature')}
        data-testid="signature-pad"
        // touch-action: none lets a finger draw instead of scrolling the page.
        style={{ width: '100%', maxWidth: WIDTH, height: 'auto', border: '1px dashed #d9d9d9', borderRadius: 6, background: '#fff', cursor: 'crosshair', touchAction: 'none' }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <Button size="small" onClick={clear}>
        {t('detail.clearSignature')}
      </Button>
    </Flex>
  );
}
