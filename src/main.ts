import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadConfig, parseArgs, ConfigError, type Config } from './config.ts';
import { StorageConfigError, redactUrl } from './platform/db/database.ts';
import { DomainError } from './platform/errors.ts';
import { systemClock } from './platform/clock.ts';
import { openMigratedDatabase, startServer } from './server.ts';
import { createOperator } from './modules/operator/index.ts';
import { fillDemo } from './demo.ts';
import { IMPORT_USAGE, importCommand } from './import-command.ts';
import { projectRoot } from './platform/paths.ts';
import { citusSql } from './platform/db/citus.ts';
import { manifests } from './modules/index.ts';

const USAGE = `Usage: banyan <command> [flags]

Commands:
  serve              migrate the database, build the console if needed, and serve it (default)
  migrate            apply pending database migrations and exit
  demo               fill a realistic demo enterprise and print how to sign in
  operator create    create a platform-operator account (--login, --name, --password or prompt)
  citus-sql          print the statements that distribute the schema on Citus (docs/operations.md)
${IMPORT_USAGE}

Flags (or environment variables):
  --port N           PORT (default 8080)
  --host H           HOST (default 0.0.0.0)
  --data-dir DIR     BANYAN_DATA_DIR (default ./data): where the SQLite database lives
  --database-url URL DATABASE_URL: postgres://… to use PostgreSQL instead of SQLite
  --db-pool N        BANYAN_DB_POOL (default 10): PostgreSQL connections of this process
  --trust-proxy X    BANYAN_TRUST_PROXY (default false): proxy hops or addresses whose X-Forwarded-For to believe
  --redis-url URL    BANYAN_REDIS_URL: redis://… for rate-limit counters shared by every process
  --log-level L      LOG_LEVEL (default info)
  --smtp-url URL     BANYAN_SMTP_URL: smtp://user:pass@host:587 to e-mail invitations and password resets
                     (unset: the console shows the link to pass on)
  --mail-from ADDR   BANYAN_MAIL_FROM (default "Banyan <no-reply@localhost>")
  --public-url URL   BANYAN_PUBLIC_URL (default http://localhost:PORT): the address in e-mailed links
  --file-limit-mb N  BANYAN_FILE_LIMIT_MB (default 20): the largest file a member may upload
  --file-quota-mb N  BANYAN_FILE_QUOTA_MB (default 2048): each member's ordinary files in all (confidential ones: no quota)
  --sandbox-payments BANYAN_SANDBOX_PAYMENTS (default false): let every enterprise "pay" online top-ups
                     in the payment sandbox, which credits balance nobody paid (the demo enterprise has it anyway)
`;

function where(config: Config): string {
  return config.databaseUrl ? `PostgreSQL ${redactUrl(config.databaseUrl)}` : `SQLite ${join(config.dataDir, 'banyan.db')}`;
}

async function buildConsoleIfMissing(config: Config): Promise<void> {
  if (existsSync(join(config.webDir, 'index.html'))) return;
  process.stdout.write('Building the console (first start only)…\n');
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot(), 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir: config.webDir, emptyOutDir: true } });
}

async function serve(config: Config): Promise<void> {
  await buildConsoleIfMissing(config);
  const started = performance.now();
  const server = await startServer(config);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `\nBanyan is ready at ${server.url} (${where(config)}, ready in ${ms} ms)\n` +
      `  Sign in: open ${server.url}/ and register an enterprise, or run \`npx banyan demo\` for a filled one.\n` +
      `  Operator console: ${server.url}/operator (create an operator with \`npx banyan operator create\`).\n` +
      `  API reference: ${server.url}/api/docs\n` +
      (config.sandboxPayments ? '  Sandbox payments are ON for every enterprise: online top-ups can be "paid" without money (--sandbox-payments).\n' : '') +
      '\n',
  );
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

async function operatorCreate(config: Config, flags: Record<string, string>): Promise<void> {
  const loginName = flags.login ?? (await ask('Operator login name: '));
  const name = flags.name ?? loginName;
  const password = flags.password ?? (await ask('Password (at least 8 characters): '));
  if (!/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/.test(loginName)) throw new ConfigError('The login name must start with a letter and have 3 to 32 letters, digits, _ . or -.');
  if (password.length < 8) throw new ConfigError('The password must have at least 8 characters.');
  const database = await openMigratedDatabase(config);
  try {
    const operator = await createOperator(database.db, systemClock.now(), config.scrypt, { loginName, name, password });
    process.stdout.write(`Operator ${operator.loginName} created. Sign in at /operator/login.\n`);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { words, flags } = parseArgs(argv);
  const command = words.join(' ') || 'serve';
  if (flags.help === 'true' || command === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  // From the manifests alone: no database is opened.
  if (command === 'citus-sql') {
    process.stdout.write(citusSql(manifests));
    return;
  }
  const config = loadConfig(flags);
  if (words[0] === 'import') return importCommand(config, words.slice(1), flags);
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const database = await openMigratedDatabase(config);
      await database.close();
      process.stdout.write(`Migrations applied on ${where(config)}.\n`);
      return;
    }
    case 'demo':
      process.stdout.write(await fillDemo(config));
      return;
    case 'operator create':
      return operatorCreate(config, flags);
    default:
      throw new ConfigError(`Unknown command "${command}". Run \`banyan help\` for the list.`);
  }
}

/** Expected failures end with one sentence and exit code 1; only real bugs print a stack. */
function explain(error: unknown): string | undefined {
  if (error instanceof ConfigError || error instanceof StorageConfigError) return error.message;
  if (error instanceof DomainError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `The port is already in use: ${(error as Error).message.replace(/^.*address already in use /, '')}. Stop the other server or choose --port.`;
  if (code === 'EACCES') return `Permission denied: ${(error as Error).message}.`;
  return undefined;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const sentence = explain(error);
  if (sentence) process.stderr.write(`banyan: ${sentence}\n`);
  else console.error(error);
  process.exit(1);
});
