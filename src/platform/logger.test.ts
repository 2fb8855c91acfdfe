import { it } from 'node:test';
import assert from 'node:assert/strict';
import { maskPhones } from './logger.ts';

it('mobile numbers in logged URLs keep only their last four digits', () => {
  assert.equal(maskPhones('/api/v1/members?q=13812345678&limit=5'), '/api/v1/members?q=1*******5678&limit=5');
  assert.equal(maskPhones('/api/v1/members?q=+8613812345678'), '/api/v1/members?q=1*******5678');
  assert.equal(maskPhones('/api/v1/orders/123456789012345'), '/api/v1/orders/123456789012345');
});
