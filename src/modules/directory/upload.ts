import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { DomainError } from '../../platform/errors.ts';
import { DirectoryErrors } from './directory.errors.ts';
import type { ImportUpload } from './imports.jobs.ts';

/**
 * The largest contacts file an import takes: 20 MiB, about 250,000 members as CSV (a 100,000-member
 * file is about 8 MB), so a file within the row limit (200,000) always fits. The console says so
 * next to the file picker (web/src/features/contacts/api.ts has the same number).
 */
export const IMPORT_FILE_LIMIT = 20 * 1024 * 1024;
/** Room for the form around the file: boundaries, part headers, the kind and format fields. */
const FORM_OVERHEAD = 64 * 1024;

const tooLarge = () => new DomainError(DirectoryErrors['directory.import_too_large'], { limitBytes: IMPORT_FILE_LIMIT });
const malformed = () => new DomainError('request.invalid', { in: 'body', field: '/', reason: 'multipart' }, 'The body is not a valid multipart/form-data upload.');
const invalidField = (field: string, reason: string) => new DomainError('request.invalid', { in: 'body', field: `/${field}`, reason }, `body /${field}: ${reason}`);

/**
 * Refuses an upload whose declared length is already over the limit, before a byte of it is read
 * (a route `onRequest` hook: it runs before the caller is even looked up).
 */
export async function refuseOversizedUpload(request: FastifyRequest): Promise<void> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > IMPORT_FILE_LIMIT + FORM_OVERHEAD) throw tooLarge();
}

const KINDS = new Set(['members', 'departments']);
const FORMATS = new Set(['xlsx', 'csv']);

/**
 * Reads `kind`, `format` and `file` from a multipart/form-data upload as a stream: the file is
 * taken chunk by chunk and refused (`directory.import_too_large`) as soon as it passes the limit,
 * so a body without a Content-Length is never read whole either.
 */
export async function readImportUpload(request: FastifyRequest): Promise<ImportUpload> {
  if (!request.isMultipart()) throw new DomainError('request.unsupported_media_type', { accepted: ['multipart/form-data'] });
  const fields = new Map<string, string>();
  let content: Buffer | undefined;
  try {
    const parts = request.parts({ limits: { fileSize: IMPORT_FILE_LIMIT, files: 1, fields: 4, fieldSize: 1024, parts: 5 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname !== 'kind' && part.fieldname !== 'format') throw invalidField(part.fieldname, 'unknown_field');
        fields.set(part.fieldname, String(part.value));
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw invalidField(part.fieldname, 'unknown_field');
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      // busboy stops at the limit and marks the file cut short; the rest of the body is not kept.
      if (part.file.truncated) throw tooLarge();
      content = Buffer.concat(chunks);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw malformed();
  }
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
