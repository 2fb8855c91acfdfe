import { it } from 'node:test';
import assert from 'node:assert/strict';
import { displayYuan, divideHalfUp, formatYuan, yuanToFen } from './money.ts';

it('divides with half-up rounding, away from zero on exactly one half', () => {
  assert.equal(divideHalfUp(5, 2), 3);
  assert.equal(divideHalfUp(4, 3), 1);
  assert.equal(divideHalfUp(5, 3), 2);
  assert.equal(divideHalfUp(-5, 2), -3);
  assert.equal(divideHalfUp(1_500_000 * 300, 365), 1_232_877);
  assert.throws(() => divideHalfUp(1, 0), RangeError);
});

it('formats fen as yuan with two decimals', () => {
  assert.equal(formatYuan(123456), '1234.56');
  assert.equal(formatYuan(5), '0.05');
  assert.equal(formatYuan(-5), '-0.05');
  assert.equal(formatYuan(0), '0.00');
  assert.equal(displayYuan(123456789), '¥1,234,567.89');
  assert.equal(displayYuan(-100), '-¥1.00');
  assert.equal(yuanToFen(19.99), 1999);
});
