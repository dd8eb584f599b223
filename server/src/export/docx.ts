/**
 * The strategy as the Word document a minister signs: a title page, a table of contents, one
 * chapter per part and section with its summary and its measures, then an annex with the
 * coverage of the Recommendation (each clause's verbatim text beside the measures that address
 * it), the clauses declared not applicable and the open findings. Real heading styles (Word's
 * navigation pane), a TOC field, page numbers, A4 portrait tables. Pure: data in, bytes out.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ITableCellOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { measureLabel } from '../report/data';
import { allUnits, ExportData, ExportMeasure, ExportSection } from './data';
import { CLAUSE_STATUS_WORDS, formatBudget, measureStatusText, strategyFacts } from './words';

/** A4 portrait in twentieths of a point, with 2 cm margins: 17 cm of text width. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FONT = 'Arial';
const HEADER_FILL = 'D9E2F3';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8EA9DB' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

/** Renders the Word document. Resolves to the .docx file's bytes. */
export async function renderDocx(data: ExportData): Promise<Uint8Array> {
  const title = data.strategy.title ?? 'Digital government strategy';
  const document = new Document({
    creator: `dgs ${data.generated.version}`,
    title,
    description: `${title}, with its coverage of ${data.report.instrument.id}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, outlineLevel: 0 } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '2F5496' }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, outlineLevel: 1 } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 220, after: 80 }, keepNext: true, outlineLevel: 2 } },
        title: { run: { font: FONT, size: 48, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 240, line: 276, lineRule: LineRuleType.AUTO } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, footer: 567, header: 567 },
          },
        },
        footers: { default: footer(title) },
        children: [...titlePage(data, title), ...contents(), ...chapters(data), ...annex(data)],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function footer(title: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: `${title}  ·  page `, size: 16, color: '595959' }), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '595959' }), new TextRun({ text: ' of ', size: 16, color: '595959' }), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: '595959' })],
      }),
    ],
  });
}

function text(value: string, options: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}): TextRun {
  return new TextRun({ text: value, ...options });
}

function paragraph(value: string, options: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}): Paragraph {
  return new Paragraph({ children: [text(value, options)] });
}

function heading(value: string, level: (typeof HeadingLevel)['HEADING_1' | 'HEADING_2' | 'HEADING_3'], pageBreakBefore = false): Paragraph {
  return new Paragraph({ text: value, heading: level, pageBreakBefore });
}

function cell(content: string | Paragraph[], width: number, options: { header?: boolean; bold?: boolean; span?: number; keepNext?: boolean } = {}): TableCell {
  const children =
    typeof content === 'string' ? [new Paragraph({ spacing: { after: 0 }, keepNext: options.keepNext, children: [text(content, { bold: options.header || options.bold, size: 18 })] })] : content;
  const cellOptions: ITableCellOptions = {
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    columnSpan: options.span,
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
  };
  return new TableCell(cellOptions);
}

/**
 * A table of fixed column widths (fractions of the text width) that fits the page; the header
 * row repeats on every page the table runs over.
 */
/**
 * `keep`: `together` keeps the table on one page, `with-next` also keeps it on the page of
 * what follows (a measure's fields with its indicators).
 */
function table(fractions: number[], header: string[] | undefined, rows: Array<Array<string | Paragraph[]>>, keep: 'together' | 'with-next' | 'none' = 'none'): Table {
  const widths = fractions.map((fraction) => Math.floor(fraction * TEXT_WIDTH));
  const tableRows: TableRow[] = [];
  if (header) tableRows.push(new TableRow({ tableHeader: true, cantSplit: true, children: header.map((label, index) => cell(label, widths[index], { header: true, keepNext: true })) }));
  rows.forEach((row, rowIndex) => {
    const keepNext = keep === 'with-next' || (keep === 'together' && rowIndex < rows.length - 1);
    tableRows.push(new TableRow({ cantSplit: true, children: row.map((content, index) => cell(content, widths[index], { bold: !header && index === 0, keepNext })) }));
  });
  return new Table({ rows: tableRows, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: BORDERS });
}

function spacer(): Paragraph {
  return new Paragraph({ spacing: { after: 60 }, children: [] });
}

function titlePage(data: ExportData, title: string): Array<Paragraph | Table> {
  const facts = strategyFacts(data);
  return [
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(title)] }),
    paragraph(data.strategy.government ?? '', { size: 30, color: '2F5496' }),
    new Paragraph({ spacing: { after: 600 }, children: [] }),
    table([0.3, 0.7], undefined, facts.map(([label, value]) => [label, value])),
    new Paragraph({ spacing: { before: 600 }, children: [] }),
    paragraph(
      `This document was made from the strategy file ${data.report.file} by dgs ${data.generated.version} on ${data.generated.date}. Its annex shows which clauses of the ${data.report.instrument.title} (${data.report.instrument.id}) the measures address: coverage is what the strategy declares, not an assessment by dgs.`,
      { italics: true, size: 18, color: '595959' },
    ),
  ];
}

function contents(): Array<Paragraph | TableOfContents> {
  return [
    new Paragraph({ pageBreakBefore: true, spacing: { after: 240 }, children: [text('Contents', { bold: true, size: 32, color: '1F3864' })] }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

function chapters(data: ExportData): Array<Paragraph | Table> {
  const children: Array<Paragraph | Table> = [];
  for (const part of data.parts) {
    children.push(heading(`Part ${part.numeral}. ${part.title}`, HeadingLevel.HEADING_1, true));
    for (const section of part.sections) children.push(...sectionChapter(section));
  }
  return children;
}

function sectionChapter(section: ExportSection): Array<Paragraph | Table> {
  const children: Array<Paragraph | Table> = [heading(`${section.number}. ${section.title}`, HeadingLevel.HEADING_2)];
  if (!section.present) {
    children.push(paragraph('The strategy has no section for this recommendation yet.', { italics: true }));
    return children;
  }
  children.push(section.summary ? paragraph(section.summary) : paragraph('This section has no summary yet.', { italics: true }));
  for (const item of section.notApplicable) {
    children.push(
      new Paragraph({
        children: [text(`Clause ${item.clause} does not apply: `, { bold: true }), text(item.reason ?? 'no reason is given.'), ...(item.handledBy ? [text(` Handled by: ${item.handledBy}.`)] : [])],
      }),
    );
  }
  for (const measure of section.measures) children.push(...measureBlock(measure));
  return children;
}

function measureBlock(measure: ExportMeasure): Array<Paragraph | Table> {
  const title = measure.title ?? '(no title yet)';
  const children: Array<Paragraph | Table> = [heading(measure.id ? `${measure.id}  ${title}` : title, HeadingLevel.HEADING_3)];
  if (measure.description) children.push(new Paragraph({ keepNext: true, children: [text(measure.description)] }));
  const rows: Array<[string, string]> = [
    ['Lead', measure.lead ?? 'not named'],
    ['Partners', measure.partners.join('; ') || 'none'],
    ['Due', measure.due ?? 'not set'],
    ['Budget', measure.budget ? formatBudget(measure.budget) : 'none'],
  ];
  if (measure.businessCase) {
    rows.push(['Business case', [measure.businessCase.value, measure.businessCase.stakeholders.length > 0 ? `Stakeholders: ${measure.businessCase.stakeholders.join('; ')}.` : 'No stakeholders named.'].filter(Boolean).join(' ')]);
  } else {
    rows.push(['Business case', 'none']);
  }
  rows.push(['Status', measureStatusText(measure)]);
  rows.push(['Addresses', measure.addresses.join(', ') || 'no clause']);
  if (measure.dependsOn.length > 0) rows.push(['Depends on', measure.dependsOn.join(', ')]);
  children.push(table([0.22, 0.78], undefined, rows, measure.indicators.length > 0 ? 'with-next' : 'together'));
  if (measure.indicators.length > 0) {
    children.push(new Paragraph({ spacing: { before: 120, after: 60 }, keepNext: true, children: [text('Indicators', { bold: true, size: 18 })] }));
    children.push(
      table(
        [0.52, 0.16, 0.16, 0.16],
        ['Indicator', 'Baseline', 'Target', 'By'],
        measure.indicators.map((indicator) => [indicator.name ?? '', indicator.baseline ?? '', indicator.target ?? '', indicator.by ?? '']),
      ),
    );
  }
  children.push(spacer());
  return children;
}

function annex(data: ExportData): Array<Paragraph | Table> {
  const { report } = data;
  const summary = report.summary;
  const children: Array<Paragraph | Table> = [
    heading(`Annex. Coverage of the Recommendation ${report.instrument.id}`, HeadingLevel.HEADING_1, true),
    paragraph(
      `The measures of this strategy address ${summary.unitsAddressed} of the ${summary.units} clauses of the ${report.instrument.title} (adopted ${report.instrument.adopted}); ${summary.unitsComplete} of them by a measure with a lead and an indicator. This is what the strategy declares, not an assessment by dgs. Part titles are short titles of dgs; the texts quoted are the Recommendation's, verbatim.`,
    ),
  ];
  const units = allUnits(data);
  const measuresOf = (indices: number[]): string => indices.map((index) => measureLabel(data.measures[index])).join(', ') || 'none';
  for (const part of report.parts) {
    children.push(heading(`Part ${part.numeral}. ${part.title}`, HeadingLevel.HEADING_2));
    children.push(paragraph(part.leadIn, { italics: true }));
    for (const recommendation of part.recommendations) {
      children.push(new Paragraph({ keepNext: true, spacing: { before: 160, after: 80 }, children: [text(`${recommendation.number}. `, { bold: true }), text(recommendation.text)] }));
      children.push(
        table(
          [0.1, 0.54, 0.18, 0.18],
          ['Clause', 'Text of the Recommendation', 'Addressed by', 'Status'],
          units
            .filter((unit) => unit.recommendation === recommendation.number)
            .map((unit) => [unit.ref, recommendation.hasClauses ? unit.text : 'The recommendation as a whole.', measuresOf(unit.measures), CLAUSE_STATUS_WORDS[data.clauseStatus[unit.ref]]]),
        ),
      );
    }
  }
  children.push(heading('Clauses that do not apply', HeadingLevel.HEADING_2));
  if (data.notApplicable.length === 0) children.push(paragraph('The strategy declares every clause applicable.'));
  else children.push(table([0.12, 0.58, 0.3], ['Clause', 'Reason', 'Handled by'], data.notApplicable.map((item) => [item.clause, item.reason ?? 'no reason given', item.handledBy ?? ''])));
  children.push(heading('Open findings', HeadingLevel.HEADING_2));
  const findings = [...report.findings.error, ...report.findings.warning, ...report.findings.info].sort((a, b) => a.line - b.line || a.column - b.column);
  if (findings.length === 0) children.push(paragraph(`dgs ${data.generated.version} reports no finding in this strategy.`));
  else {
    children.push(paragraph(`dgs ${data.generated.version} reports ${findings.length} finding${findings.length === 1 ? '' : 's'} in ${report.file} (line numbers of that file).`));
    children.push(table([0.08, 0.12, 0.22, 0.58], ['Line', 'Severity', 'Rule', 'Finding'], findings.map((finding) => [String(finding.line), finding.severity, finding.rule, finding.message])));
  }
  return children;
}
