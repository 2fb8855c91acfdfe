import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { openMigratedDatabase } from '../src/server.ts';
import { buildRegistry } from '../src/platform/module.ts';
import { manifests } from '../src/modules/index.ts';
import { createAccount } from '../src/modules/account/index.ts';
import { registerCorp } from '../src/modules/session/index.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { importCommand } from '../src/import-command.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'banyan.js');

function banyan(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, BANYAN_WEB_DIR: '/nonexistent-but-unused' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('banyan import (CLI)', () => {
  let dir: string;
  let corpId: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'banyan-import-cli-'));
    const database = await openMigratedDatabase({ databaseUrl: undefined, dataDir: dir });
    corpId = await database.db.transaction().execute(async (trx) => {
      const account = await createAccount(trx, Date.now(), { logN: 4, r: 8, p: 1 }, { name: '林森', loginName: 'cli_owner', password: 'password123' });
      const base = { now: Date.now(), log: pino({ level: 'silent' }) as unknown as FastifyBaseLogger, registry: buildRegistry(manifests) };
      return registerCorp(trx, base, account, { name: '命令行科技', shortName: '命令行', industry: 'general' });
    });
    await database.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('imports departments then members with progress; a bad file lists its rows and imports nothing', () => {
    writeFileSync(join(dir, 'depts.csv'), '\ufeff部门名称,上级部门\r\n研发中心,\r\n平台部,研发中心\r\n');
    const depts = banyan(['import', 'departments', join(dir, 'depts.csv'), '--data-dir', dir]);
    assert.equal(depts.code, 0, depts.stderr);
    assert.equal(depts.stdout, 'Imported 2 departments.\n');
    assert.match(depts.stderr, /validating 50%\n(.|\n)*100%\n$/);

    writeFileSync(join(dir, 'bad.csv'), '姓名,账号,部门\n周杰,zhoujie,研发中心/平台部\n吴迪,wudi,不存在\n');
    const bad = banyan(['import', 'members', join(dir, 'bad.csv'), '--data-dir', dir, '--corp', corpId]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Nothing was imported; 1 problem\(s\) in the file:\n {2}row 3, departments: unknown_department\n$/);

    writeFileSync(join(dir, 'good.csv'), '姓名,账号,部门\n周杰,zhoujie,研发中心/平台部\n');
    const good = banyan(['import', 'members', join(dir, 'good.csv'), '--data-dir', dir]);
    assert.equal(good.code, 0, good.stderr);
    assert.equal(good.stdout, 'Imported 1 members.\n');
  });

  it('says how to call it when the words are wrong, the file is missing or the enterprise unknown', async () => {
    const config = loadConfig({ 'data-dir': dir }, {});
    const refusal = async (args: string[], flags: Record<string, string> = {}) => {
      const error = await importCommand(config, args, flags).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof ConfigError);
      return error.message;
    };
    assert.equal(await refusal(['people', 'x.csv']), 'Usage: banyan import members|departments FILE [--corp ID]');
    assert.equal(await refusal(['members', join(dir, 'none.csv')]), `The file ${join(dir, 'none.csv')} cannot be read.`);
    assert.equal(await refusal(['members', join(dir, 'x.txt')]), 'The file must end in .xlsx or .csv.');
    writeFileSync(join(dir, 'one.csv'), '姓名,账号,部门\n');
    assert.equal(await refusal(['members', join(dir, 'one.csv')], { corp: 'corp_nope' }), 'There is no enterprise corp_nope.');
  });
});
