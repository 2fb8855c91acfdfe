import type { FastifyBaseLogger } from 'fastify';
import { createTransport, type Transporter } from 'nodemailer';

/** The languages an enterprise writes in; its mail goes out in its own. */
export type MailLanguage = 'zh-CN' | 'en';

/** The messages Banyan sends. Each carries one link that holds a secret. */
export type MailKind = 'invitation' | 'passwordReset';

export interface MailRequest {
  kind: MailKind;
  /** The recipient's address; null when the member has none, so the link can only be handed over. */
  to: string | null;
  language: MailLanguage;
  /** The enterprise the message speaks for. */
  corpName: string;
  /** Whom the message greets. */
  recipientName: string;
  /** The absolute address the link opens; it contains `secret`. */
  url: string;
  /** The part of `url` that grants access: it never reaches a log line. */
  secret: string;
  /** When the link stops working (epoch ms). */
  expiresAt: number;
}

/**
 * What became of a message. Not delivered: there is no SMTP server configured, the recipient has no
 * address, or the server refused it; the caller then shows the link to the admin to pass on.
 */
export type MailOutcome = { delivered: true } | { delivered: false; reason: 'no_smtp' | 'no_address' | 'failed' };

export interface Mailer {
  /** Whether messages can go out at all (an SMTP server is configured). */
  readonly enabled: boolean;
  send(mail: MailRequest): Promise<MailOutcome>;
  close(): void;
}

export interface MailConfig {
  /** smtp:// or smtps:// with credentials if needed (BANYAN_SMTP_URL); unset: nothing is sent. */
  smtpUrl: string | undefined;
  /** The From header (BANYAN_MAIL_FROM). */
  mailFrom: string;
}

/** The link as a log line may show it: everything but the secret. */
export function withoutSecret(url: string, secret: string): string {
  return secret ? url.split(secret).join('…') : url;
}

/** Sends through nodemailer when an SMTP server is configured; otherwise writes to the log, without the secret. */
export function createMailer(config: MailConfig, log: FastifyBaseLogger): Mailer {
  const transport: Transporter | undefined = config.smtpUrl ? createTransport(config.smtpUrl) : undefined;
  return {
    enabled: transport !== undefined,
    async send(mail) {
      const logged = { kind: mail.kind, to: mail.to, link: withoutSecret(mail.url, mail.secret) };
      if (!transport) {
        log.info(logged, 'mail not sent (no SMTP server configured): the admin hands the link over');
        return { delivered: false, reason: 'no_smtp' };
      }
      if (!mail.to) {
        log.info(logged, 'mail not sent (the recipient has no e-mail address): the admin hands the link over');
        return { delivered: false, reason: 'no_address' };
      }
      const { subject, text } = composeMail(mail);
      try {
        await transport.sendMail({ from: config.mailFrom, to: mail.to, subject, text });
      } catch (error) {
        // Only the code and the server's reply: nodemailer's error may quote the message itself.
        const failure = error as { code?: string; responseCode?: number };
        log.warn({ ...logged, code: failure.code, responseCode: failure.responseCode }, 'mail refused by the SMTP server: the admin hands the link over');
        return { delivered: false, reason: 'failed' };
      }
      log.info(logged, 'mail sent');
      return { delivered: true };
    },
    close() {
      transport?.close();
    },
  };
}

/** Expiry as people in the enterprise read it: Beijing time, the seed's zone. */
function formatExpiry(at: number, language: MailLanguage): string {
  const text = new Intl.DateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(at));
  return language === 'zh-CN' ? `${text}（北京时间）` : `${text} (Beijing time)`;
}

/** The subject and body of a message in the enterprise's language. */
export function composeMail(mail: Pick<MailRequest, 'kind' | 'language' | 'corpName' | 'recipientName' | 'url' | 'expiresAt'>): { subject: string; text: string } {
  const until = formatExpiry(mail.expiresAt, mail.language);
  if (mail.language === 'zh-CN') {
    if (mail.kind === 'invitation') {
      return {
        subject: `${mail.corpName} 邀请你加入企业`,
        text: `${mail.recipientName}，你好：\n\n${mail.corpName} 邀请你加入企业。打开下面的链接，注册或登录你的账号后即可激活：\n\n${mail.url}\n\n链接只能使用一次，${until}前有效。如果你不认识这个企业，请忽略本邮件。\n`,
      };
    }
    return {
      subject: `${mail.corpName}：重置你的密码`,
      text: `${mail.recipientName}，你好：\n\n打开下面的链接设置新密码：\n\n${mail.url}\n\n链接只能使用一次，${until}前有效。设置新密码后，你在所有设备上的登录都会退出。如果这不是你本人的操作，请忽略本邮件。\n`,
    };
  }
  if (mail.kind === 'invitation') {
    return {
      subject: `${mail.corpName} invites you to join`,
      text: `Hello ${mail.recipientName},\n\n${mail.corpName} invites you to join the enterprise. Open the link below, sign up or sign in to your account, and you are activated:\n\n${mail.url}\n\nThe link works once, until ${until}. If you do not know this enterprise, ignore this message.\n`,
    };
  }
  return {
    subject: `${mail.corpName}: reset your password`,
    text: `Hello ${mail.recipientName},\n\nOpen the link below to set a new password:\n\n${mail.url}\n\nThe link works once, until ${until}. Setting a new password signs you out on every device. If you did not ask for this, ignore this message.\n`,
  };
}
