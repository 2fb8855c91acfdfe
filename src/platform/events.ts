import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Ctx } from './context.ts';
import { newId } from './ids.ts';
import { enqueueEvent } from './outbox.ts';

/**
 * Typed events. A module declares what it announces in `<m>.events.ts` with `defineEvents` (a
 * TypeBox schema per type) and lists the catalogue in its manifest; other modules react through
 * subscribers listed in *their* manifests. Two kinds of subscriber:
 * - `inTransaction`: runs inside the publisher's transaction, before `publish` returns, so the
 *   reaction commits or rolls back with the change (a departed member's admin roles go with the
 *   departure; a paid order grants its item).
 * - `afterCommit`: runs from the outbox after the change committed, at least once and once per
 *   subscriber name (an inbox message, a webhook).
 */
export interface EventDef<T extends string = string, P = unknown> {
  readonly type: T;
  readonly schema: TSchema;
  readonly check: (value: unknown) => boolean;
  /** Carries the payload type only. */
  readonly payload?: P;
}

export type EventCatalog<S extends Record<string, TSchema>> = { readonly [K in Extract<keyof S, string>]: EventDef<K, Static<S[K]>> };

export function defineEvents<const S extends Record<string, TSchema>>(schemas: S): EventCatalog<S> {
  const catalog: Record<string, EventDef> = {};
  for (const [type, schema] of Object.entries(schemas)) {
    const validator = Compile(schema);
    catalog[type] = Object.freeze({ type, schema, check: (value: unknown) => validator.Check(value) });
  }
  return Object.freeze(catalog) as EventCatalog<S>;
}

export type PayloadOf<E> = E extends EventDef<string, infer P> ? P : never;

export interface EventMeta {
  eventId: string;
  createdAt: number;
}

export interface Subscriber {
  readonly event: EventDef;
  /** Unique across the server: the outbox keeps one receipt per (name, event). */
  readonly name: string;
  readonly phase: 'tx' | 'outbox';
  run(ctx: Ctx, payload: unknown, meta: EventMeta): Promise<void>;
}

export function inTransaction<P>(event: EventDef<string, P>, name: string, run: (ctx: Ctx, payload: P, meta: EventMeta) => Promise<void>): Subscriber {
  return { event, name, phase: 'tx', run: run as Subscriber['run'] };
}

export function afterCommit<P>(event: EventDef<string, P>, name: string, run: (ctx: Ctx, payload: P, meta: EventMeta) => Promise<void>): Subscriber {
  return { event, name, phase: 'outbox', run: run as Subscriber['run'] };
}

/**
 * Announces an event in the caller's transaction: in-transaction subscribers run now, and the event
 * is written to the outbox (when anyone listens after commit) so it exists exactly when the change
 * it reports does. A payload that does not match the declared schema is a bug and throws.
 */
export async function publish<P>(ctx: Ctx, event: EventDef<string, P>, payload: P): Promise<string> {
  const registry = ctx.registry;
  if (registry.events.get(event.type) !== event) throw new Error(`event ${event.type} is not declared by any module's manifest`);
  if (!event.check(payload)) throw new Error(`event ${event.type}: the payload does not match its schema`);
  const meta = { eventId: newId('evt', ctx.now), createdAt: ctx.now };
  for (const subscriber of registry.txSubscribers.get(event.type) ?? []) await subscriber.run(ctx, payload, meta);
  if (registry.outboxTypes.has(event.type)) await enqueueEvent(ctx, meta.eventId, event.type, payload);
  return meta.eventId;
}
