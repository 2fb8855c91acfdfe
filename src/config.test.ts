import { it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig, parseArgs } from './config.ts';

it('flags win over environment variables', () => {
  const config = loadConfig({ port: '9000' }, { PORT: '7000', LOG_LEVEL: 'warn' });
  assert.equal(config.port, 9000);
  assert.equal(config.logLevel, 'warn');
  assert.equal(config.databaseUrl, undefined);
});

it('bad values end with one clear sentence', () => {
  assert.throws(() => loadConfig({ port: 'eighty' }, {}), new ConfigError('The port must be a whole number from 0 to 65535, not "eighty".'));
  assert.throws(() => loadConfig({}, { DATABASE_URL: 'mysql://root@localhost/banyan' }), ConfigError);
  assert.throws(() => loadConfig({ 'log-level': 'loud' }, {}), /The log level must be one of/);
});

it('parses words and flags', () => {
  assert.deepEqual(parseArgs(['operator', 'create', '--login', 'ops', '--port=81', '--verbose']), {
    words: ['operator', 'create'],
    flags: { login: 'ops', port: '81', verbose: 'true' },
  });
});

it('the PostgreSQL pool: 10 connections unless --db-pool or BANYAN_DB_POOL says otherwise, 1 to 1000', () => {
  assert.equal(loadConfig({}, {}).dbPool, 10);
  assert.equal(loadConfig({}, { BANYAN_DB_POOL: '25' }).dbPool, 25);
  assert.equal(loadConfig({ 'db-pool': '3' }, { BANYAN_DB_POOL: '25' }).dbPool, 3);
  for (const bad of ['0', '1001', '2.5', 'many']) {
    assert.throws(() => loadConfig({ 'db-pool': bad }, {}), new ConfigError(`--db-pool must be a whole number of connections from 1 to 1000, not "${bad}".`));
  }
});
