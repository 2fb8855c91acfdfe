import type { Actor, Ctx, ReadCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import type { ExportMarker } from '../../platform/export-marks.ts';
import { DomainError } from '../../platform/errors.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { toIso } from '../../platform/clock.ts';
import { getMember, membersByIds } from '../directory/index.ts';
import { readPolicy, savePolicy, securityActiveUntil } from './policies.service.ts';
import { SecurityErrors } from './security.errors.ts';
import { WATERMARK_SURFACES, type WatermarkPolicy, type WatermarkSurface } from './security.schema.ts';
import { watermarkText } from './watermark.ts';
import { decodeMarks, encodeMark } from './hidden-mark.ts';

/** 自定义信息（仅适用于文档）: custom text is a docs segment only, and chosen only with some text. */
export async function saveWatermarkPolicy(ctx: Ctx, input: WatermarkPolicy): Promise<WatermarkPolicy> {
  for (const surface of WATERMARK_SURFACES) {
    if (surface !== 'docs' && input[surface].content.includes('custom')) throw new DomainError(SecurityErrors['security.custom_text_docs_only'], { field: `/${surface}/content`, surface });
  }
  const customText = input.customText.trim();
  if (input.docs.content.includes('custom') && customText === '') throw new DomainError(SecurityErrors['security.custom_text_missing'], { field: '/customText' });
  return savePolicy(ctx, 'watermark', { ...input, customText });
}

/**
 * The watermarks the signed-in member's pages of a surface carry: the visible text and the hidden
 * mark (暗水印); neither once the purchase has lapsed.
 */
export async function myWatermark(ctx: ReadCtx, surface: WatermarkSurface): Promise<{ enabled: boolean; text: string; hiddenMark: string }> {
  const actor = requireMember(ctx);
  const off = { enabled: false, text: '', hiddenMark: '' };
  if ((await securityActiveUntil(ctx.trx, ctx.corpId)) <= ctx.now) return off;
  const policy = await readPolicy(ctx.trx, ctx.corpId, 'watermark');
  const mark = policy[surface];
  const hiddenMark = mark.hidden ? encodeMark(actor.id, ctx.now) : '';
  const member = mark.enabled && mark.content.length > 0 ? await getMember(ctx.trx, ctx.corpId, actor.id) : undefined;
  const text = member ? watermarkText(member, mark.content, surface === 'docs' ? policy.customText : '', ctx.now) : '';
  return { enabled: text !== '', text, hiddenMark };
}

/** The members and minutes hidden in a text; marks naming no member of this enterprise are left out. */
export async function decodeHiddenMarks(ctx: ReadCtx, text: string): Promise<{ marks: { memberId: string; memberName: string; markedAt: string }[] }> {
  const found = decodeMarks(text);
  const members = await membersByIds(ctx.trx, ctx.corpId, found.map((m) => m.memberId));
  return { marks: found.filter((m) => members.has(m.memberId)).map((m) => ({ memberId: m.memberId, memberName: members.get(m.memberId)!.name, markedAt: toIso(m.at) })) };
}

/**
 * 暗水印 in exported files: while the purchase is in force and the surface's hidden watermark is on,
 * a member's export carries the zero-width mark of the member and minute in its text cells.
 */
async function markExport(db: Executor, corpId: string, actor: Actor, now: number, surface: string): Promise<string> {
  if (actor.kind !== 'member' || !(WATERMARK_SURFACES as readonly string[]).includes(surface)) return '';
  if ((await securityActiveUntil(db, corpId)) <= now) return '';
  const policy = await readPolicy(db, corpId, 'watermark');
  return policy[surface as WatermarkSurface].hidden ? encodeMark(actor.id, now) : '';
}

export const hiddenExportMarker: ExportMarker = { name: 'security.hidden_watermark', mark: markExport };
