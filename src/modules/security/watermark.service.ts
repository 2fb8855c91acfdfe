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
import { decodeMarks, encodeMark, type HiddenMark } from './hidden-mark.ts';
import { embedImageMark } from './hidden-image.ts';

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

export interface DecodedMark {
  memberId: string;
  memberName: string;
  userid: string;
  markedAt: string;
}

/** Marks naming no member of this enterprise are left out. */
async function present(ctx: ReadCtx, found: readonly HiddenMark[]): Promise<{ marks: DecodedMark[] }> {
  const members = await membersByIds(ctx.trx, ctx.corpId, found.map((m) => m.memberId));
  return {
    marks: found.flatMap((m) => {
      const member = members.get(m.memberId);
      return member ? [{ memberId: m.memberId, memberName: member.name, userid: member.userid, markedAt: toIso(m.at) }] : [];
    }),
  };
}

/** The members and minutes hidden in a text. */
export function decodeHiddenMarks(ctx: ReadCtx, text: string): Promise<{ marks: DecodedMark[] }> {
  return present(ctx, decodeMarks(text));
}

/** The member and minute read from an image's pixels (readImageMark), if the image had a whole mark. */
export function imageMarkFound(ctx: ReadCtx, found: HiddenMark | undefined): Promise<{ marks: DecodedMark[] }> {
  return present(ctx, found ? [found] : []);
}

/**
 * 暗水印 in exported files and served images: while the purchase is in force, a member's export of
 * a surface whose hidden watermark is on carries the member and minute; an export of no surface
 * (`any`: audit log, attendance summary, fund ledger) carries it while any surface's is on.
 */
async function marked(db: Executor, corpId: string, actor: Actor, now: number, surface: string): Promise<boolean> {
  if (actor.kind !== 'member') return false;
  if (surface !== 'any' && !(WATERMARK_SURFACES as readonly string[]).includes(surface)) return false;
  if ((await securityActiveUntil(db, corpId)) <= now) return false;
  const policy = await readPolicy(db, corpId, 'watermark');
  return surface === 'any' ? WATERMARK_SURFACES.some((s) => policy[s].hidden === true) : policy[surface as WatermarkSurface].hidden === true;
}

export const hiddenExportMarker: ExportMarker = {
  name: 'security.hidden_watermark',
  mark: async (db, corpId, actor, now, surface) => ((await marked(db, corpId, actor, now, surface)) ? encodeMark(actor.id, now) : ''),
  markImage: async (db, corpId, actor, now, surface, load) => ((await marked(db, corpId, actor, now, surface)) ? embedImageMark(await load(), actor.id, now) : undefined),
};
