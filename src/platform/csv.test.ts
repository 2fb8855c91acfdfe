import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BOM, csvLine, parseCsv } from './csv.ts';

describe('CSV as spreadsheets write it', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks; CRLF or LF; skips the BOM', () => {
    const text = `${BOM}姓名,职务\r\n"王, 小明","说""你好"""\n"两行\r\n文字",\r\n`;
    assert.deepEqual(parseCsv(text), [
      ['姓名', '职务'],
      ['王, 小明', '说"你好"'],
      ['两行\r\n文字', ''],
    ]);
  });

  it('a last line without a line break still counts; an empty text has no rows', () => {
    assert.deepEqual(parseCsv('a,b\n1,2'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.deepEqual(parseCsv(''), []);
  });

  it('writes what it reads, and keeps formula-looking text as text', () => {
    const line = csvLine(['王, 小明', '说"你好"', null, '=HYPERLINK("x")', '-5', '+86-13800000000', '@cmd']);
    assert.equal(line, '"王, 小明","说""你好""",,"\'=HYPERLINK(""x"")",-5,+86-13800000000,\'@cmd\r\n');
    assert.deepEqual(parseCsv(line), [['王, 小明', '说"你好"', '', '\'=HYPERLINK("x")', '-5', '+86-13800000000', "'@cmd"]]);
  });
});
