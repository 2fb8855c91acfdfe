import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import { errorCode, newCorp, servedCount, signedInMember } from './testing/index.ts';

interface Friend {
  id: string;
  name: string;
  state: string;
  oneWayReason: string | null;
}
interface Profile extends Friend {
  term: string;
  parents: { id: string; name: string; relation: string; phone: string | null }[];
}

describeEachDialect('学员 of the education edition (单向学员, profiles, parents)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  const add = (client: Client, externalId: string, addedBack = true) => client.post<Friend>('/api/v1/customers/friends', { externalId, name: `学员${externalId}`, addedBack });
  const oneWay = async (client: Client) => (await client.get<{ items: Friend[]; oneWayTerm: string }>('/api/v1/customers/friends?oneWay=true')).body;

  it('seed rule 为什么会有单向学员: "对方开启了免验证添加，且不添加到通讯录" and "被对方单方面删除了" are the two 单向学员, in the education and home–school industries', async () => {
    for (const industry of ['education', 'home_school']) {
      const corp = await newCorp(t, { industry });
      const b = await signedInMember(t, corp.corpId);
      const unverified = await add(b.client, `wx-${industry}-1`, false);
      const deleter = await add(b.client, `wx-${industry}-2`);
      await add(b.client, `wx-${industry}-3`);
      assert.equal((await corp.client.post(`/api/v1/customers/${deleter.body.id}/members/${b.memberId}/events`, { event: 'deleted_member' })).status, 204);
      const list = await oneWay(b.client);
      assert.equal(list.oneWayTerm, 'student');
      assert.deepEqual(
        list.items.map((f) => [f.name, f.oneWayReason]).sort(),
        [
          [`学员wx-${industry}-1`, 'not_added_back'],
          [`学员wx-${industry}-2`, 'deleted_by_customer'],
        ],
      );
      assert.equal(unverified.body.state, 'one_way');
    }
    const general = await newCorp(t, { industry: 'general' });
    assert.equal((await oneWay(general.client)).oneWayTerm, 'customer');
  });

  it('seed rule 逐一删除单向学员: 删除 removes the students one by one, each freeing its quota place', async () => {
    const corp = await newCorp(t, { industry: 'education' });
    const b = await signedInMember(t, corp.corpId);
    const first = await add(b.client, 'wx-del-1', false);
    const second = await add(b.client, 'wx-del-2', false);
    assert.equal(await servedCount(t.deps.db, corp.corpId), 2);
    assert.deepEqual((await b.client.delete(`/api/v1/customers/friends/${first.body.id}`)).body, { released: true });
    assert.equal(await servedCount(t.deps.db, corp.corpId), 1);
    assert.deepEqual((await oneWay(b.client)).items.map((f) => f.id), [second.body.id]);
    assert.deepEqual((await b.client.delete(`/api/v1/customers/friends/${second.body.id}`)).body, { released: true });
    assert.equal(await servedCount(t.deps.db, corp.corpId), 0);
    assert.deepEqual((await oneWay(b.client)).items, []);
    // Deleted is gone: a second delete and the profile are not found.
    assert.equal(errorCode((await b.client.delete(`/api/v1/customers/friends/${second.body.id}`)).body), 'customers.not_friend');
    assert.equal((await b.client.get(`/api/v1/customers/friends/${second.body.id}`)).status, 404);
  });

  it('a student deleting the member frees nothing: the student is still counted, as a 单向学员 the member can delete', async () => {
    const corp = await newCorp(t, { industry: 'education' });
    const b = await signedInMember(t, corp.corpId);
    const student = await add(b.client, 'wx-left');
    await corp.client.post(`/api/v1/customers/${student.body.id}/members/${b.memberId}/events`, { event: 'deleted_member' });
    assert.equal(await servedCount(t.deps.db, corp.corpId), 1);
    assert.deepEqual((await oneWay(b.client)).items.map((f) => [f.id, f.oneWayReason]), [[student.body.id, 'deleted_by_customer']]);
    assert.deepEqual((await b.client.delete(`/api/v1/customers/friends/${student.body.id}`)).body, { released: true });
    assert.equal(await servedCount(t.deps.db, corp.corpId), 0);
  });

  it('selecting a student opens its profile with its parents (家长, contacts linked to the student, no quota place); another member\'s student is not found', async () => {
    const corp = await newCorp(t, { industry: 'home_school' });
    const b = await signedInMember(t, corp.corpId);
    const other = await signedInMember(t, corp.corpId);
    const student = await add(b.client, 'wx-kid', false);
    const mother = await b.client.post<{ id: string; name: string; relation: string; phone: string | null }>(`/api/v1/customers/friends/${student.body.id}/parents`, { name: '王妈妈', relation: 'mother', phone: '13800000001' });
    assert.equal(mother.status, 201);
    await b.client.post(`/api/v1/customers/friends/${student.body.id}/parents`, { name: '王爸爸', relation: 'father' });
    const profile = await b.client.get<Profile>(`/api/v1/customers/friends/${student.body.id}`);
    assert.equal(profile.status, 200);
    assert.deepEqual(
      [profile.body.name, profile.body.term, profile.body.state, profile.body.oneWayReason, profile.body.parents.map((p) => [p.name, p.relation, p.phone])],
      ['学员wx-kid', 'student', 'one_way', 'not_added_back', [['王妈妈', 'mother', '13800000001'], ['王爸爸', 'father', null]]],
    );
    assert.equal(await servedCount(t.deps.db, corp.corpId), 1);
    assert.equal(errorCode((await other.client.get(`/api/v1/customers/friends/${student.body.id}`)).body), 'customers.not_friend');
    assert.equal(errorCode((await other.client.post(`/api/v1/customers/friends/${student.body.id}/parents`, { name: '冒充', relation: 'other' })).body), 'customers.not_friend');
    assert.equal((await b.client.delete(`/api/v1/customers/friends/${student.body.id}/parents/${mother.body.id}`)).status, 204);
    assert.deepEqual((await b.client.get<Profile>(`/api/v1/customers/friends/${student.body.id}`)).body.parents.map((p) => p.name), ['王爸爸']);
    assert.equal((await b.client.delete(`/api/v1/customers/friends/${student.body.id}/parents/${mother.body.id}`)).status, 404);
    // Another enterprise's student is not found either.
    const elsewhere = await newCorp(t, { industry: 'education' });
    assert.equal(errorCode((await elsewhere.client.get(`/api/v1/customers/friends/${student.body.id}`)).body), 'customers.not_friend');
  });

  it('only students have parents: outside the education edition a parent is refused and nothing is written', async () => {
    const corp = await newCorp(t, { industry: 'general' });
    const b = await signedInMember(t, corp.corpId);
    const customer = await add(b.client, 'wx-adult');
    const refused = await b.client.post(`/api/v1/customers/friends/${customer.body.id}/parents`, { name: '家长', relation: 'guardian' });
    assert.deepEqual([refused.status, errorCode(refused.body)], [409, 'customers.parents_education_only']);
    const profile = await b.client.get<Profile>(`/api/v1/customers/friends/${customer.body.id}`);
    assert.deepEqual([profile.body.term, profile.body.parents], ['customer', []]);
    assert.equal(errorCode((await b.client.post(`/api/v1/customers/friends/${customer.body.id}/parents`, { name: '家长', relation: 'uncle' })).body), 'request.invalid');
  });
});
