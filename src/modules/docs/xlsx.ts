import { posix } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { stripMarks } from '../../platform/export-marks.ts';

/**
 * Reading an .xlsx without holding it as objects: jszip opens the package, each sheet's size is
 * read from the head of its XML (the <dimension ref>, or a scan of the cell references when the
 * writer left it out) before a cell is parsed, and the cells are scanned from the XML as it is
 * inflated, a piece at a time, so a sheet's XML is never held whole. fast-xml-parser reads the
 * small parts: the workbook, relationships, notes, threaded comments and their persons. See
 * docs/decisions.md ("Sheet import parser") and docs/decisions/docsperf.md.
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

/** The used range of the cells added so far (for a sheet with no dimension). */
export class UsedRange {
  #minRow = Infinity;
  #minCol = Infinity;
  #maxRow = -1;
  #maxCol = -1;

  add(cell: { row: number; col: number }): void {
    if (cell.row < this.#minRow) this.#minRow = cell.row;
    if (cell.col < this.#minCol) this.#minCol = cell.col;
    if (cell.row > this.#maxRow) this.#maxRow = cell.row;
    if (cell.col > this.#maxCol) this.#maxCol = cell.col;
  }

  get size(): Size {
    if (this.#maxRow < 0) return { rows: 0, cols: 0, cells: 0 };
    return { rows: this.#maxRow + 1, cols: this.#maxCol + 1, cells: (this.#maxRow - this.#minRow + 1) * (this.#maxCol - this.#minCol + 1) };
  }
}

/** The size of the used range from the cells themselves (for a sheet with no dimension). */
export function scannedSize(sheetXml: string, shared: readonly string[]): Size {
  const range = new UsedRange();
  for (const cell of scanCells(sheetXml, shared)) range.add(cell);
  return range.size;
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

export interface ScannedCell {
  row: number;
  col: number;
  value: string;
}

/**
 * Reads cells from a sheet's <sheetData> handed over in pieces, each ending where a row ends (a
 * cell never straddles two pieces), with their shown values as text (a formula's cached result;
 * booleans as TRUE/FALSE). Empty cells (only a style) are skipped. A cell without a reference
 * follows the one before it; a row without one follows the row before it.
 */
class CellScanner {
  #row = -1;
  #col = -1;

  constructor(private readonly shared: readonly string[]) {}

  *cells(data: string): Generator<ScannedCell> {
    for (const m of data.matchAll(ROW_OR_CELL)) {
      if (m[1] !== undefined) {
        const r = R_ATTR.exec(m[1]);
        this.#row = r ? Number(r[1]) - 1 : this.#row + 1;
        this.#col = -1;
        continue;
      }
      const attrs = m[2]!;
      const ref = R_ATTR.exec(attrs);
      const at = ref ? parseRef(ref[1]!) : null;
      if (at) ({ row: this.#row, col: this.#col } = at);
      else this.#col++;
      const inner = m[3];
      if (inner === undefined) continue;
      const value = this.#valueOf(T_ATTR.exec(attrs)?.[1] ?? 'n', inner);
      if (value !== undefined && value !== '') yield { row: this.#row, col: this.#col, value };
    }
  }

  #valueOf(type: string, inner: string): string | undefined {
    let value: string | undefined;
    if (type === 'inlineStr') {
      const is = IS.exec(inner);
      value = is ? textOf(is[1]!) : undefined;
    } else {
      const v = V.exec(inner);
      if (v) {
        const raw = unescapeXml(v[1]!);
        value = type === 's' ? (this.shared[Number(raw)] ?? '') : type === 'b' ? (raw === '1' ? 'TRUE' : 'FALSE') : raw;
      }
    }
    // An exported sheet comes back without its 暗水印 marks.
    return value === undefined ? undefined : stripMarks(value);
  }
}

const SHEET_DATA = /<(\w+:)?sheetData\b/;

/** The cells of a whole sheet's XML, in order (see `CellScanner`). */
export function* scanCells(sheetXml: string, shared: readonly string[]): Generator<ScannedCell> {
  const start = SHEET_DATA.exec(sheetXml);
  if (!start) return;
  const end = sheetXml.lastIndexOf(`</${start[1] ?? ''}sheetData>`);
  yield* new CellScanner(shared).cells(sheetXml.slice(start.index, end < 0 ? undefined : end));
}

/**
 * The cells of a sheet part in batches of at most `size`, scanned while the part is inflated: a
 * piece of XML is scanned up to its last complete row and the rest carried to the next piece, the
 * inflater waits while a batch is used, and it stops at </sheetData> (what follows is not
 * inflated). What is held at a time is a piece of XML, a row and a batch.
 */
async function* cellBatches(file: JSZip.JSZipObject, shared: readonly string[], size: number): AsyncGenerator<ScannedCell[]> {
  const scanner = new CellScanner(shared);
  let carried = '';
  let rowEnd: string | null = null;
  let dataEnd = '';
  let batch: ScannedCell[] = [];
  for await (const piece of pieces(file)) {
    carried += piece;
    if (rowEnd === null) {
      const start = SHEET_DATA.exec(carried);
      if (!start) continue;
      rowEnd = `</${start[1] ?? ''}row>`;
      dataEnd = `</${start[1] ?? ''}sheetData>`;
      carried = carried.slice(start.index);
    }
    const end = carried.indexOf(dataEnd);
    const cut = end >= 0 ? end : carried.lastIndexOf(rowEnd);
    if (cut < 0) continue;
    const through = end >= 0 ? end : cut + rowEnd.length;
    for (const cell of scanner.cells(carried.slice(0, through))) {
      batch.push(cell);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
    carried = carried.slice(through);
    if (end >= 0) break;
  }
  // A part cut short (no </sheetData>): what is left is scanned as it is.
  if (rowEnd !== null && !carried.startsWith(dataEnd)) batch.push(...scanner.cells(carried));
  if (batch.length > 0) yield batch;
}

const REL_COMMENTS = /\/comments$/;
const REL_THREADED = /\/threadedComment$/;
const REL_PERSON = /\/person$/;

/** An opened .xlsx: its sheets in order and the parts they point to. */
export class Workbook {
  #shared: Promise<string[]> | undefined;

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
    const head = await readHead(this.#part(sheet), 64 * 1024);
    const declared = declaredSize(head);
    if (declared) return declared;
    const range = new UsedRange();
    for await (const batch of this.cells(sheet, 5_000)) for (const cell of batch) range.add(cell);
    return range.size;
  }

  /** The sheet's cells, in batches of at most `size`, its XML scanned as it is inflated. */
  async *cells(sheet: SheetPart, size: number): AsyncGenerator<ScannedCell[]> {
    yield* cellBatches(this.#part(sheet), await this.sharedStrings(), size);
  }

  /** The strings cells of type "s" point into (read once). */
  sharedStrings(): Promise<string[]> {
    this.#shared ??= readText(this.zip, 'xl/sharedStrings.xml').then((text) => (text === null ? [] : readSharedStrings(text)));
    return this.#shared;
  }

  #part(sheet: SheetPart): JSZip.JSZipObject {
    const file = this.zip.file(sheet.path);
    if (!file) throw new WorkbookError(`missing ${sheet.path}`);
    return file;
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

/**
 * A part's text as it is inflated, a piece at a time: the inflater is paused while a piece is used
 * and left paused when the reader stops early, so the rest of the part is never inflated.
 */
async function* pieces(file: JSZip.JSZipObject): AsyncGenerator<string> {
  const stream = (file as unknown as { internalStream(type: 'string'): InternalStream }).internalStream('string');
  const ready: string[] = [];
  let ended = false;
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  const woken = () => {
    wake?.();
    wake = undefined;
  };
  stream
    .on('data', (chunk: string) => {
      ready.push(chunk);
      stream.pause();
      woken();
    })
    .on('end', () => {
      ended = true;
      woken();
    })
    .on('error', (error: Error) => {
      failed = error;
      woken();
    });
  for (;;) {
    if (ready.length === 0 && !ended && failed === undefined) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        stream.resume();
      });
    }
    if (failed) throw failed;
    const piece = ready.shift();
    if (piece === undefined) return;
    yield piece;
  }
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
