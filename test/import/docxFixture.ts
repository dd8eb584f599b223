/**
 * Word documents for the import tests and the evaluation, made with the `docx` library from
 * a small line format, so that the corpus is readable text in the repository and real Word
 * files (heading styles, Word numbering, bold runs, tables) when the tests run:
 *
 *   title: …   subtitle: …   h1: … h2: … h3: …   p: …   bold: … (a paragraph all in bold, no style)
 *   ol: … ol2: …  (numbered, two levels)   ul: … ul2: … (bulleted)   table: a | b | c (first row: header)
 *
 * `**…**` inside a line is a bold run.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

function runs(text: string, bold = false): TextRun[] {
  return text.split(/(\*\*[^*]+\*\*)/).filter((part) => part !== '').map((part) =>
    part.startsWith('**') ? new TextRun({ text: part.slice(2, -2), bold: true }) : new TextRun({ text: part, bold }),
  );
}

const HEADINGS: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  title: HeadingLevel.TITLE,
  h1: HeadingLevel.HEADING_1,
  h2: HeadingLevel.HEADING_2,
  h3: HeadingLevel.HEADING_3,
};

export async function buildDocx(spec: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let table: string[][] = [];
  const flushTable = (): void => {
    if (table.length === 0) return;
    children.push(new Table({ rows: table.map((cells) => new TableRow({ children: cells.map((cell) => new TableCell({ children: [new Paragraph({ children: runs(cell) })] })) })) }));
    table = [];
  };
  for (const line of spec.split('\n')) {
    const match = /^([a-z0-9]+):\s?(.*)$/.exec(line);
    if (!match) continue;
    const [, kind, text] = match;
    if (kind === 'table') {
      table.push(text.split('|').map((cell) => cell.trim()));
      continue;
    }
    flushTable();
    if (HEADINGS[kind]) children.push(new Paragraph({ heading: HEADINGS[kind], children: runs(text) }));
    else if (kind === 'subtitle') children.push(new Paragraph({ style: 'Subtitle', children: runs(text) }));
    else if (kind === 'bold') children.push(new Paragraph({ children: runs(text, true) }));
    else if (kind === 'ol' || kind === 'ol2') children.push(new Paragraph({ numbering: { reference: 'numbered', level: kind === 'ol' ? 0 : 1 }, children: runs(text) }));
    else if (kind === 'ul' || kind === 'ul2') children.push(new Paragraph({ numbering: { reference: 'bullets', level: kind === 'ul' ? 0 : 1 }, children: runs(text) }));
    else children.push(new Paragraph({ children: runs(text) }));
  }
  flushTable();
  const level = (index: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: index,
    format,
    text,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (index + 1), hanging: 360 } } },
  });
  const document = new Document({
    numbering: {
      config: [
        { reference: 'numbered', levels: [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.LOWER_LETTER, '%2)')] },
        { reference: 'bullets', levels: [level(0, LevelFormat.BULLET, '•'), level(1, LevelFormat.BULLET, '–')] },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
