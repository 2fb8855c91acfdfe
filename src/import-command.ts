import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { ConfigError, type Config } from './config.ts';
import { systemClock } from './platform/clock.ts';
import { systemActor } from './platform/context.ts';
import { DomainError } from './platform/errors.ts';
import { buildRegistry } from './platform/module.ts';
import { openMigratedDatabase } from './server.ts';
import { manifests } from './modules/index.ts';
import { getCorp, listCorps } from './modules/corp/index.ts';
import { importRows, readSheet, type ImportKind, type RowError } from './modules/directory/index.ts';

export const IMPORT_USAGE = '  import members|departments FILE [--corp ID]   import an .xlsx or .csv file into an enterprise\'s contacts';

function bar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round((done / Math.max(total, 1)) * 100)}%`;
}

/**
 * `banyan import members people.xlsx [--corp corp_…]`: the same validation and all-or-nothing write
 * as the console's import, run by the operator of the server (every department is in scope), with a
 * progress bar. Without --corp the database must hold exactly one enterprise.
 */
export async function importCommand(config: Config, args: string[], flags: Record<string, string>): Promise<void> {
  const [kind, file] = args;
  if ((kind !== 'members' && kind !== 'departments') || !file) throw new ConfigError('Usage: banyan import members|departments FILE [--corp ID]');
  const format = extname(file).toLowerCase() === '.csv' ? 'csv' : extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : undefined;
  if (!format) throw new ConfigError('The file must end in .xlsx or .csv.');
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    throw new ConfigError(`The file ${file} cannot be read.`);
  }
  const database = await openMigratedDatabase(config);
  try {
    const db = database.db;
    const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
    const base = { actor: systemActor, now: systemClock.now(), log, registry: buildRegistry(manifests) };
    let corpId = flags.corp;
    if (!corpId) {
      const corps = await listCorps({ ...base, corpId: '', trx: db }, { limit: 2 });
      if (corps.items.length !== 1) throw new ConfigError('Name the enterprise with --corp ID (the database holds more or fewer than one).');
      corpId = corps.items[0]!.id;
    } else {
      await getCorp(db, corpId).catch((error: unknown) => {
        throw error instanceof DomainError ? new ConfigError(`There is no enterprise ${corpId}.`) : error;
      });
    }
    const rows = await readSheet(content, format);
    const tty = process.stderr.isTTY;
    let lastPercent = -1;
    const outcome = await importRows(db, (run) => db.transaction().execute(run), { ...base, corpId }, { kind: 'all' }, kind as ImportKind, rows, (done, total, phase) => {
      const percent = Math.round((done / Math.max(total, 1)) * 100);
      if (percent === lastPercent) return;
      lastPercent = percent;
      const label = phase === 'write' ? 'writing   ' : 'validating';
      if (tty) process.stderr.write(`\r${label} ${bar(done, total)}`);
      else if (percent % 10 === 0) process.stderr.write(`${label} ${percent}%\n`);
    });
    if (tty) process.stderr.write('\n');
    if (!outcome.ok) {
      const lines = outcome.errors.map((e: RowError) => `  row ${e.row}, ${e.field}: ${e.reason}`);
      process.stderr.write(`Nothing was imported; ${outcome.errors.length} problem(s) in the file:\n${lines.join('\n')}\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`Imported ${outcome.created} ${kind}.\n`);
  } finally {
    await database.close();
  }
}
