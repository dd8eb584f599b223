/**
 * The strategy as an Excel workbook (Office Open XML, ECMA-376): one sheet per table, the
 * measures and the clauses, each with its header row in bold, frozen and filtered, columns
 * as wide as their content (long texts wrapped), and budgets as numbers a finance officer
 * can add up. Strings are written inline in their cells: the workbook holds no formula, so a
 * text that starts with `=` stays text. Pure: data in, bytes out, the same bytes for the
 * same data.
 */
import { ExportData } from './data';
import { clauseTable, measureTable, TextTable } from './tables';
import { zip } from './zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell styles, by their index in styles.xml's cellXfs. */
const STYLE = { header: 1, text: 2, amount: 3, number: 4 };

/** The columns written as numbers, by their header: budgets add up, recommendations sort. */
const NUMERIC: Record<string, number> = { 'Budget amount': STYLE.amount, Recommendation: STYLE.number };

/** No column narrower or wider than this, in characters; longer texts wrap. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

interface Sheet {
  name: string;
  table: TextTable;
}

/** Text as XML character data: escaped, without the control characters XML 1.0 forbids. */
function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The letters of a column, from 0: A … Z, AA … */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cell(reference: string, value: string, numeric: number | undefined, header: boolean): string {
  if (value === '') return '';
  if (!header && numeric !== undefined && /^-?\d+(\.\d+)?$/.test(value) && Number.isFinite(Number(value))) {
    return `<c r="${reference}" s="${numeric}"><v>${value}</v></c>`;
  }
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${reference}" s="${header ? STYLE.header : STYLE.text}" t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
}

function worksheet(sheet: Sheet, selected: boolean): string {
  const { header, rows } = sheet.table;
  const last = `${columnName(header.length - 1)}${rows.length + 1}`;
  const widths = header.map((title, column) => {
    const longest = Math.max(title.length, ...rows.map((row) => Math.max(...row[column].split('\n').map((line) => line.length))));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
  const numeric = header.map((title) => NUMERIC[title]);
  const lines = [header, ...rows].map(
    (row, index) => `<row r="${index + 1}">${row.map((value, column) => cell(`${columnName(column)}${index + 1}`, value, numeric[column], index === 0)).join('')}</row>`,
  );
  return (
    `${HEADER}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    // Printed, every column fits the page's width.
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${widths.map((width, column) => `<col min="${column + 1}" max="${column + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${lines.join('')}</sheetData>` +
    `<autoFilter ref="A1:${last}"/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `</worksheet>`
  );
}

const STYLES =
  `${HEADER}<styleSheet xmlns="${MAIN}">` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E2F3"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="5">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>` +
  `</cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

/** The workbook's bytes: the measures, then the clauses, a sheet each. */
export function renderXlsx(data: ExportData): Uint8Array {
  const sheets: Sheet[] = [
    { name: 'Measures', table: measureTable(data) },
    { name: 'Clauses', table: clauseTable(data) },
  ];
  const encoder = new TextEncoder();
  const file = (name: string, text: string) => ({ name, data: encoder.encode(text) });
  const title = data.strategy.title ?? 'Digital government strategy';
  return zip([
    file(
      '[Content_Types].xml',
      `${HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        sheets.map((_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
        `</Types>`,
    ),
    file(
      '_rels/.rels',
      `${HEADER}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
        `</Relationships>`,
    ),
    file(
      'docProps/core.xml',
      `${HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:title>${xmlText(title)}</dc:title><dc:creator>dgs ${xmlText(data.generated.version)}</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${xmlText(data.generated.date)}T00:00:00Z</dcterms:created>` +
        `</cp:coreProperties>`,
    ),
    file(
      'xl/workbook.xml',
      `${HEADER}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
        `<bookViews><workbookView activeTab="0"/></bookViews>` +
        `<sheets>${sheets.map((sheet, index) => `<sheet name="${sheet.name}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('')}</sheets>` +
        `<definedNames>${sheets
          .map((sheet, index) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${sheet.name}!$A$1:$${columnName(sheet.table.header.length - 1)}$${sheet.table.rows.length + 1}</definedName>`)
          .join('')}</definedNames>` +
        `</workbook>`,
    ),
    file(
      'xl/_rels/workbook.xml.rels',
      `${HEADER}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
        sheets.map((_, index) => `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    ),
    file('xl/styles.xml', STYLES),
    ...sheets.map((sheet, index) => file(`xl/worksheets/sheet${index + 1}.xml`, worksheet(sheet, index === 0))),
  ]);
}
