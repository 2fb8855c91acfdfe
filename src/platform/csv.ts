/**
 * RFC 4180 CSV, the way spreadsheet programs write it: fields in double quotes may hold commas,
 * quotes (doubled) and line breaks; lines end in CRLF or LF; a UTF-8 BOM (what Excel needs to read
 * Chinese) is skipped on read and written on write.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function csvField(value: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet: prefix it so it stays text.
  // Plain numbers (-60.00, +8613800000000) are left alone.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[-+]?\d[\d.-]*$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly (string | null | undefined)[]): string {
  return `${values.map((v) => csvField(v ?? '')).join(',')}\r\n`;
}

export const BOM = '\ufeff';
