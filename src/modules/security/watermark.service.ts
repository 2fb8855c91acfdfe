import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { getMember } from '../directory/index.ts';
import { readPolicy, savePolicy, securityActiveUntil } from './policies.service.ts';
import { SecurityErrors } from './security.errors.ts';
import { WATERMARK_SURFACES, type WatermarkPolicy, type WatermarkSurface } from './security.schema.ts';
import { watermarkText } from './watermark.ts';

/** 自定义信息（仅适用于文档）: custom text is a docs segment only, and chosen only with some text. */
export async function saveWatermarkPolicy(ctx: Ctx, input: WatermarkPolicy): Promise<WatermarkPolicy> {
  for (const surface of WATERMARK_SURFACES) {
    if (surface !== 'docs' && input[surface].content.includes('custom')) throw new DomainError(SecurityErrors['security.custom_text_docs_only'], { field: `/${surface}/content`, surface });
  }
  const customText = input.customText.trim();
  if (input.docs.content.includes('custom') && customText === '') throw new DomainError(SecurityErrors['security.custom_text_missing'], { field: '/customText' });
  return savePolicy(ctx, 'watermark', { ...input, customText });
}

/** The watermark the signed-in member's pages of a surface draw; none once the purchase lapsed. */
export async function myWatermark(ctx: ReadCtx, surface: WatermarkSurface): Promise<{ enabled: boolean; text: string }> {
  const actor = requireMember(ctx);
  const off = { enabled: false, text: '' };
  if ((await securityActiveUntil(ctx.trx, ctx.corpId)) <= ctx.now) return off;
  const policy = await readPolicy(ctx.trx, ctx.corpId, 'watermark');
  const mark = policy[surface];
  if (!mark.enabled || mark.content.length === 0) return off;
  const member = await getMember(ctx.trx, ctx.corpId, actor.id);
  if (!member) return off;
  const text = watermarkText(member, mark.content, surface === 'docs' ? policy.customText : '', ctx.now);
  return { enabled: text !== '', text };
}
