import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { manifests } from '../../src/modules/index.ts';
import { buildRegistry, defineModule, type TableKind } from '../../src/platform/module.ts';
import { citusSql } from '../../src/platform/db/citus.ts';
import { describeEachDialect } from '../support/db.ts';
import { checkSchema, readSchema } from './schema.ts';
import { readSources } from './checker.ts';
import { unfilteredQueries } from './corp-filter.ts';

const kinds = new Map([...buildRegistry(manifests).tables].map(([table, { kind }]) => [table, kind]));

describeEachDialect('the schema is ready to be distributed by corp_id', (use) => {
  const read = () => readSchema(use().database.db as unknown as Kysely<unknown>, use().dialect, use().database.pgSchema);

  it('every table the migrations make is declared; every tenant table\'s primary key starts with corp_id and every unique index holds it', async () => {
    assert.deepEqual(checkSchema(await read(), kinds), []);
  });

  it('the check sees a migration that adds a tenant table keyed by id alone, with a global unique code (the test of the test)', async () => {
    const { db } = use().database;
    await sql`create table bad_links (id text not null, corp_id text not null, code text not null, constraint bad_links_pk primary key (id))`.execute(db);
    await sql`create unique index bad_links_code on bad_links (code)`.execute(db);
    await sql`create unique index bad_links_corp_code on bad_links (corp_id, code)`.execute(db);
    await sql`create table undeclared_things (corp_id text not null, id text not null, constraint undeclared_things_pk primary key (corp_id, id))`.execute(db);
    try {
      assert.deepEqual(checkSchema(await read(), new Map<string, TableKind>([...kinds, ['bad_links', 'tenant'], ['never_made', 'local']])), [
        'bad_links: a tenant table whose primary key (id) does not start with corp_id',
        'bad_links: unique index bad_links_code (code) without corp_id',
        'undeclared_things: made by a migration but declared by no manifest as tenant, reference or local',
        'never_made: declared by a manifest but made by no migration',
      ]);
    } finally {
      await sql`drop table bad_links`.execute(db);
      await sql`drop table undeclared_things`.execute(db);
    }
  });
});

describe('the manifests\' table kinds', () => {
  it('accounts, operators, wallet_secrets are reference tables; sessions, jobs and rate_limits stay local; outbox is a tenant table', () => {
    assert.deepEqual(
      ['accounts', 'operators', 'wallet_secrets', 'corps', 'sessions', 'jobs', 'rate_limits', 'outbox', 'outbox_receipts'].map((t) => [t, kinds.get(t)]),
      [['accounts', 'reference'], ['operators', 'reference'], ['wallet_secrets', 'reference'], ['corps', 'reference'], ['sessions', 'local'], ['jobs', 'local'], ['rate_limits', 'local'], ['outbox', 'tenant'], ['outbox_receipts', 'tenant']],
    );
  });
});

describe('banyan citus-sql', () => {
  it('prints a reference table per reference table and colocates every tenant table with the first one', () => {
    const one = defineModule({ name: 'one', tables: { links: 'tenant', link_codes: 'reference', queue: 'local' } });
    const two = defineModule({ name: 'two', tables: { packs: 'tenant', people: 'reference' } });
    assert.equal(
      citusSql([one, two]),
      [
        '-- Banyan on Citus: run on the coordinator after `banyan migrate`, before the servers start.',
        '-- Reference tables: small, read without an enterprise, copied to every node.',
        "select create_reference_table('link_codes');",
        "select create_reference_table('people');",
        "-- Tenant tables: distributed by corp_id, each enterprise's rows of every table on one node.",
        "select create_distributed_table('links', 'corp_id');",
        "select create_distributed_table('packs', 'corp_id', colocate_with => 'links');",
        '-- Local tables stay on the coordinator: queue, kysely_migration, kysely_migration_lock.',
        '',
      ].join('\n'),
    );
  });

  it('the command prints the statements of Banyan\'s manifests without opening a database', () => {
    const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'banyan.js'), 'citus-sql'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.ok(lines.includes("select create_reference_table('accounts');"));
    assert.ok(lines.includes("select create_distributed_table('audit_log', 'corp_id');"));
    assert.ok(lines.includes("select create_distributed_table('wallets', 'corp_id', colocate_with => 'audit_log');"));
    const distributed = lines.filter((l) => l.startsWith('select create_distributed_table(')).length;
    const referenced = lines.filter((l) => l.startsWith('select create_reference_table(')).length;
    assert.equal(distributed, [...kinds.values()].filter((k) => k === 'tenant').length);
    assert.equal(referenced, [...kinds.values()].filter((k) => k === 'reference').length);
    assert.equal(lines.at(-2), `-- Local tables stay on the coordinator: ${[...kinds].filter(([, k]) => k === 'local').map(([t]) => t).join(', ')}, kysely_migration, kysely_migration_lock.`);
  });
});

/**
 * Queries on tenant tables without a corp_id filter, each with why it may go to every node on Citus.
 * Keyed by file and table; a new unfiltered query fails the test until it is filtered or listed here.
 */
const UNFILTERED_ALLOWED = new Map([
  ['src/modules/attendance/missed.service.ts attendance_rules', 'the 未打卡 pass every few minutes reads every enterprise\'s rules, then closes each rule-day in a transaction of that enterprise'],
  ['src/modules/admin/admin.roles.ts super_admins', 'the enterprises where an account is an external super admin (代运营), for the enterprise switcher: by account, across enterprises'],
  ['src/modules/certification/certification.service.ts certification_applications', 'the operator\'s queue of certification applications to review, across enterprises (the operator console)'],
  ['src/modules/datamigration/datamigration.service.ts data_migrations', 'an application is kept by its source enterprise: the target finds the ones naming it by target_corp_id, and the operator\'s queue spans enterprises'],
  ['src/modules/category/category.service.ts corp_categories', 'the operator\'s queue of category choices to review, across enterprises (the operator console)'],
  ['src/modules/wallet/alerts.service.ts wallets', 'the scheduled balance-alert pass looks for every enterprise below its alert, then works per enterprise'],
  ['src/modules/wallet/invoices.service.ts wallet_invoices', 'the operator\'s queue of invoice requests, across enterprises'],
  ['src/modules/wallet/refunds.service.ts wallet_txns', 'the operator\'s list of manual refunds, across enterprises'],
  ['src/modules/wallet/sandbox.ts wallet_sandboxes', 'whether any enterprise is a sandbox one, once at start'],
  ['src/modules/wallet/topups.service.ts wallet_topups', 'the operator\'s queue of bank transfers to confirm, across enterprises'],
  ['src/platform/outbox.ts outbox', 'the enterprises with events due; each is then delivered in a transaction of its own, by corp_id'],
]);

describe('every query on a tenant table is filtered by corp_id', () => {
  const tenant = new Set([...kinds].filter(([, k]) => k === 'tenant').map(([t]) => t));

  it('no query on a tenant table in production code lacks a corp_id filter, outside the commented allow-list (and every entry of the list is still needed)', () => {
    const found = unfilteredQueries(readSources(join(import.meta.dirname, '..', '..'), 'src'), tenant);
    assert.deepEqual(found.filter((f) => !UNFILTERED_ALLOWED.has(f.key)).map((f) => f.where), []);
    assert.deepEqual([...UNFILTERED_ALLOWED.keys()].filter((key) => !found.some((f) => f.key === key)), []);
  });

  it('the check fails on a query without corp_id: a builder chain, a join, a sql template; corp_id in select alone is no filter (the test of the test)', () => {
    const text = [
      "export const a = (db) => db.selectFrom('members').select('corp_id').where('account_id', '=', 'x').execute();",
      "export const b = (db) => db.selectFrom('members as m').innerJoin('departments as d', 'd.id', 'm.department_id').where('m.corp_id', '=', 'c').execute();",
      "export const c = (db) => sql`delete from wallets where balance < 0`.execute(db);",
      "export const d = (db) => db.updateTable('wallets').set({ balance: 0 }).where('corp_id', '=', 'c').execute();",
      "export const e = (db) => sql`select * from members m join departments d on d.corp_id = m.corp_id where m.corp_id = ${'c'}`.execute(db);",
      "export const f = (db) => db.insertInto('members').values({ id: 'x' }).execute();",
    ].join('\n');
    const found = unfilteredQueries([{ path: 'src/modules/x/x.service.ts', text }, { path: 'src/modules/x/x.test.ts', text }], tenant);
    assert.deepEqual(found, [
      { where: 'src/modules/x/x.service.ts:1', key: 'src/modules/x/x.service.ts members' },
      { where: 'src/modules/x/x.service.ts:2', key: 'src/modules/x/x.service.ts departments' },
      { where: 'src/modules/x/x.service.ts:3', key: 'src/modules/x/x.service.ts wallets' },
    ]);
  });
});
