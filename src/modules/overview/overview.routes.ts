import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { command } from '../../platform/command.ts';
import { NullableIsoDateTime } from '../../platform/http/schemas.ts';
import { overview } from './overview.service.ts';

const Count = Type.Integer({ minimum: 0 });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const OverviewDto = Type.Object({
  members: Type.Object({ activated: Count, notActivated: Count }),
  departments: Count,
  wallet: Type.Union([Type.Object({ balanceFen: Type.Integer(), alert: Type.Object({ enabled: Type.Boolean(), thresholdFen: Type.Integer(), below: Type.Boolean() }) }), Type.Null()]),
  approvals: Type.Object({ running: Count, todoForMe: Count }),
  customers: Type.Union([Type.Object({ served: Count, limit: Count }), Type.Null()]),
  category: Type.Object({
    status: Type.Union([Type.Literal('unset'), Type.Literal('review'), Type.Literal('approved'), Type.Literal('rejected')]),
    entry: Type.Union([Type.Object({ code: Type.String(), level1: Type.String(), level2: NullableString, scope: Type.String(), en: Type.Object({ level1: Type.String(), level2: NullableString, scope: Type.String() }) }), Type.Null()]),
  }),
  certification: Type.Object({ certified: Type.Boolean(), until: NullableIsoDateTime }),
});

const read = command({ right: 'overview.read', tx: 'read' }, (ctx) => overview(ctx));

export function overviewRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/overview', { config: { auth: 'corp' }, schema: { tags: ['overview'], summary: '首页: the enterprise at a glance', response: { 200: OverviewDto } } }, (request) => request.run(read, undefined));
  };
}
