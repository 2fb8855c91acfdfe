import multipart from '@fastify/multipart';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest, FastifySchema, FastifySchemaCompiler } from 'fastify';
import { DomainError } from '../errors.ts';

/**
 * Uploads (multipart/form-data with named text fields and one file), shared by every route that
 * takes a file: the contacts import, the certification licence, migration materials.
 */

/**
 * An upload route's body is a multipart stream that `readUpload` reads and checks itself; its schema
 * is there for the OpenAPI document. Everything else (headers, params) is validated as usual.
 */
export const streamedBody: FastifySchemaCompiler<FastifySchema> = (route) =>
  route.httpPart === 'body' ? () => true : TypeBoxValidatorCompiler(route as Parameters<typeof TypeBoxValidatorCompiler>[0]);

/**
 * Makes `scope` a scope of upload routes only: it takes multipart/form-data and nothing else (a JSON
 * body there is a 415, as a multipart body is on every other route).
 */
export async function uploadScope(scope: FastifyInstance, fileLimit: number): Promise<void> {
  scope.removeContentTypeParser('application/json');
  await scope.register(multipart, { limits: { fileSize: fileLimit } });
}

/** Room for the form around the file: boundaries, part headers, the text fields. */
const FORM_OVERHEAD = 64 * 1024;

export interface UploadLimits {
  /** The largest file taken, in bytes. */
  fileLimit: number;
  /** The text fields the form may carry (any other is refused). */
  fields: readonly string[];
  /** The refusal of a file over the limit (each route names its own). */
  tooLarge: () => DomainError;
}

export interface Upload {
  fields: Map<string, string>;
  content: Buffer | undefined;
  filename: string | undefined;
}

const malformed = () => new DomainError('request.invalid', { in: 'body', field: '/', reason: 'multipart' }, 'The body is not a valid multipart/form-data upload.');
export const invalidField = (field: string, reason: string) => new DomainError('request.invalid', { in: 'body', field: `/${field}`, reason }, `body /${field}: ${reason}`);

/**
 * Refuses an upload whose declared length is already over the limit, before a byte of it is read
 * (for a route `onRequest` hook: it runs before the caller is even looked up).
 */
export function refuseDeclaredOver(limits: Pick<UploadLimits, 'fileLimit' | 'tooLarge'>): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.fileLimit + FORM_OVERHEAD) throw limits.tooLarge();
  };
}

/**
 * Reads the text fields and the one `file` part of a multipart/form-data upload as a stream: the
 * file is taken chunk by chunk and refused as soon as it passes the limit, so a body without a
 * Content-Length is never read whole either.
 */
export async function readUpload(request: FastifyRequest, limits: UploadLimits): Promise<Upload> {
  if (!request.isMultipart()) throw new DomainError('request.unsupported_media_type', { accepted: ['multipart/form-data'] });
  const allowed = new Set(limits.fields);
  const fields = new Map<string, string>();
  let content: Buffer | undefined;
  let filename: string | undefined;
  try {
    const parts = request.parts({ limits: { fileSize: limits.fileLimit, files: 1, fields: allowed.size + 2, fieldSize: 1024, parts: allowed.size + 3 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (!allowed.has(part.fieldname)) throw invalidField(part.fieldname, 'unknown_field');
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
      if (part.file.truncated) throw limits.tooLarge();
      content = Buffer.concat(chunks);
      filename = part.filename;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw limits.tooLarge();
    throw malformed();
  }
  return { fields, content, filename };
}
