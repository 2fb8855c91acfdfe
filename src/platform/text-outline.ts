/**
 * Text as SVG outlines in Noto Sans SC, for text burned into a picture (the 拍照打卡 watermark).
 * sharp draws SVG `<text>` with the fonts the server has installed, and a server without a CJK font
 * draws Chinese as empty boxes; outlines drawn from the font Banyan ships (the @fontsource files,
 * read with opentype.js) look the same on every server. The font comes in subsets by code point, as
 * a browser loads it: a subset is read the first time one of its characters is drawn, then kept.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import opentype, { type Font, type PathCommand } from 'opentype.js';

const fontDir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/unicode.json'));

interface Range {
  from: number;
  to: number;
  subset: string;
}

/** Code point ranges → subset names ("latin", "[42]"), the Latin subsets first so that ASCII comes from them. */
const ranges: Range[] = Object.entries(JSON.parse(readFileSync(join(fontDir, 'unicode.json'), 'utf8')) as Record<string, string>)
  .sort(([a], [b]) => Number(a.startsWith('[')) - Number(b.startsWith('[')))
  .flatMap(([subset, list]) =>
    list.split(',').map((item) => {
      const [from = '', to = from] = item.trim().replace(/^U\+/i, '').split('-');
      return { from: parseInt(from, 16), to: parseInt(to, 16), subset };
    }),
  );

const fonts = new Map<string, Font>();

function fontOf(subset: string): Font {
  let font = fonts.get(subset);
  if (!font) {
    const bytes = readFileSync(join(fontDir, 'files', `noto-sans-sc-${subset.replace(/^\[(\d+)\]$/, '$1')}-400-normal.woff`));
    font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    fonts.set(subset, font);
  }
  return font;
}

/** The subset's font that draws `char`; the Latin one (its missing-glyph box) for a character no subset has. */
function fontFor(char: string): Font {
  const code = char.codePointAt(0) ?? 0;
  const range = ranges.find((r) => code >= r.from && code <= r.to);
  return fontOf(range?.subset ?? 'latin');
}

/**
 * A glyph's commands as SVG path data, one decimal. Written here rather than with opentype.js's own
 * toPathData, which prints NaN for a coordinate that float arithmetic left at an exponent (1e-14).
 */
function pathData(commands: PathCommand[]): string {
  const n = (value: number) => String(Math.round(value * 10) / 10 || 0);
  return commands
    .map((c) => {
      switch (c.type) {
        case 'Z':
          return 'Z';
        case 'M':
        case 'L':
          return `${c.type}${n(c.x)} ${n(c.y)}`;
        case 'Q':
          return `Q${n(c.x1)} ${n(c.y1)} ${n(c.x)} ${n(c.y)}`;
        case 'C':
          return `C${n(c.x1)} ${n(c.y1)} ${n(c.x2)} ${n(c.y2)} ${n(c.x)} ${n(c.y)}`;
      }
    })
    .join('');
}

export interface Outline {
  /** SVG path data of the text, its baseline starting at (x, y). */
  d: string;
  /** The text's advance width, in the same units as the size. */
  width: number;
}

/** `text` in Noto Sans SC Regular at `size` (the em, in pixels), starting at (x, y) on the baseline. */
export function outlineText(text: string, size: number, x = 0, y = 0): Outline {
  let pen = x;
  const parts: string[] = [];
  for (const char of text) {
    const font = fontFor(char);
    const glyph = font.charToGlyph(char);
    parts.push(pathData(glyph.getPath(pen, y, size).commands));
    pen += ((glyph.advanceWidth ?? font.unitsPerEm / 2) * size) / font.unitsPerEm;
  }
  return { d: parts.filter((p) => p !== '').join(''), width: pen - x };
}
