import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { authorize, defineRights } from '../admin/authorizer.ts';
import { getOperator } from '../operator/operator.service.ts';
import { registerAutoDeductGate } from '../wallet/wallet.service.ts';
import { TAXONOMY } from './taxonomy.ts';
import {
  assertCategoryAllows,
  chooseCategory,
  externalProfile,
  getCategoryState,
  listCategoryOwners,
  listPendingReviews,
  mayChooseCategory,
  reviewCategory,
  setCategoryOwner,
} from './category.service.ts';
import {
  CategoryStateDto,
  ChooseCategoryBody,
  ExternalProfileDto,
  MemberParams,
  OperatorCategoryDto,
  OwnerParams,
  OwnersDto,
  PendingReviewsDto,
  ReviewBody,
  ReviewParams,
  TaxonomyDto,
} from './category.schema.ts';

defineRights({
  // Every member sees the category (seed: 企业的全部成员可…查看); choosing is checked in the service.
  'category.read': { member: true, token: { zh: '读取经营类目', en: 'Read the business category' } },
  'category.owners': {},
});

// Seed (什么是经营类目 四 5): switching the acquisition assistant's auto-deduction on needs the category.
registerAutoDeductGate((ctx) => assertCategoryAllows(ctx.trx, ctx.corpId, 'auto_deduct_on'));

export function categoryRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/category/taxonomy', { config: { auth: 'corp' }, schema: { tags: ['category'], summary: '经营类目适用范围: every category with its scope', response: { 200: TaxonomyDto } } }, async (request) => {
      await authorize(request.ctx(), 'category.read');
      return { items: [...TAXONOMY] };
    });

    app.get('/api/v1/category', { config: { auth: 'corp' }, schema: { tags: ['category'], summary: "The enterprise's business category and its review status", response: { 200: CategoryStateDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'category.read');
      return { ...(await getCategoryState(ctx.trx, ctx.corpId)), mayChoose: await mayChooseCategory(ctx.trx, ctx.corpId, ctx.actor) };
    });

    app.put(
      '/api/v1/category',
      { config: { auth: 'corp' }, schema: { tags: ['category'], summary: 'Choose or change the one business category (super admin or business owner)', body: ChooseCategoryBody, response: { 200: CategoryStateDto } } },
      async (request) =>
        deps.db.transaction().execute(async (trx) => {
          const ctx = request.ctx(trx);
          await authorize(ctx, 'category.read');
          return { ...(await chooseCategory(ctx, request.body.code)), mayChoose: true };
        }),
    );

    app.get('/api/v1/category/owners', { config: { auth: 'corp' }, schema: { tags: ['category'], summary: 'Business owners (业务负责人)', response: { 200: OwnersDto } } }, async (request) => {
      const ctx = request.ctx();
      await authorize(ctx, 'category.read');
      return { items: await listCategoryOwners(ctx.trx, ctx.corpId) };
    });

    for (const [method, owner] of [['PUT', true], ['DELETE', false]] as const) {
      app.route({
        method,
        url: '/api/v1/category/owners/:memberId',
        config: { auth: 'corp' },
        schema: { tags: ['category'], summary: owner ? 'Designate a business owner' : 'Remove a business owner', params: OwnerParams, response: { 204: NoContent } },
        handler: async (request, reply) => {
          await deps.db.transaction().execute(async (trx) => {
            const ctx = request.ctx(trx);
            await authorize(ctx, 'category.owners');
            await setCategoryOwner(ctx, request.params.memberId, owner);
          });
          return reply.status(204).send(null);
        },
      });
    }

    app.get(
      '/api/v1/category/external-profile/:memberId',
      { config: { auth: 'corp' }, schema: { tags: ['category'], summary: "A member's external profile as a customer sees it (企业未完善 while unset)", params: MemberParams, response: { 200: ExternalProfileDto } } },
      async (request) => {
        const ctx = request.ctx();
        await authorize(ctx, 'category.read');
        return externalProfile(ctx.trx, ctx.corpId, request.params.memberId);
      },
    );

    app.get('/api/v1/operator/category-reviews', { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'Business category choices waiting for review', response: { 200: PendingReviewsDto } } }, async () => ({
      items: await listPendingReviews(deps.db, 200),
    }));

    app.put(
      '/api/v1/operator/corps/:corpId/category-review',
      { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'Approve or reject a business category choice', params: ReviewParams, body: ReviewBody, response: { 200: OperatorCategoryDto } } },
      async (request) => {
        const operator = await getOperator(deps.db, request.session!.principalId);
        const actor = { kind: 'operator' as const, id: operator.id, name: operator.name };
        return deps.db.transaction().execute((trx) => reviewCategory(trx, request.now, actor, { corpId: request.params.corpId, ...request.body }, request.ip));
      },
    );
  };
}
