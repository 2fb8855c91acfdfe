import type { paths as ServerPaths } from './schema.gen';

/**
 * The console's view of the generated API types (schema.gen.ts, from the server's route schemas):
 * every route under /api/v1, keyed without that prefix, as the console calls it.
 */
export type Paths = { [K in keyof ServerPaths as K extends `/api/v1${infer P}` ? P : never]: ServerPaths[K] };

export type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** The paths that answer `M`. */
export type PathsWith<M extends Method> = { [P in keyof Paths]: Paths[P] extends { [K in M]: object } ? P : never }[keyof Paths];

type Operation<P extends PathsWith<M>, M extends Method> = Paths[P][M];
type Json<T> = T extends { content: { 'application/json': infer J } } ? J : undefined;
type Success<R> = R[Extract<keyof R, 200 | 201 | 202 | 204>];

/** The JSON body a route answers with on success (`undefined` for 204). */
export type Reply<P extends PathsWith<M>, M extends Method = 'get'> = Json<Success<Operation<P, M> extends { responses: infer R } ? R : never>>;

/** The JSON body a route takes. */
export type Body<P extends PathsWith<M>, M extends Method> = Json<NonNullable<Operation<P, M> extends { requestBody?: infer B } ? B : never>>;

/** The query parameters a route takes. */
export type Query<P extends PathsWith<M>, M extends Method = 'get'> = NonNullable<Operation<P, M> extends { parameters: { query?: infer Q } } ? Q : never>;

/** An element of a list type (`Item<Reply<'/devices'>['items']>`). */
export type Item<L> = L extends readonly (infer T)[] ? T : never;
