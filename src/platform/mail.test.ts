import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMailer, type MailRequest } from './mail.ts';
import { capturedLogger, startSmtpServer, type TestSmtpServer } from '../../test/support/smtp.ts';

const SECRET = 'Zk3nS0mEs3cr3tV4lu3xx';
const at = Date.parse('2026-01-12T09:00:00+08:00');

function invitation(overrides: Partial<MailRequest> = {}): MailRequest {
  return {
    kind: 'invitation',
    to: 'li.lei@example.com',
    language: 'zh-CN',
    corpName: '榕树科技',
    recipientName: '李雷',
    url: `http://banyan.example.com/activate/inv_01.${SECRET}`,
    secret: SECRET,
    expiresAt: at,
    ...overrides,
  };
}

describe('mail through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  before(async () => {
    smtp = await startSmtpServer();
  });
  after(() => smtp.close());

  it('an invitation in the enterprise language zh-CN arrives with its link, subject and expiry', async () => {
    const { log, lines } = capturedLogger();
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'Banyan <no-reply@banyan.example.com>' }, log);
    assert.deepEqual(await mailer.send(invitation()), { delivered: true });
    mailer.close();
    const mail = smtp.messages.at(-1)!;
    assert.equal(mail.from, 'no-reply@banyan.example.com');
    assert.deepEqual(mail.to, ['li.lei@example.com']);
    assert.equal(mail.subject, '榕树科技 邀请你加入企业');
    assert.equal(
      mail.text,
      `李雷，你好：\n\n榕树科技 邀请你加入企业。打开下面的链接，注册或登录你的账号后即可激活：\n\nhttp://banyan.example.com/activate/inv_01.${SECRET}\n\n链接只能使用一次，2026/01/12 09:00（北京时间）前有效。如果你不认识这个企业，请忽略本邮件。\n`,
    );
    // The log says it was sent, without the secret.
    assert.ok(lines().some((line) => line.includes('"msg":"mail sent"') && line.includes('/activate/inv_01.…')));
    assert.ok(lines().every((line) => !line.includes(SECRET)));
  });

  it('an enterprise in English gets its password reset in English', async () => {
    const { log } = capturedLogger();
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'no-reply@banyan.example.com' }, log);
    assert.deepEqual(await mailer.send(invitation({ kind: 'passwordReset', language: 'en', corpName: 'Banyan Tech', recipientName: 'Li Lei', url: `http://banyan.example.com/reset/rst_01.${SECRET}` })), { delivered: true });
    mailer.close();
    const mail = smtp.messages.at(-1)!;
    assert.equal(mail.subject, 'Banyan Tech: reset your password');
    assert.equal(
      mail.text,
      `Hello Li Lei,\n\nOpen the link below to set a new password:\n\nhttp://banyan.example.com/reset/rst_01.${SECRET}\n\nThe link works once, until 12/01/2026, 09:00 (Beijing time). Setting a new password signs you out on every device. If you did not ask for this, ignore this message.\n`,
    );
  });

  it('a member without an address is not mailed: the admin hands the link over', async () => {
    const { log, lines } = capturedLogger();
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'no-reply@banyan.example.com' }, log);
    const before = smtp.messages.length;
    assert.deepEqual(await mailer.send(invitation({ to: null })), { delivered: false, reason: 'no_address' });
    mailer.close();
    assert.equal(smtp.messages.length, before);
    assert.ok(lines().every((line) => !line.includes(SECRET)));
  });
});

describe('mail without an SMTP server', () => {
  it('is written to the log without the secret part of the link, and the caller is told to show the link', async () => {
    const { log, lines } = capturedLogger();
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: 'no-reply@localhost' }, log);
    assert.equal(mailer.enabled, false);
    assert.deepEqual(await mailer.send(invitation()), { delivered: false, reason: 'no_smtp' });
    assert.equal(lines().length, 1);
    const line = JSON.parse(lines()[0]!) as Record<string, unknown>;
    assert.equal(line.kind, 'invitation');
    assert.equal(line.to, 'li.lei@example.com');
    assert.equal(line.link, 'http://banyan.example.com/activate/inv_01.…');
    assert.ok(!lines()[0]!.includes(SECRET));
  });

  it('an SMTP server that cannot be reached: not delivered, logged without the secret', async () => {
    const { log, lines } = capturedLogger();
    // Nothing listens on port 1.
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'no-reply@localhost' }, log);
    assert.deepEqual(await mailer.send(invitation()), { delivered: false, reason: 'failed' });
    mailer.close();
    assert.ok(lines().some((line) => line.includes('"code":"ESOCKET"')));
    assert.ok(lines().every((line) => !line.includes(SECRET)));
  });
});
