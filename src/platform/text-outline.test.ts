import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { outlineText } from './text-outline.ts';

describe('text outlines in Noto Sans SC (the watermark text on a server without CJK fonts)', () => {
  it('advances a full em for each Chinese character and the font’s own width for Latin ones', () => {
    assert.equal(outlineText('总部', 20).width, 40);
    assert.equal(outlineText('A', 20).width, 12.16);
    assert.equal(outlineText('总A', 20, 5).width, 32.16);
  });

  it('draws each Chinese character with its own glyph, not the missing-glyph box', () => {
    const box = outlineText('\u{E000}', 20).d;
    const [zong, bu] = [outlineText('总', 20).d, outlineText('部', 20).d];
    assert.notEqual(zong, '');
    assert.notEqual(zong, box);
    assert.notEqual(zong, bu);
  });

  it('starts at the given baseline point: the same outline, moved', () => {
    const points = (x: number, y: number) => (outlineText('l', 100, x, y).d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    const [home, moved] = [points(0, 0), points(10, 50)];
    assert.equal(home.length, 54);
    assert.equal(moved.length, home.length);
    assert.ok(
      moved.every((n, i) => Math.abs(n - home[i]! - (i % 2 === 0 ? 10 : 50)) < 0.11),
      moved.join(' '),
    );
    // Above the baseline (SVG's y grows downwards): the letter's top is 79.6 px up.
    assert.equal(Math.min(...home.filter((_, i) => i % 2 === 1)), -79.6);
  });

  it('a long line of digits keeps every coordinate a number (float sums such as 108.88000000000001)', () => {
    const { d } = outlineText('2026-12-03 16:39:15', 40);
    assert.doesNotMatch(d, /NaN|e/);
    assert.equal(d.match(/M/g)?.length, 25);
  });

  it('rendered, the characters cover pixels inside their em box and none outside it', async () => {
    const { d, width } = outlineText('打卡', 40, 0, 35);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="100%" height="100%" fill="#000"/><path d="${d}" fill="#fff"/></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
    let inside = 0;
    let outside = 0;
    for (let y = 0; y < info.height; y++) for (let x = 0; x < info.width; x++) {
        if (data[y * info.width + x]! <= 128) continue;
        if (x < width) inside++;
        else outside++;
      }
    assert.equal(width, 80);
    assert.ok(inside > 200, `lit pixels inside: ${inside}`);
    assert.equal(outside, 0);
  });
});
