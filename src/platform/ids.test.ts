import { it } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from './ids.ts';

it('ids carry their prefix and a 26-character time-sortable body', () => {
  assert.match(newId('mem'), /^mem_[0-9A-HJKMNP-TV-Z]{26}$/);
});

it('ids sort by creation time, also within one millisecond', () => {
  const ids = [newId('x', 1_000), newId('x', 1_000), newId('x', 1_000), newId('x', 2_000), newId('x', 3_000)];
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
});

it('ids made at different instants never repeat, across many refills of the random pool', () => {
  const ids = Array.from({ length: 5_000 }, (_, i) => newId('x', 10_000 + i));
  assert.equal(new Set(ids.map((id) => id.slice(12))).size, 5_000);
});
