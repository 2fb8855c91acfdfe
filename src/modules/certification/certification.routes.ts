import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { command } from '../../platform/command.ts';
import type { Deps } from '../../platform/deps.ts';
import { DomainError } from '../../platform/errors.ts';
import { invalidField, readUpload, refuseDeclaredOver, streamedBody, uploadScope } from '../../platform/http/upload.ts';
import { CertificationErrors } from './certification.errors.ts';
import {
  ApplicationBody,
  ApplicationDto,
  CertificationStateDto,
  FileParams,
  OperatorFileParams,
  PendingApplicationsDto,
  PendingQuery,
  QuoteDto,
  ReviewBody,
  ReviewParams,
  ScanDto,
  ScanForm,
} from './certification.schema.ts';
import { certificationState, listPendingApplications, quoteApplication, reviewApplication, submitApplication, type ApplicationInput, type ReviewInput } from './certification.service.ts';
import { SCAN_LIMIT, addScan, fileStore, readScan, type ScanView } from './files.ts';

const tags = ['certification'];
const corp = { auth: 'corp' } as const;
const operator = { auth: 'operator' } as const;

const scanLimits = { fileLimit: SCAN_LIMIT, fields: [], tooLarge: () => new DomainError(CertificationErrors['certification.file_too_large'], { limitBytes: SCAN_LIMIT }) };

function sendScan(reply: FastifyReply, scan: { view: ScanView; content: Buffer }) {
  reply.header('content-disposition', `attachment; filename="${scan.view.id.slice(0, 12)}"; filename*=UTF-8''${encodeURIComponent(scan.view.name)}`);
  return reply.type(scan.view.mime).send(scan.content);
}

/** 企业认证: the enterprise's state and application, its scans, and the operator's review. */
export function certificationRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const store = fileStore(deps.config.dataDir);
  const state = command({ right: 'certification.read', tx: 'read' }, (ctx) => certificationState(ctx));
  const quote = command({ right: 'certification.apply', tx: 'read' }, (ctx) => quoteApplication(ctx.trx, ctx.corpId));
  const submit = command({ right: 'certification.apply', tx: 'plain' }, (ctx, input: ApplicationInput) => submitApplication(ctx, input));
  const upload = command({ right: 'certification.apply', tx: 'plain' }, (ctx, file: { content: Buffer; filename: string }) => addScan(ctx, store, file));
  const download = command({ right: 'certification.apply', tx: 'read' }, (ctx, id: string) => readScan(ctx, store, id));
  const pending = command({ right: 'operator.certification', tx: 'read' }, (ctx, query: { cursor?: string | undefined; limit?: number | undefined }) => listPendingApplications(ctx.trx, { cursor: query.cursor, limit: query.limit ?? 50 }));
  const review = command({ right: 'operator.certification', tx: 'plain' }, (ctx, input: ReviewInput) => reviewApplication(ctx, input));
  const operatorDownload = command({ right: 'operator.certification', tx: 'read' }, (ctx, id: string) => readScan(ctx, store, id));

  return async (app) => {
    app.get('/api/v1/certification', { config: corp, schema: { tags, summary: 'Whether the enterprise is certified, until when, and its latest application', response: { 200: CertificationStateDto } } }, (request) =>
      request.run(state, undefined),
    );
    app.get('/api/v1/certification/quote', { config: corp, schema: { tags, summary: 'What submitting an application charges now (the review fee)', response: { 200: QuoteDto } } }, (request) =>
      request.run(quote, undefined),
    );
    app.post(
      '/api/v1/certification/applications',
      { config: corp, schema: { tags, summary: 'Submit an application, paying the quoted fee with the balance', body: ApplicationBody, response: { 201: ApplicationDto } } },
      async (request, reply) => reply.status(201).send(await request.run(submit, request.body)),
    );
    app.get('/api/v1/certification/files/:id', { config: corp, schema: { tags, summary: 'Download a scan the enterprise uploaded', params: FileParams } }, async (request, reply) =>
      sendScan(reply, await request.run(download, request.params.id)),
    );

    await app.register(async (uploads) => {
      await uploadScope(uploads, SCAN_LIMIT);
      uploads.post(
        '/api/v1/certification/files',
        {
          config: corp,
          onRequest: refuseDeclaredOver(scanLimits),
          validatorCompiler: streamedBody,
          schema: {
            tags,
            summary: 'Upload a scan (multipart/form-data: file; JPEG, PNG or PDF, at most 5 MiB); its id is its SHA-256',
            body: { content: { 'multipart/form-data': { schema: ScanForm } } } as unknown as typeof ScanForm,
            response: { 201: ScanDto },
          },
        },
        async (request, reply) => {
          const { content, filename } = await readUpload(request, scanLimits);
          if (content === undefined) throw invalidField('file', 'required');
          if (content.length === 0) throw invalidField('file', 'minLength');
          return reply.status(201).send(await request.run(upload, { content, filename: filename ?? '' }));
        },
      );
    });

    app.get('/api/v1/operator/certification-applications', { config: operator, schema: { tags: ['operator'], summary: 'Certification applications waiting for review, oldest first, a page at a time', querystring: PendingQuery, response: { 200: PendingApplicationsDto } } }, (request) =>
      request.runFor('', pending, request.query),
    );
    app.post(
      '/api/v1/operator/corps/:corpId/certification-applications/:id/review',
      { config: operator, schema: { tags: ['operator'], summary: 'Approve an application with a validity, or reject it with a reason', params: ReviewParams, body: ReviewBody, response: { 200: ApplicationDto } } },
      (request) =>
        request.runFor(
          request.params.corpId,
          review,
          request.body.decision === 'approve'
            ? { applicationId: request.params.id, decision: 'approve', validUntil: Date.parse(request.body.validUntil) }
            : { applicationId: request.params.id, decision: 'reject', reason: request.body.reason },
        ),
    );
    app.get('/api/v1/operator/corps/:corpId/certification/files/:id', { config: operator, schema: { tags: ['operator'], summary: "Download a scan of an enterprise's application", params: OperatorFileParams } }, async (request, reply) =>
      sendScan(reply, await request.runFor(request.params.corpId, operatorDownload, request.params.id)),
    );
  };
}
