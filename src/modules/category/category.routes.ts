import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { NoContent } from '../../platform/http/schemas.ts';
import { command } from '../../platform/command.ts';
import { noContent } from '../../platform/http/replies.ts';
import { TAXONOMY } from './taxonomy.ts';
import { chooseCategory, externalProfile, getCategoryState, listCategoryOwners, listPendingReviews, mayChooseCategory, reviewCategory, setCategoryOwner, type ReviewInput } from './category.service.ts';
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

const read = { right: 'category.read', tx: 'read' } as const;
const taxonomy = command(read, async () => ({ items: [...TAXONOMY] }));
const state = command(read, async (ctx) => ({ ...(await getCategoryState(ctx.trx, ctx.corpId)), mayChoose: await mayChooseCategory(ctx) }));
const choose = command({ right: 'category.read', tx: 'plain' }, async (ctx, code: string) => ({ ...(await chooseCategory(ctx, code)), mayChoose: true }));
const owners = command(read, async (ctx) => ({ items: await listCategoryOwners(ctx.trx, ctx.corpId) }));
const setOwner = command({ right: 'category.owners', tx: 'plain' }, (ctx, input: { memberId: string; owner: boolean }) => setCategoryOwner(ctx, input.memberId, input.owner));
const profile = command(read, (ctx, memberId: string) => externalProfile(ctx.trx, ctx.corpId, memberId));
const pendingReviews = command({ right: 'operator.categories', tx: 'read' }, async (ctx) => ({ items: await listPendingReviews(ctx.trx, 200) }));
const review = command({ right: 'operator.categories', tx: 'plain' }, (ctx, input: ReviewInput) => reviewCategory(ctx, input));

export function categoryRoutes(_deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/category/taxonomy', { config: { auth: 'corp' }, schema: { tags: ['category'], summary: '经营类目适用范围: every category with its scope', response: { 200: TaxonomyDto } } }, (request) => request.run(taxonomy, undefined));

    app.get('/api/v1/category', { config: { auth: 'corp' }, schema: { tags: ['category'], summary: "The enterprise's business category and its review status", response: { 200: CategoryStateDto } } }, (request) => request.run(state, undefined));

    app.put(
      '/api/v1/category',
      { config: { auth: 'corp' }, schema: { tags: ['category'], summary: 'Choose or change the one business category (super admin or business owner)', body: ChooseCategoryBody, response: { 200: CategoryStateDto } } },
      (request) => request.run(choose, request.body.code),
    );

    app.get('/api/v1/category/owners', { config: { auth: 'corp' }, schema: { tags: ['category'], summary: 'Business owners (业务负责人)', response: { 200: OwnersDto } } }, (request) => request.run(owners, undefined));

    for (const [method, owner] of [['PUT', true], ['DELETE', false]] as const) {
      app.route({
        method,
        url: '/api/v1/category/owners/:memberId',
        config: { auth: 'corp' },
        schema: { tags: ['category'], summary: owner ? 'Designate a business owner' : 'Remove a business owner', params: OwnerParams, response: { 204: NoContent } },
        handler: async (request, reply) => noContent(reply, request.run(setOwner, { memberId: request.params.memberId, owner })),
      });
    }

    app.get(
      '/api/v1/category/external-profile/:memberId',
      { config: { auth: 'corp' }, schema: { tags: ['category'], summary: "A member's external profile as a customer sees it (企业未完善 while unset)", params: MemberParams, response: { 200: ExternalProfileDto } } },
      (request) => request.run(profile, request.params.memberId),
    );

    app.get('/api/v1/operator/category-reviews', { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'Business category choices waiting for review', response: { 200: PendingReviewsDto } } }, (request) =>
      request.runFor('', pendingReviews, undefined),
    );

    app.put(
      '/api/v1/operator/corps/:corpId/category-review',
      { config: { auth: 'operator' }, schema: { tags: ['operator'], summary: 'Approve or reject a business category choice', params: ReviewParams, body: ReviewBody, response: { 200: OperatorCategoryDto } } },
      (request) => request.runFor(request.params.corpId, review, request.body),
    );
  };
}
