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

it('the PostgreSQL pool: 10 connections unless --db-pool or BANYAN_DB_POOL says otherwise, 1 to 1000', () => {
  assert.equal(loadConfig({}, {}).dbPool, 10);
  assert.equal(loadConfig({}, { BANYAN_DB_POOL: '25' }).dbPool, 25);
  assert.equal(loadConfig({ 'db-pool': '3' }, { BANYAN_DB_POOL: '25' }).dbPool, 3);
  for (const bad of ['0', '1001', '2.5', 'many']) {
    assert.throws(() => loadConfig({ 'db-pool': bad }, {}), new ConfigError(`--db-pool must be a whole number of connections from 1 to 1000, not "${bad}".`));
  }
});

it('--trust-proxy: off by default; a number of hops, true, or addresses and CIDR ranges; anything else is one sentence', () => {
  assert.equal(loadConfig({}, {}).trustProxy, false);
  assert.equal(loadConfig({ 'trust-proxy': '2' }, {}).trustProxy, 2);
  assert.equal(loadConfig({}, { BANYAN_TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(loadConfig({ 'trust-proxy': '10.0.0.5, 10.0.1.0/24,::1' }, {}).trustProxy, '10.0.0.5,10.0.1.0/24,::1');
  assert.throws(() => loadConfig({ 'trust-proxy': 'the balancer' }, {}), new ConfigError('--trust-proxy must be false, true, a number of proxy hops, or addresses/CIDR ranges separated by commas, not "the balancer".'));
  assert.equal(loadConfig({}, { BANYAN_REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl, 'redis://127.0.0.1:6379');
  assert.throws(() => loadConfig({}, { BANYAN_REDIS_URL: 'http://cache' }), new ConfigError('BANYAN_REDIS_URL must be a Redis URL such as redis://127.0.0.1:6379, not "http://cache".'));
});

it('mail: BANYAN_SMTP_URL (or --smtp-url) turns on SMTP; links in mail use --public-url, else localhost and the port', () => {
  const plain = loadConfig({}, {});
  assert.equal(plain.smtpUrl, undefined);
  assert.equal(plain.publicUrl, 'http://localhost:8080');
  assert.equal(plain.mailFrom, 'Banyan <no-reply@localhost>');
  const mailing = loadConfig({ 'public-url': 'https://banyan.example.com/' }, { BANYAN_SMTP_URL: 'smtp://u:p@mail.example.com:587', BANYAN_MAIL_FROM: 'hr@example.com' });
  assert.equal(mailing.smtpUrl, 'smtp://u:p@mail.example.com:587');
  assert.equal(mailing.publicUrl, 'https://banyan.example.com');
  assert.equal(mailing.mailFrom, 'hr@example.com');
  assert.equal(loadConfig({ 'smtp-url': 'smtps://mail.example.com:465' }, { BANYAN_SMTP_URL: 'smtp://other:25' }).smtpUrl, 'smtps://mail.example.com:465');
  assert.throws(() => loadConfig({}, { BANYAN_SMTP_URL: 'mail.example.com' }), new ConfigError('BANYAN_SMTP_URL must be an SMTP URL such as smtp://user:password@mail.example.com:587 or smtps://…:465.'));
  assert.throws(() => loadConfig({ 'public-url': 'banyan.example.com' }, {}), new ConfigError('--public-url must be the address Banyan is opened at, such as https://banyan.example.com, not "banyan.example.com".'));
});

it('the WeCom-compatible API listens on 8081 unless --wecom-port or BANYAN_WECOM_PORT says otherwise; 0 turns it off', () => {
  assert.equal(loadConfig({}, {}).wecomPort, 8081);
  assert.equal(loadConfig({}, { BANYAN_WECOM_PORT: '9081' }).wecomPort, 9081);
  assert.equal(loadConfig(parseArgs(['serve', '--wecom-port', '0']).flags, { BANYAN_WECOM_PORT: '9081' }).wecomPort, 0);
  assert.throws(() => loadConfig({ 'wecom-port': '70000' }, {}), new ConfigError('--wecom-port must be a whole number from 0 to 65535 (0 turns the WeCom-compatible port off), not "70000".'));
});

it('issue rule private callback addresses: allowed by default on SQLite, refused by default on PostgreSQL, --allow-private-callbacks decides either way', () => {
  assert.equal(loadConfig({}, {}).allowPrivateCallbacks, true);
  assert.equal(loadConfig({}, { DATABASE_URL: 'postgres://u@db:5432/banyan' }).allowPrivateCallbacks, false);
  assert.equal(loadConfig(parseArgs(['serve', '--allow-private-callbacks']).flags, { DATABASE_URL: 'postgres://u@db:5432/banyan' }).allowPrivateCallbacks, true);
  assert.equal(loadConfig({}, { BANYAN_ALLOW_PRIVATE_CALLBACKS: 'false' }).allowPrivateCallbacks, false);
  assert.throws(() => loadConfig({ 'allow-private-callbacks': 'yes' }, {}), new ConfigError('--allow-private-callbacks must be true or false, not "yes".'));
});
