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

it('the payment sandbox is off unless turned on by --sandbox-payments or BANYAN_SANDBOX_PAYMENTS', () => {
  assert.equal(loadConfig({}, {}).sandboxPayments, false);
  assert.equal(loadConfig({}, { BANYAN_SANDBOX_PAYMENTS: 'true' }).sandboxPayments, true);
  assert.equal(loadConfig(parseArgs(['serve', '--sandbox-payments']).flags, {}).sandboxPayments, true);
  assert.equal(loadConfig({ 'sandbox-payments': 'false' }, { BANYAN_SANDBOX_PAYMENTS: 'true' }).sandboxPayments, false);
  assert.throws(() => loadConfig({}, { BANYAN_SANDBOX_PAYMENTS: 'yes' }), new ConfigError('--sandbox-payments must be true or false, not "yes".'));
});
