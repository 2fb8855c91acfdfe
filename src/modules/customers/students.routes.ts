import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { command } from '../../platform/command.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { created, noContent } from '../../platform/http/replies.ts';
import { CustomerParams } from './customers.schema.ts';
import { CustomerProfileDto, NewParentBody, ParentDto, ParentParams } from './students.schema.ts';
import { addParent, customerProfile, removeParent } from './students.service.ts';

const profile = command({ right: 'customers.contact', tx: 'read' }, (ctx, customerId: string) => customerProfile(ctx, customerId));
const linkParent = command({ right: 'customers.contact', tx: 'plain' }, (ctx, input: { customerId: string; parent: Parameters<typeof addParent>[2] }) => addParent(ctx, input.customerId, input.parent));
const unlinkParent = command({ right: 'customers.contact', tx: 'plain' }, (ctx, input: { customerId: string; parentId: string }) => removeParent(ctx, input.customerId, input.parentId));

/** 学员 profiles and their parents (education edition); registered by the customers routes. */
export const studentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['customers'];
  app.get('/api/v1/customers/friends/:customerId', { config: { auth: 'corp' }, schema: { tags, summary: "One of the signed-in member's customers (学员), with its parents", params: CustomerParams, response: { 200: CustomerProfileDto } } }, (request) =>
    request.run(profile, request.params.customerId),
  );
  app.post('/api/v1/customers/friends/:customerId/parents', { config: { auth: 'corp' }, schema: { tags, summary: 'Link a parent (家长) to a student', params: CustomerParams, body: NewParentBody, response: { 201: ParentDto } } }, async (request, reply) =>
    created(reply, request.run(linkParent, { customerId: request.params.customerId, parent: request.body })),
  );
  app.delete('/api/v1/customers/friends/:customerId/parents/:parentId', { config: { auth: 'corp' }, schema: { tags, summary: 'Unlink a parent from a student', params: ParentParams, response: { 204: NoContent } } }, async (request, reply) =>
    noContent(reply, request.run(unlinkParent, request.params)),
  );
};
