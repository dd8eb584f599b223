/**
 * The Excel export, read back byte by byte: a ZIP archive as APPNOTE.TXT defines it (read here
 * by a reader of this test's own, with a CRC-32 checked against the standard's check value),
 * holding the parts of a SpreadsheetML workbook, whose two sheets hold exactly the measures
 * and clauses tables, budgets as numbers.
 */
import * as assert from 'assert';
import { exportStrategy } from '../../server/src/export';
import { clauseTable, measureTable, TextTable } from '../../server/src/export/tables';
import { renderXlsx } from '../../server/src/export/xlsx';
import { analysis, edited, exportData, measurePath, NATIONAL, OPTIONS } from './exportFixtures';

/** CRC-32 bit by bit (no table): a second implementation, to check the one in zip.ts against. */
function bitwiseCrc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The files of a stored ZIP archive, by name, every header and checksum checked. */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  assert.strictEqual(view.getUint32(end, true), 0x06054b50, 'the archive ends with the end of central directory record');
  const count = view.getUint16(end + 10, true);
  const centralSize = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  assert.strictEqual(at + centralSize, end, 'the central directory ends where the end record starts');
  const files = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let index = 0; index < count; index++) {
    assert.strictEqual(view.getUint32(at, true), 0x02014b50, `central header ${index}`);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    assert.strictEqual(view.getUint32(at + 24, true), size, 'stored: the same size compressed and not');
    const nameLength = view.getUint16(at + 28, true);
    const offset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    assert.strictEqual(view.getUint32(offset, true), 0x04034b50, `the local header of ${name}`);
    assert.strictEqual(view.getUint16(offset + 8, true), 0, `${name} is stored`);
    assert.strictEqual(view.getUint32(offset + 14, true), crc, `${name}: the local header's CRC is the central one`);
    const localName = view.getUint16(offset + 26, true);
    const data = bytes.subarray(offset + 30 + localName + view.getUint16(offset + 28, true), offset + 30 + localName + view.getUint16(offset + 28, true) + size);
    assert.strictEqual(bitwiseCrc32(data), crc, `${name}: its CRC-32 is right`);
    files.set(name, decoder.decode(data));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return files;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The cells of a sheet as rows of text, read from its XML (inline strings and numbers). */
function sheetRows(xml: string): { rows: string[][]; numbers: string[] } {
  const rows: string[][] = [];
  const numbers: string[] = [];
  for (const row of xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
    const cells: string[] = [];
    for (const cell of row[2].matchAll(/<c r="([A-Z]+)\d+"[^>]*?(?: t="inlineStr")?>(?:<is><t(?: xml:space="preserve")?>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>/g)) {
      const column = [...cell[1]].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
      while (cells.length < column) cells.push('');
      const text = (cell[2] ?? cell[3]).replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]);
      if (cell[3] !== undefined) numbers.push(cell[1]);
      cells.push(text);
    }
    rows.push(cells);
  }
  return { rows, numbers };
}

/** A table as the sheet holds it: trailing empty cells are not written. */
function asWritten(table: TextTable): string[][] {
  return [table.header, ...table.rows].map((row) => {
    const cells = [...row];
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
}

describe('export: Excel workbook', () => {
  const data = exportData(NATIONAL);
  const files = unzip(renderXlsx(data));

  it('is a ZIP archive of the parts of a SpreadsheetML workbook, each declared with its content type', () => {
    assert.deepStrictEqual([...files.keys()].sort(), ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    const types = files.get('[Content_Types].xml')!;
    for (const part of ['/xl/workbook.xml', '/xl/worksheets/sheet1.xml', '/xl/worksheets/sheet2.xml', '/xl/styles.xml', '/docProps/core.xml']) assert.ok(types.includes(`PartName="${part}"`), part);
    assert.match(files.get('_rels/.rels')!, /Target="xl\/workbook\.xml"/);
    assert.deepStrictEqual([...files.get('xl/workbook.xml')!.matchAll(/<sheet name="([^"]+)" sheetId="(\d)" r:id="(rId\d)"\/>/g)].map((m) => m.slice(1)), [['Measures', '1', 'rId1'], ['Clauses', '2', 'rId2']]);
    const rels = files.get('xl/_rels/workbook.xml.rels')!;
    assert.match(rels, /Id="rId1" [^>]*Target="worksheets\/sheet1\.xml"/);
    assert.match(rels, /Id="rId2" [^>]*Target="worksheets\/sheet2\.xml"/);
    assert.match(files.get('docProps/core.xml')!, /<dc:title>Digital Examplia 2030 – National Digital Government Strategy<\/dc:title>/);
  });

  it('has a sheet of the measures and one of the clauses, cell for cell the tables of the CSV export', () => {
    assert.deepStrictEqual(sheetRows(files.get('xl/worksheets/sheet1.xml')!).rows, asWritten(measureTable(data)));
    assert.deepStrictEqual(sheetRows(files.get('xl/worksheets/sheet2.xml')!).rows, asWritten(clauseTable(data)));
    // The clause texts are the Recommendation's, verbatim.
    assert.ok(clauseTable(data).rows.every((row) => files.get('xl/worksheets/sheet2.xml')!.includes(row[3].replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'))));
  });

  it('writes budgets and recommendation numbers as numbers, its header frozen and filtered', () => {
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    const { numbers } = sheetRows(sheet);
    const header = measureTable(data).header;
    const budget = String.fromCharCode(65 + header.indexOf('Budget amount'));
    const recommendation = String.fromCharCode(65 + header.indexOf('Recommendation'));
    assert.ok(numbers.length > 0 && numbers.every((column) => column === budget || column === recommendation), numbers.join(' '));
    assert.ok(numbers.includes(budget) && numbers.includes(recommendation));
    assert.match(sheet, /<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    assert.match(sheet, new RegExp(`<autoFilter ref="A1:K${data.measures.length + 1}"/>`));
  });

  it('keeps a text that starts like a formula, and markup characters, as text', () => {
    const text = edited(NATIONAL, [[[...measurePath(NATIONAL, 'OPN-1'), 'title'], '=SUM(A1:A9) & <b>"bold"</b>']]);
    const sheet = unzip(renderXlsx(exportData(text))).get('xl/worksheets/sheet1.xml')!;
    assert.ok(!sheet.includes('<f>'), 'no formula');
    assert.ok(sheet.includes('<t>=SUM(A1:A9) &amp; &lt;b&gt;&quot;bold&quot;&lt;/b&gt;</t>'));
    assert.ok(sheetRows(sheet).rows.some((row) => row.includes('=SUM(A1:A9) & <b>"bold"</b>')));
  });

  it('gives the same bytes for the same strategy, and exportStrategy gives them for --format xlsx', async () => {
    assert.deepStrictEqual(renderXlsx(exportData(NATIONAL)), renderXlsx(data));
    const bytes = await exportStrategy(analysis(NATIONAL), 'xlsx', { ...OPTIONS, file: 'test.strategy.yaml' });
    assert.deepStrictEqual(bytes, renderXlsx(data));
  });

  it('checks its own CRC-32 reader against the standard check value', () => {
    assert.strictEqual(bitwiseCrc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  });
});
