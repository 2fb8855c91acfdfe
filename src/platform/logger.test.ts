import { it } from 'node:test';
import assert from 'node:assert/strict';
import { maskLinkSecrets, maskPhones } from './logger.ts';

it('mobile numbers in logged URLs keep only their last four digits', () => {
  assert.equal(maskPhones('/api/v1/members?q=13812345678&limit=5'), '/api/v1/members?q=1*******5678&limit=5');
  assert.equal(maskPhones('/api/v1/members?q=+8613812345678'), '/api/v1/members?q=1*******5678');
  assert.equal(maskPhones('/api/v1/orders/123456789012345'), '/api/v1/orders/123456789012345');
});

it('the console pages of invitation and join links are logged without the secret part of the token', () => {
  assert.equal(maskLinkSecrets('/activate/corp_01ABC.inv_01DEF.s3cr3t-Value_x'), '/activate/corp_01ABC.inv_01DEF.…');
  assert.equal(maskLinkSecrets('/join/corp_01ABC.jnl_01DEF.s3cr3t?x=1'), '/join/corp_01ABC.jnl_01DEF.…?x=1');
  assert.equal(maskLinkSecrets('/api/v1/contacts/members'), '/api/v1/contacts/members');
});
