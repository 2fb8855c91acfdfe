import type { FastifyRequest } from 'fastify';
import { invalidField, readUpload, refuseDeclaredOver } from '../../platform/http/upload.ts';
import { DomainError } from '../../platform/errors.ts';
import { DirectoryErrors } from './directory.errors.ts';
import type { ImportUpload } from './imports.jobs.ts';

/**
 * The largest contacts file an import takes: 20 MiB, about 250,000 members as CSV (a 100,000-member
 * file is about 8 MB), so a file within the row limit (200,000) always fits. The console says so
 * next to the file picker (web/src/features/contacts/api.ts has the same number).
 */
export const IMPORT_FILE_LIMIT = 20 * 1024 * 1024;

const limits = {
  fileLimit: IMPORT_FILE_LIMIT,
  fields: ['kind', 'format'],
  tooLarge: () => new DomainError(DirectoryErrors['directory.import_too_large'], { limitBytes: IMPORT_FILE_LIMIT }),
};

/** Refuses an upload whose declared length is already over the limit, before a byte of it is read. */
export const refuseOversizedUpload = refuseDeclaredOver(limits);

const KINDS = new Set(['members', 'departments']);
const FORMATS = new Set(['xlsx', 'csv']);

/** Reads `kind`, `format` and `file` from a multipart/form-data upload (refused past the limit as it streams). */
export async function readImportUpload(request: FastifyRequest): Promise<ImportUpload> {
  const { fields, content } = await readUpload(request, limits);
  const kind = fields.get('kind');
  const format = fields.get('format');
  if (kind === undefined) throw invalidField('kind', 'required');
  if (!KINDS.has(kind)) throw invalidField('kind', 'enum');
  if (format === undefined) throw invalidField('format', 'required');
  if (!FORMATS.has(format)) throw invalidField('format', 'enum');
  if (content === undefined) throw invalidField('file', 'required');
  if (content.length === 0) throw invalidField('file', 'minLength');
  return { kind: kind as ImportUpload['kind'], format: format as ImportUpload['format'], content };
}
