import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { enterprise } from '../../../test/support/enterprise.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { like } from '../../platform/db/sql.ts';
import { DirectoryFixture } from './testing/index.ts';
import { nameCandidates } from './name-grams.ts';

/** A seeded generator, so a failure can be replayed. */
let seed = 7;
const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
/** Few characters, so names share pieces: Chinese, both cases of a letter, LIKE's wildcards, a space, a character outside the BMP. */
const ALPHABET = ['王', '芳', '李', '张', '伟', '秀', 'A', 'a', 'b', '%', '_', ' ', '𠀋'];

describeEachDialect('姓名搜索 through the pieces of names (member_name_grams)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('on random names, added, renamed and deleted, the search finds exactly what name LIKE \'%text%\' finds, for every text of one or two characters and random longer ones', async () => {
    seed = 7;
    const e = await enterprise(t);
    const contacts = await DirectoryFixture.open(t.deps.db, e.corpId, () => t.clock.now());
    const name = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(ALPHABET)).join('').trim() || '王';
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) ids.push(await contacts.member(name()));
    for (const id of ids.slice(0, 30)) assert.equal((await e.owner.patch(`/api/v1/contacts/members/${id}`, { name: name() })).status, 200);
    for (const id of ids.slice(30, 45)) assert.equal((await e.owner.delete(`/api/v1/contacts/members/${id}`)).status, 204);

    const names = (await tablesOf(t.deps.db).selectFrom('members').select('name').where('corp_id', '=', e.corpId).execute()).map((r) => r.name);
    const texts = new Set<string>([...ALPHABET, ...ALPHABET.flatMap((a) => ALPHABET.map((b) => a + b))]);
    for (let i = 0; i < 60; i++) {
      const n = pick(names);
      const from = Math.floor(random() * n.length);
      texts.add(n.slice(from, from + 2 + Math.floor(random() * 3)));
    }
    const found = async (where: (text: string) => RawBuilder<SqlBool>, text: string) =>
      (await tablesOf(t.deps.db).selectFrom('members as m').select('m.id').where('m.corp_id', '=', e.corpId).where(where(text)).orderBy('m.id').execute()).map((r) => r.id);
    let nonEmpty = 0;
    for (const text of texts) {
      if (text.trim() === '') continue;
      const expected = await found((q) => like('m.name', 'contains', q), text);
      assert.deepEqual(await found((q) => sql<SqlBool>`${sql.ref('m.id')} in (${nameCandidates(t.deps.db, e.corpId, q)}) and ${like('m.name', 'contains', q)}`, text), expected, `search ${JSON.stringify(text)}`);
      if (expected.length > 0) nonEmpty++;
    }
    assert.ok(nonEmpty > 50, `only ${nonEmpty} searches found anyone`);
  });

  it('the members list finds 王芳 inside a name, in this enterprise only', async () => {
    const a = await enterprise(t);
    const b = await enterprise(t);
    await a.bareMember('王芳');
    await a.bareMember('李王芳华');
    await a.bareMember('王小芳');
    await b.bareMember('王芳芳');
    const res = await a.owner.get<{ items: { name: string }[] }>(`/api/v1/contacts/members?q=${encodeURIComponent('王芳')}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.items.map((m) => m.name).sort(), ['李王芳华', '王芳'].sort());
  });
});
