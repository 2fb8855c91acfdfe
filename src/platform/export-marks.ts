import type { Actor } from './context.ts';
import type { Executor } from './db/tables.ts';
import type { Registry } from './module.ts';

/**
 * A module's mark on the files others export (security's 暗水印: zero-width characters naming the
 * member and minute), declared in its manifest (`exportMarkers`): a module listed before security
 * (directory's contacts export) asks the registry and never imports security.
 */
export interface ExportMarker {
  name: string;
  /** The text to put in the export's text cells for this actor on this surface; '' for none. */
  mark(db: Executor, corpId: string, actor: Actor, now: number, surface: string): Promise<string>;
}

/** Every marker's mark for one export, joined ('' when none applies). */
export async function exportMark(registry: Registry, db: Executor, corpId: string, actor: Actor, now: number, surface: string): Promise<string> {
  let mark = '';
  for (const marker of registry.exportMarkers) mark += await marker.mark(db, corpId, actor, now, surface);
  return mark;
}

/** The characters marks are written in (U+2060, U+200B, U+200C): an importer reading an export back drops them. */
export const stripMarks = (text: string): string => text.replace(/[\u2060\u200b\u200c]/g, '');
