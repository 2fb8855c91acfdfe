import type { Actor } from './context.ts';
import type { Executor } from './db/tables.ts';
import type { Registry } from './module.ts';

/**
 * A module's mark on the files others export or serve (security's 暗水印: zero-width characters
 * naming the member and minute, or the same hidden in an image's pixels), declared in its manifest
 * (`exportMarkers`): a module listed before security (directory's contacts export) asks the
 * registry and never imports security. `surface` is the watermark surface the data belongs to
 * (chat, contacts, mail, docs, drive), or `any` for the back office's own exports (audit log,
 * attendance summary, fund ledger), which belong to none.
 */
export interface ExportMarker {
  name: string;
  /** The text to put in the export's text cells for this actor on this surface; '' for none. */
  mark(db: Executor, corpId: string, actor: Actor, now: number, surface: string): Promise<string>;
  /** The image (`load`ed only when a mark applies) with this actor's mark in its pixels, in its own format (JPEG or PNG); undefined when none applies. */
  markImage(db: Executor, corpId: string, actor: Actor, now: number, surface: string, load: () => Promise<Buffer>): Promise<Buffer | undefined>;
}

/** Every marker's mark for one export, joined ('' when none applies). */
export async function exportMark(registry: Registry, db: Executor, corpId: string, actor: Actor, now: number, surface: string): Promise<string> {
  let mark = '';
  for (const marker of registry.exportMarkers) mark += await marker.mark(db, corpId, actor, now, surface);
  return mark;
}

/** The image as every marker marks it, or undefined when none does (then serve the original, never read here). */
export async function imageMark(registry: Registry, db: Executor, corpId: string, actor: Actor, now: number, surface: string, load: () => Promise<Buffer>): Promise<Buffer | undefined> {
  let marked: Buffer | undefined;
  for (const marker of registry.exportMarkers) {
    const before = marked;
    marked = (await marker.markImage(db, corpId, actor, now, surface, before ? async () => before : load)) ?? before;
  }
  return marked;
}

/**
 * A row of an export with the mark after its first text cell (unchanged when the mark is '' or
 * no cell is text): a row copied out of the file on its own still names who exported it.
 */
export function markRow(cells: readonly unknown[], mark: string): unknown[] {
  const at = mark === '' ? -1 : cells.findIndex((c) => typeof c === 'string');
  return at < 0 ? [...cells] : cells.map((c, i) => (i === at ? `${c as string}${mark}` : c));
}

/** The characters marks are written in (U+2060, U+200B, U+200C): an importer reading an export back drops them. */
export const stripMarks = (text: string): string => text.replace(/[\u2060\u200b\u200c]/g, '');
