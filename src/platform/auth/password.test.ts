import { it } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, verifyPassword } from './password.ts';

const CHEAP = { logN: 4, r: 8, p: 1 };

it('a hash verifies its own password and no other', async () => {
  const hash = await hashPassword('密码 with spaces', CHEAP);
  assert.equal(await verifyPassword('密码 with spaces', hash), true);
  assert.equal(await verifyPassword('密码 with space', hash), false);
});

it('the same password hashes differently each time (random salt), and keeps its parameters', async () => {
  const a = await hashPassword('password123', CHEAP);
  const b = await hashPassword('password123', { logN: 5, r: 8, p: 1 });
  assert.notEqual(a, b);
  assert.match(b, /^\$scrypt\$ln=5,r=8,p=1\$/);
  assert.equal(await verifyPassword('password123', b), true);
});

it('a malformed stored hash never verifies', async () => {
  assert.equal(await verifyPassword('x', 'plain-text'), false);
});
