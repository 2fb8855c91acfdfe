import { join, resolve } from 'node:path';
import { projectRoot } from './platform/paths.ts';
import { PRODUCTION_SCRYPT, type ScryptParams } from './platform/auth/password.ts';

export interface Config {
  host: string;
  port: number;
  /**
   * The WeCom-compatible API's own port (--wecom-port, BANYAN_WECOM_PORT; default 8081, 0 = off):
   * `/cgi-bin/...` at the root of an origin, for clients that drop any path prefix. The main port
   * answers `/cgi-bin/...` too.
   */
  wecomPort: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL connections this process may open (processes × pool must stay below max_connections). */
  dbPool: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where the built console is; served at `/`. */
  webDir: string;
  /** Set when Banyan is served over HTTPS, so cookies are marked Secure. */
  secureCookies: boolean;
  scrypt: ScryptParams;
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For): `false` (none, the
   * default), a number of hops, or a comma-separated list of addresses and CIDR ranges, as Fastify
   * takes `trustProxy`. Behind a load balancer every client would otherwise share its address.
   */
  trustProxy: boolean | number | string;
  /** Redis for state every process must share (rate-limit counters); unset: PostgreSQL or memory. */
  redisUrl: string | undefined;
  /** Requests per minute per IP on the whole API (0 = off). */
  rateLimitPerMinute: number;
  /** Sign-in and registration attempts per minute per IP, whatever the global limit. */
  signInLimitPerMinute: number;
  /** Run the outbox and job workers in this process. */
  workers: boolean;
  /**
   * Whether the console animates (antd's motion). Always on from flags and env vars: only the
   * browser tests' server (test/support/server.ts) turns it off, so that no step waits on an
   * animation. It reaches the console as a <meta name="banyan-motion" content="off"> in index.html.
   */
  consoleMotion: boolean;
  /**
   * The key that signs payment-channel callbacks (BANYAN_PAYMENT_SECRET). When unset, the wallet
   * generates one on first use and keeps it in the database. Never logged.
   */
  paymentSecret: string | undefined;
  /**
   * Sandbox payments (--sandbox-payments, BANYAN_SANDBOX_PAYMENTS): the online channels' "simulate a
   * successful payment" route, which credits a top-up although no money moved. Off by default; tests
   * turn it on, and the demo enterprise has it whatever this says (its money is make-believe).
   */
  sandboxPayments: boolean;
  /**
   * The SMTP server invitations and password resets go through (--smtp-url, BANYAN_SMTP_URL:
   * smtp://user:pass@host:587 or smtps://…). Unset: nothing is mailed, the admin is shown the link to
   * pass on, and the log says a message was not sent (without the link's secret). Never logged.
   */
  smtpUrl: string | undefined;
  /** The From header of those messages (--mail-from, BANYAN_MAIL_FROM). */
  mailFrom: string;
  /**
   * The address people open Banyan at (--public-url, BANYAN_PUBLIC_URL), for links in e-mail. Never
   * taken from a request's Host header, which a caller controls. Default http://localhost:<port>.
   */
  publicUrl: string;
  /** Whether --public-url was given: pages shown to a signed-in admin default to the address they opened instead. */
  publicUrlGiven: boolean;
  /**
   * Whether callback and webhook URLs may point at loopback, private, link-local or other internal
   * addresses (--allow-private-callbacks, BANYAN_ALLOW_PRIVATE_CALLBACKS: true or false). Default:
   * allowed on the embedded SQLite database (one machine, receivers next to it), refused on
   * PostgreSQL (a shared server, where an enterprise admin must not reach the operator's network).
   */
  allowPrivateCallbacks: boolean;
  /** The largest file a member may upload to the file store (--file-limit-mb, BANYAN_FILE_LIMIT_MB; default 20 MiB): 413 beyond. */
  fileLimitBytes: number;
  /**
   * What each member's ordinary files may take in all (--file-quota-mb, BANYAN_FILE_QUOTA_MB; default
   * 2048 MiB). 文件防泄漏's confidential files count against no quota.
   */
  fileQuotaBytes: number;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** `banyan operator create --port 9000 --log-level=debug` → words and flags; flags win over env vars. */
export function parseArgs(args: string[]): { words: string[]; flags: Record<string, string> } {
  const words: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) flags[arg.slice(2)] = args[++i]!;
    else flags[arg.slice(2)] = 'true';
  }
  return { words, flags };
}

export function loadConfig(flags: Record<string, string>, env: NodeJS.ProcessEnv = process.env): Config {
  const pick = (flag: string, variable: string): string | undefined => flags[flag] ?? env[variable];

  const portText = pick('port', 'PORT') ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`The port must be a whole number from 0 to 65535, not "${portText}".`);

  const wecomPortText = pick('wecom-port', 'BANYAN_WECOM_PORT') ?? '8081';
  const wecomPort = Number(wecomPortText);
  if (!Number.isInteger(wecomPort) || wecomPort < 0 || wecomPort > 65535) throw new ConfigError(`--wecom-port must be a whole number from 0 to 65535 (0 turns the WeCom-compatible port off), not "${wecomPortText}".`);

  const logLevel = pick('log-level', 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new ConfigError(`The log level must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}".`);

  const databaseUrl = pick('database-url', 'DATABASE_URL') || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL such as postgres://user@127.0.0.1:5432/banyan; leave it unset to use the embedded SQLite database.');
  }

  const poolText = pick('db-pool', 'BANYAN_DB_POOL') ?? '10';
  const dbPool = Number(poolText);
  if (!Number.isInteger(dbPool) || dbPool < 1 || dbPool > 1000) throw new ConfigError(`--db-pool must be a whole number of connections from 1 to 1000, not "${poolText}".`);

  const trustText = (pick('trust-proxy', 'BANYAN_TRUST_PROXY') ?? 'false').trim();
  let trustProxy: Config['trustProxy'];
  if (trustText === 'false' || trustText === '') trustProxy = false;
  else if (trustText === 'true') trustProxy = true;
  else if (/^\d+$/.test(trustText)) trustProxy = Number(trustText);
  else if (trustText.split(',').every((part) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(part.trim()))) trustProxy = trustText.split(',').map((part) => part.trim()).join(',');
  else throw new ConfigError(`--trust-proxy must be false, true, a number of proxy hops, or addresses/CIDR ranges separated by commas, not "${trustText}".`);

  const redisUrl = pick('redis-url', 'BANYAN_REDIS_URL') || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError(`BANYAN_REDIS_URL must be a Redis URL such as redis://127.0.0.1:6379, not "${redisUrl}".`);

  const perMinute = (flag: string, variable: string, fallback: string, min: number): number => {
    const text = pick(flag, variable) ?? fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new ConfigError(`--${flag} must be a whole number of requests per minute (at least ${min}), not "${text}".`);
    return value;
  };
  const rateLimitPerMinute = perMinute('rate-limit', 'BANYAN_RATE_LIMIT', '1200', 0);
  const signInLimitPerMinute = perMinute('sign-in-limit', 'BANYAN_SIGN_IN_LIMIT', '20', 1);

  // Only lowered by tests that start real servers; production keeps N = 2^15.
  const logNText = pick('scrypt-log-n', 'BANYAN_SCRYPT_LOG_N') ?? String(PRODUCTION_SCRYPT.logN);
  const logN = Number(logNText);
  if (!Number.isInteger(logN) || logN < 1 || logN > 20) throw new ConfigError(`--scrypt-log-n must be a whole number from 1 to 20, not "${logNText}".`);

  const sandboxText = pick('sandbox-payments', 'BANYAN_SANDBOX_PAYMENTS') ?? 'false';
  if (sandboxText !== 'true' && sandboxText !== 'false') throw new ConfigError(`--sandbox-payments must be true or false, not "${sandboxText}".`);

  const smtpUrl = pick('smtp-url', 'BANYAN_SMTP_URL') || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) throw new ConfigError('BANYAN_SMTP_URL must be an SMTP URL such as smtp://user:password@mail.example.com:587 or smtps://…:465.');

  const givenPublicUrl = pick('public-url', 'BANYAN_PUBLIC_URL') || undefined;
  const publicUrl = (givenPublicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/.test(publicUrl)) throw new ConfigError(`--public-url must be the address Banyan is opened at, such as https://banyan.example.com, not "${publicUrl}".`);

  const privateText = pick('allow-private-callbacks', 'BANYAN_ALLOW_PRIVATE_CALLBACKS');
  if (privateText !== undefined && privateText !== 'true' && privateText !== 'false') throw new ConfigError(`--allow-private-callbacks must be true or false, not "${privateText}".`);
  const allowPrivateCallbacks = privateText === undefined ? databaseUrl === undefined : privateText === 'true';

  const megabytes = (flag: string, variable: string, fallback: string): number => {
    const text = pick(flag, variable) ?? fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > 1_000_000) throw new ConfigError(`--${flag} must be a whole number of MiB from 1 to 1000000, not "${text}".`);
    return value * 1024 * 1024;
  };
  const fileLimitBytes = megabytes('file-limit-mb', 'BANYAN_FILE_LIMIT_MB', '20');
  const fileQuotaBytes = megabytes('file-quota-mb', 'BANYAN_FILE_QUOTA_MB', '2048');

  return {
    host: pick('host', 'HOST') ?? '0.0.0.0',
    port,
    wecomPort,
    dataDir: resolve(pick('data-dir', 'BANYAN_DATA_DIR') ?? './data'),
    databaseUrl,
    dbPool,
    logLevel: logLevel as Config['logLevel'],
    webDir: resolve(pick('web-dir', 'BANYAN_WEB_DIR') ?? join(projectRoot(), 'dist', 'web')),
    secureCookies: (pick('secure-cookies', 'BANYAN_SECURE_COOKIES') ?? 'false') === 'true',
    scrypt: { ...PRODUCTION_SCRYPT, logN },
    trustProxy,
    redisUrl,
    rateLimitPerMinute,
    signInLimitPerMinute,
    workers: true,
    consoleMotion: true,
    paymentSecret: pick('payment-secret', 'BANYAN_PAYMENT_SECRET') || undefined,
    sandboxPayments: sandboxText === 'true',
    smtpUrl,
    mailFrom: pick('mail-from', 'BANYAN_MAIL_FROM') || 'Banyan <no-reply@localhost>',
    publicUrl,
    publicUrlGiven: givenPublicUrl !== undefined,
    allowPrivateCallbacks,
    fileLimitBytes,
    fileQuotaBytes,
  };
}
