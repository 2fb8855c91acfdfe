import JSZip from 'jszip';
import { columnName } from '../xlsx.ts';

/** The module's tables, for a test that puts a sheet in a state directly. */
export { tables as docsTables } from '../docs.tables.ts';
/** The .xlsx reader's parts, for the benchmark's parser-alone baseline. */
export { Workbook } from '../xlsx.ts';

/** A sheet of a test workbook: cells given sparsely, or every cell of `fill` rows × cols. */
export interface FixtureSheet {
  name: string;
  /** The <dimension ref> to declare (none: left out, as some writers do). */
  dimension?: string | undefined;
  cells?: { ref: string; value: string | number }[];
  fill?: { rows: number; cols: number } | undefined;
  /** Legacy notes (批注): cell, author, text. */
  notes?: { ref: string; author: string; text: string }[];
  /** Threaded comments: the first of a cell starts its thread, the rest reply. */
  threaded?: { ref: string; person: string; text: string }[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function sheetXml(sheet: FixtureSheet): string {
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${REL}">`];
  if (sheet.dimension) parts.push(`<dimension ref="${sheet.dimension}"/>`);
  parts.push('<sheetData>');
  if (sheet.fill) {
    const names = Array.from({ length: sheet.fill.cols }, (_, c) => columnName(c));
    for (let r = 1; r <= sheet.fill.rows; r++) {
      let row = `<row r="${r}">`;
      for (let c = 0; c < sheet.fill.cols; c++) row += `<c r="${names[c]}${r}"><v>${r * 10 + c}</v></c>`;
      parts.push(`${row}</row>`);
    }
  }
  const byRow = new Map<number, string[]>();
  for (const cell of sheet.cells ?? []) {
    const row = Number(/\d+$/.exec(cell.ref)![0]);
    const xml = typeof cell.value === 'number' ? `<c r="${cell.ref}"><v>${cell.value}</v></c>` : `<c r="${cell.ref}" t="inlineStr"><is><t>${esc(cell.value)}</t></is></c>`;
    byRow.set(row, [...(byRow.get(row) ?? []), xml]);
  }
  for (const [row, cells] of [...byRow].sort((a, b) => a[0] - b[0])) parts.push(`<row r="${row}">${cells.join('')}</row>`);
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/**
 * An .xlsx written part by part with jszip, so a test can give a sheet any dimension (or none),
 * legacy notes and threaded comments with persons, without a binary fixture.
 */
export async function xlsxFixture(sheets: FixtureSheet[]): Promise<Buffer> {
  const zip = new JSZip();
  const persons = [...new Set(sheets.flatMap((s) => (s.threaded ?? []).map((t) => t.person)))];
  const personId = (name: string) => `{00000000-0000-0000-0000-${String(persons.indexOf(name)).padStart(12, '0')}}`;
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const workbookRels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (persons.length) workbookRels.push(`<Relationship Id="rIdP" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${workbookRels.join('')}</Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`);
  if (persons.length) zip.file('xl/persons/person.xml', `<?xml version="1.0" encoding="UTF-8"?><personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">${persons.map((p) => `<person displayName="${esc(p)}" id="${personId(p)}" userId="${esc(p)}" providerId="None"/>`).join('')}</personList>`);
  sheets.forEach((sheet, i) => {
    const n = i + 1;
    zip.file(`xl/worksheets/sheet${n}.xml`, sheetXml(sheet));
    const rels: string[] = [];
    if (sheet.notes?.length) {
      const authors = [...new Set(sheet.notes.map((c) => c.author))];
      const list = sheet.notes.map((c) => `<comment ref="${c.ref}" authorId="${authors.indexOf(c.author)}"><text><r><rPr><b/></rPr><t>${esc(c.author)}:</t></r><r><t xml:space="preserve">\n${esc(c.text)}</t></r></text></comment>`);
      zip.file(`xl/comments${n}.xml`, `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="${NS}"><authors>${authors.map((a) => `<author>${esc(a)}</author>`).join('')}</authors><commentList>${list.join('')}</commentList></comments>`);
      rels.push(`<Relationship Id="rIdC" Type="${REL}/comments" Target="../comments${n}.xml"/>`);
    }
    if (sheet.threaded?.length) {
      const roots = new Map<string, string>();
      const items = sheet.threaded.map((t, k) => {
        const id = `{10000000-0000-0000-0000-${String(n * 1000 + k).padStart(12, '0')}}`;
        const parent = roots.get(t.ref);
        if (!parent) roots.set(t.ref, id);
        return `<threadedComment ref="${t.ref}" dT="2026-12-01T08:00:00.00" personId="${personId(t.person)}" id="${id}"${parent ? ` parentId="${parent}"` : ''}><text>${esc(t.text)}</text></threadedComment>`;
      });
      zip.file(`xl/threadedComments/threadedComment${n}.xml`, `<?xml version="1.0" encoding="UTF-8"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">${items.join('')}</ThreadedComments>`);
      rels.push(`<Relationship Id="rIdT" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment${n}.xml"/>`);
    }
    if (rels.length) zip.file(`xl/worksheets/_rels/sheet${n}.xml.rels`, `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
