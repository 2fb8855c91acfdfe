import type { FastifyReply } from 'fastify';

/** Answers 204 once the work is done: `(request, reply) => noContent(reply, request.run(command, input))`. */
export async function noContent<R extends FastifyReply>(reply: R, work: Promise<unknown>): Promise<R> {
  await work;
  return reply.status(204).send(null) as R;
}

/** Answers 201 with what the work made. */
export async function created<R extends FastifyReply>(reply: R, work: Promise<unknown>): Promise<R> {
  return reply.status(201).send(await work) as R;
}
