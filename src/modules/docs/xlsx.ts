import { posix } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { stripMarks } from '../../platform/export-marks.ts';

/**
 * Reading an .xlsx without holding it as objects: jszip opens the package, each sheet's size is
 * read from the head of its XML (the <dimension ref>, or a scan of the cell references when the
 * writer left it out) before a cell is parsed, and the cells are scanned from the XML text one by
 * one. fast-xml-parser reads the small parts: the workbook, relationships, notes, threaded comments
 * and their persons. See docs/decisions.md ("Sheet import parser").
 */

export interface Size {
  rows: number;
  cols: number;
  /** The cells the used range spans (what a sheet's million counts). */
  cells: number;
}
export interface SheetPart {
  name: string;
  path: string;
}
export interface NoteThread {
  row: number;
  col: number;
  author: string;
  text: string;
  replies: { author: string; text: string }[];
}

export class WorkbookError extends Error {}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false, processEntities: false, isArray: (name) => ['sheet', 'Relationship', 'author', 'comment', 'r', 'threadedComment', 'person'].includes(name) });

type Node = Record<string, unknown>;
const asNodes = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node]);

/** "AB12" → { row: 11, col: 27 } (0-based). */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,4})\$?(\d{1,8})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The size a <dimension ref="A1:E200000"> declares: rows and columns to its far corner, cells in its range. */
export function sizeOfRef(ref: string): Size | null {
  const [from, to = from] = ref.split(':');
  const a = parseRef(from!);
  const b = parseRef(to!);
  if (!a || !b) return null;
  return { rows: b.row + 1, cols: b.col + 1, cells: (b.row - a.row + 1) * (b.col - a.col + 1) };
}

const DIMENSION = /<(?:\w+:)?dimension\b[^>]*?\bref="([^"]+)"/;
/** The dimension a sheet's head declares, if its writer put one before <sheetData>. */
export function declaredSize(head: string): Size | null {
  const cut = head.indexOf('<sheetData');
  const m = DIMENSION.exec(cut >= 0 ? head.slice(0, cut) : head);
  return m ? sizeOfRef(m[1]!) : null;
}

/** The size of the used range from the cell references themselves (for a sheet with no dimension). */
export function scannedSize(sheetXml: string): Size {
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  for (const cell of scanCells(sheetXml, [])) {
    if (cell.row < minRow) minRow = cell.row;
    if (cell.col < minCol) minCol = cell.col;
    if (cell.row > maxRow) maxRow = cell.row;
    if (cell.col > maxCol) maxCol = cell.col;
  }
  if (maxRow < 0) return { rows: 0, cols: 0, cells: 0 };
  return { rows: maxRow + 1, cols: maxCol + 1, cells: (maxRow - minRow + 1) * (maxCol - minCol + 1) };
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export const unescapeXml = (s: string): string => (s.includes('&') ? s.replace(ENTITY, (_, dec: string, hex: string, name: string) => (name ? NAMED[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)))) : s);

const T = /<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g;
/** The text of a rich-text or plain string (its <t> runs; phonetic runs left out). */
function textOf(inner: string): string {
  const plain = inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(T)) out += m[1]!;
  return unescapeXml(out);
}

/** sharedStrings.xml: the strings cells of type "s" point into. */
export function readSharedStrings(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) out.push(m[1] === undefined ? '' : textOf(m[1]));
  return out;
}

const ROW_OR_CELL = /<(?:\w+:)?row\b([^>]*)>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ATTR = (name: string) => new RegExp(`\\b${name}="([^"]*)"`);
const R_ATTR = ATTR('r');
const T_ATTR = ATTR('t');
const V = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/;
const IS = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/;

/**
 * The cells of a sheet's XML, in order, with their shown values as text (a formula's cached
 * result; booleans as TRUE/FALSE). Empty cells (only a style) are skipped.
 */
export function* scanCells(sheetXml: string, shared: readonly string[]): Generator<{ row: number; col: number; value: string }> {
  const start = sheetXml.indexOf('<sheetData');
  const end = sheetXml.lastIndexOf('</sheetData>');
  const data = start < 0 ? '' : sheetXml.slice(start, end < 0 ? undefined : end);
  let row = -1;
  let col = -1;
  for (const m of data.matchAll(ROW_OR_CELL)) {
    if (m[1] !== undefined) {
      const r = R_ATTR.exec(m[1]);
      row = r ? Number(r[1]) - 1 : row + 1;
      col = -1;
      continue;
    }
    const attrs = m[2]!;
    const ref = R_ATTR.exec(attrs);
    const at = ref ? parseRef(ref[1]!) : null;
    if (at) ({ row, col } = at);
    else col++;
    const inner = m[3];
    if (inner === undefined) continue;
    const type = T_ATTR.exec(attrs)?.[1] ?? 'n';
    let value: string | undefined;
    if (type === 'inlineStr') {
      const is = IS.exec(inner);
      value = is ? textOf(is[1]!) : undefined;
    } else {
      const v = V.exec(inner);
      if (v) {
        const raw = unescapeXml(v[1]!);
        value = type === 's' ? shared[Number(raw)] ?? '' : type === 'b' ? (raw === '1' ? 'TRUE' : 'FALSE') : raw;
      }
    }
    // An exported sheet comes back without its 暗水印 marks.
    if (value !== undefined) value = stripMarks(value);
    if (value !== undefined && value !== '') yield { row, col, value };
  }
}

const REL_COMMENTS = /\/comments$/;
const REL_THREADED = /\/threadedComment$/;
const REL_PERSON = /\/person$/;

/** An opened .xlsx: its sheets in order and the parts they point to. */
export class Workbook {
  private constructor(
    private readonly zip: JSZip,
    readonly sheets: SheetPart[],
    private readonly personsPath: string | null,
  ) {}

  static async open(content: Buffer): Promise<Workbook> {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(content);
    } catch {
      throw new WorkbookError('not a zip package');
    }
    const workbook = await readText(zip, 'xl/workbook.xml');
    if (workbook === null) throw new WorkbookError('no xl/workbook.xml');
    const rels = await relationships(zip, 'xl/workbook.xml');
    const parsed = xml.parse(workbook) as Node;
    const sheets = asNodes(((parsed.workbook as Node | undefined)?.sheets as Node | undefined)?.sheet).map((s) => {
      const target = rels.find((r) => r.id === s.id);
      if (!target) throw new WorkbookError(`sheet ${String(s.name)} has no part`);
      return { name: unescapeXml(String(s.name)), path: target.path };
    });
    return new Workbook(zip, sheets, rels.find((r) => REL_PERSON.test(r.type))?.path ?? null);
  }

  /**
   * The sheet's size, from the first bytes of its XML when it declares a dimension (the rest of
   * the part is not inflated), else from a scan of its cell references.
   */
  async size(sheet: SheetPart): Promise<Size> {
    const file = this.zip.file(sheet.path);
    if (!file) throw new WorkbookError(`missing ${sheet.path}`);
    const head = await readHead(file, 64 * 1024);
    return declaredSize(head) ?? scannedSize(await file.async('string'));
  }

  async sheetXml(sheet: SheetPart): Promise<string> {
    return (await readText(this.zip, sheet.path)) ?? '';
  }

  async sharedStrings(): Promise<string[]> {
    const text = await readText(this.zip, 'xl/sharedStrings.xml');
    return text === null ? [] : readSharedStrings(text);
  }

  /**
   * The sheet's notes (批注) and threaded comments, one thread a cell: a threaded comment's replies
   * follow it; a legacy note on a cell that has threaded comments is Excel's copy of them and is
   * left out.
   */
  async notes(sheet: SheetPart): Promise<NoteThread[]> {
    const rels = await relationships(this.zip, sheet.path);
    const threads: NoteThread[] = [];
    const threadedCells = new Set<string>();
    const persons = await this.persons();
    for (const rel of rels.filter((r) => REL_THREADED.test(r.type))) {
      const text = await readText(this.zip, rel.path);
      if (text === null) continue;
      const list = asNodes(((xml.parse(text) as Node).ThreadedComments as Node | undefined)?.threadedComment);
      const roots = new Map<string, NoteThread>();
      for (const c of list) {
        const at = parseRef(String(c.ref ?? ''));
        if (!at) continue;
        const author = persons.get(String(c.personId)) ?? '';
        const body = plainText(c.text);
        const parent = c.parentId === undefined ? undefined : roots.get(String(c.parentId));
        if (parent) parent.replies.push({ author, text: body });
        else {
          const thread = { ...at, author, text: body, replies: [] };
          roots.set(String(c.id), thread);
          threads.push(thread);
          threadedCells.add(`${at.row}:${at.col}`);
        }
      }
    }
    for (const rel of rels.filter((r) => REL_COMMENTS.test(r.type))) {
      const text = await readText(this.zip, rel.path);
      if (text === null) continue;
      const comments = (xml.parse(text) as Node).comments as Node | undefined;
      const authors = asNodes((comments?.authors as Node | undefined)?.author).map((a) => plainText(a));
      for (const c of asNodes((comments?.commentList as Node | undefined)?.comment)) {
        const at = parseRef(String(c.ref ?? ''));
        if (!at || threadedCells.has(`${at.row}:${at.col}`)) continue;
        const author = authors[Number(c.authorId ?? 0)] ?? '';
        threads.push({ ...at, author, text: withoutAuthorLine(plainText(c.text), author), replies: [] });
      }
    }
    return threads.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  private async persons(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const text = this.personsPath === null ? null : await readText(this.zip, this.personsPath);
    if (text === null) return out;
    for (const p of asNodes(((xml.parse(text) as Node).personList as Node | undefined)?.person)) out.set(String(p.id), unescapeXml(String(p.displayName ?? '')));
    return out;
  }
}

/** A note's text: a string, a <t>, or rich-text runs (<r><t>). */
function plainText(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return unescapeXml(node);
  const n = node as Node;
  if (n['#text'] !== undefined && n.t === undefined && n.r === undefined) return unescapeXml(String(n['#text']));
  if (n.t !== undefined) return plainText(n.t);
  return asNodes(n.r).map((run) => plainText(run.t)).join('');
}

/** Excel starts a note with a line "Author:"; the author is kept apart, so the line is dropped. */
function withoutAuthorLine(text: string, author: string): string {
  const prefix = `${author}:`;
  return author && text.startsWith(prefix) ? text.slice(prefix.length).replace(/^\r?\n/, '') : text;
}

async function readText(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async('string') : null;
}

/** jszip's own stream (untyped in its .d.ts): unlike its Node stream it can be paused for good. */
interface InternalStream {
  on(event: 'data', listener: (chunk: string) => void): InternalStream;
  on(event: 'end', listener: () => void): InternalStream;
  on(event: 'error', listener: (error: Error) => void): InternalStream;
  pause(): void;
  resume(): void;
}

/** The first `limit` characters of a part (or up to its <sheetData>), inflating no more of it than that. */
function readHead(file: JSZip.JSZipObject, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let head = '';
    let done = false;
    const stream = (file as unknown as { internalStream(type: 'string'): InternalStream }).internalStream('string');
    stream
      .on('data', (chunk: string) => {
        if (done) return;
        head += chunk;
        if (head.length >= limit || head.includes('<sheetData')) {
          done = true;
          // Paused, the inflater stops where it is; the rest of the part is never inflated.
          stream.pause();
          resolve(head);
        }
      })
      .on('end', () => resolve(head))
      .on('error', reject);
    stream.resume();
  });
}

async function relationships(zip: JSZip, partPath: string): Promise<{ id: string; type: string; path: string }[]> {
  const dir = posix.dirname(partPath);
  const text = await readText(zip, posix.join(dir, '_rels', `${posix.basename(partPath)}.rels`));
  if (text === null) return [];
  const rels = asNodes(((xml.parse(text) as Node).Relationships as Node | undefined)?.Relationship);
  return rels.map((r) => {
    const target = unescapeXml(String(r.Target));
    return { id: String(r.Id), type: String(r.Type), path: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target)) };
  });
}
