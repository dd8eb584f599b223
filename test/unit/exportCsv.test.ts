/** The CSV export, parsed back as a spreadsheet reads it (RFC 4180), row by row. */
import * as assert from 'assert';
import { csvCell, renderCsv } from '../../server/src/export/csv';
import { clauseTable, measureTable } from '../../server/src/export/tables';
import { edited, exportData, measurePath, NATIONAL, schema } from './exportFixtures';

/** A strict RFC 4180 reader: CRLF between records, fields quoted with doubled quotes inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let index = 0;
  let quoted = false;
  while (index < text.length) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (character === '"') {
        quoted = false;
        index++;
        assert.ok(text[index] === ',' || text.startsWith('\r\n', index), `a quoted field ends at a separator (offset ${index})`);
        continue;
      }
      field += character;
      index++;
      continue;
    }
    if (character === '"') {
      assert.strictEqual(field, '', `a quote opens a field only at its start (offset ${index})`);
      quoted = true;
      index++;
    } else if (character === ',') {
      row.push(field);
      field = '';
      index++;
    } else if (text.startsWith('\r\n', index)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 2;
    } else {
      assert.ok(character !== '\n' && character !== '\r', `a bare line break outside quotes (offset ${index})`);
      field += character;
      index++;
    }
  }
  assert.strictEqual(field + row.join(''), '', 'the text ends with CRLF');
  return rows;
}

function readBack(csv: string): string[][] {
  assert.ok(csv.startsWith('\ufeff'), 'UTF-8 with a byte order mark');
  return parseCsv(csv.slice(1));
}

describe('export: CSV', () => {
  it('has one row per measure with its section, id, title, lead, due date, budget, business case, status and clauses', () => {
    const data = exportData(NATIONAL);
    const rows = readBack(renderCsv(measureTable(data)));
    assert.deepStrictEqual(rows[0], ['Section', 'Recommendation', 'Id', 'Title', 'Lead', 'Due', 'Budget amount', 'Currency', 'Business case', 'Status', 'Clauses']);
    assert.strictEqual(rows.length, 1 + 35);
    assert.deepStrictEqual(rows[1], ['openness', '1', 'OPN-1', 'Accessibility standard for all public digital services', 'Agency for Digitisation', '2027-06', '4500000', 'EUR', 'yes', 'in-progress', '1.i 1.iii']);
    assert.deepStrictEqual(rows[2].slice(2, 10), ['OPN-2', 'Open government by default on open.examplia.gov', 'Ministry of Digital Affairs', '2027-12', '800000', 'EUR', 'no', 'planned']);
    assert.ok(rows.every((row) => row.length === 11));
  });

  it('has, with the clauses table, one row per clause with its verbatim text, its status and its measures', () => {
    const text = edited(NATIONAL, [[[...measurePath(NATIONAL, 'CAP-2'), 'addresses'], ['10.i']]]);
    const rows = readBack(renderCsv(clauseTable(exportData(text))));
    assert.deepStrictEqual(rows[0], ['Clause', 'Recommendation', 'Section', 'Text', 'Status', 'Measures']);
    assert.deepStrictEqual(
      rows.slice(1).map((row) => row[0]),
      schema.units.map((unit) => unit.ref),
    );
    for (const row of rows.slice(1)) assert.strictEqual(row[3], schema.unitByRef.get(row[0])!.text, `${row[0]} verbatim`);
    const byRef = new Map(rows.slice(1).map((row) => [row[0], row]));
    assert.deepStrictEqual(byRef.get('1.i')!.slice(4), ['addressed', 'OPN-1 OPN-2']);
    assert.deepStrictEqual(byRef.get('10.ii')!.slice(4), ['missing', '']);
  });

  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as formulas', () => {
    const path = measurePath(NATIONAL, 'OPN-1');
    const text = edited(NATIONAL, [
      [[...path, 'title'], '=HYPERLINK("http://example.com","Click")'],
      [[...path, 'lead'], '@SUM(A1:A9), "the" office'],
      [[...path, 'status'], undefined],
      [[...measurePath(NATIONAL, 'OPN-2'), 'title'], '+1 line\nand a second'],
      [[...measurePath(NATIONAL, 'OPN-3'), 'title'], '-2 plain'],
    ]);
    const rows = readBack(renderCsv(measureTable(exportData(text))));
    assert.strictEqual(rows[1][3], `'=HYPERLINK("http://example.com","Click")`);
    assert.strictEqual(rows[1][4], `'@SUM(A1:A9), "the" office`);
    assert.strictEqual(rows[1][9], '');
    assert.strictEqual(rows[2][3], "'+1 line\nand a second");
    assert.strictEqual(rows[3][3], "'-2 plain");
    assert.strictEqual(csvCell('\tTab'), "'\tTab");
    assert.strictEqual(csvCell('plain, text'), '"plain, text"');
    assert.strictEqual(csvCell('Ministère de l’Économie'), 'Ministère de l’Économie');
  });
});
