/**
 * The coverage matrix as an SVG picture: the coverage units down, the measures across, a mark
 * where a measure addresses a unit. Beyond `MAX_MEASURE_COLUMNS` measures, one column per
 * section instead, with the number of its measures that address each unit. The picture has
 * a text alternative (its `<title>` and `<desc>`) that says, unit by unit, what it shows.
 */
import { CoverageReportData, CoverageStatus, measureLabel } from './data';
import { escapeHtml } from './escape';

/** More measures than this are drawn one column per section, so the picture stays legible. */
export const MAX_MEASURE_COLUMNS = 60;

interface Column {
  label: string;
  /** The number of the recommendation whose section the column's measures are written in. */
  recommendation: number;
  measures: number[];
}

interface Row {
  ref: string;
  recommendation: number;
  part: string;
  status: CoverageStatus;
  measures: Set<number>;
  y: number;
}

const COLOURS = {
  text: '#1b1f24',
  muted: '#4a5560',
  grid: '#dde2e8',
  home: '#e9eff7',
  bandA: '#d3dde9',
  bandB: '#e6ecf3',
  accountable: '#1f4e8c',
  incomplete: '#b45309',
  incompleteFill: '#fdf3e6',
  missingRow: '#fdeeee',
  status: { complete: '#0a5c2a', partial: '#8a4600', none: '#a11b1b' } as Record<CoverageStatus, string>,
};

const GLYPH: Record<CoverageStatus, string> = { complete: '✔', partial: '◐', none: '✖' };

function columnsOf(data: CoverageReportData): { columns: Column[]; grouped: boolean } {
  if (data.measures.length <= MAX_MEASURE_COLUMNS) {
    return {
      grouped: false,
      columns: data.measures.map((measure) => ({ label: measureLabel(measure), recommendation: measure.recommendation, measures: [measure.index] })),
    };
  }
  const columns: Column[] = [];
  for (const part of data.parts) {
    for (const recommendation of part.recommendations) {
      const measures = data.measures.filter((measure) => measure.recommendation === recommendation.number).map((measure) => measure.index);
      if (measures.length > 0) columns.push({ label: String(recommendation.number), recommendation: recommendation.number, measures });
    }
  }
  return { grouped: true, columns };
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** The picture's text alternative: what each row shows, in words. */
function description(data: CoverageReportData, grouped: boolean): string {
  const lines = [
    `Rows: the ${data.summary.units} clauses of the Recommendation. Columns: ${grouped ? `the ${data.measures.length} measures, grouped by the section they are written in` : `the ${data.measures.length} measures, in the order of the file`}. ${data.summary.unitsAddressed} of ${data.summary.units} clauses are addressed.`,
  ];
  for (const part of data.parts) {
    for (const recommendation of part.recommendations) {
      for (const unit of recommendation.units) {
        const names = unit.measures.map((index) => {
          const measure = data.measures[index];
          return `${measureLabel(measure)}${measure.accountable ? '' : ' (without lead or indicator)'}`;
        });
        lines.push(`${unit.ref}: ${names.length > 0 ? `addressed by ${names.join(', ')}` : 'not addressed'}.`);
      }
    }
  }
  return lines.join(' ');
}

function svg(data: CoverageReportData): string {
  const { columns, grouped } = columnsOf(data);
  const rows: Row[] = [];
  const partGap = 10;
  const rowHeight = 20;
  const columnWidth = columns.length === 0 ? 0 : grouped ? 30 : Math.max(6, Math.min(22, Math.floor(760 / columns.length)));
  const showIds = !grouped && columnWidth >= 12;
  const longest = Math.max(0, ...columns.map((column) => truncate(column.label, 12).length));
  const idHeight = showIds ? Math.min(96, 12 + Math.ceil(longest * 6.8)) : 0;
  const bandHeight = 22;
  const top = 4;
  const partBand = 26;
  const labelWidth = 50;
  const gridX = partBand + labelWidth;
  const gridY = top + idHeight + bandHeight + 4;
  const gridWidth = columns.length * columnWidth;

  let y = gridY;
  const partRanges: { numeral: string; from: number; to: number }[] = [];
  data.parts.forEach((part, index) => {
    if (index > 0) y += partGap;
    const from = y;
    for (const recommendation of part.recommendations) {
      for (const unit of recommendation.units) {
        rows.push({ ref: unit.ref, recommendation: recommendation.number, part: part.key, status: unit.status, measures: new Set(unit.measures), y });
        y += rowHeight;
      }
    }
    partRanges.push({ numeral: part.numeral, from, to: y });
  });
  const gridBottom = y;
  const statsX = gridX + gridWidth + 12;
  const width = statsX + 118;
  const height = gridBottom + 8;

  const out: string[] = [];
  const text = (x: number, ty: number, content: string, attributes = ''): void => {
    out.push(`<text x="${x}" y="${ty}"${attributes ? ` ${attributes}` : ''}>${escapeHtml(content)}</text>`);
  };

  // Column bands: runs of columns written in the same section, labelled with its number.
  let start = 0;
  let band = 0;
  while (start < columns.length) {
    let end = start;
    while (end + 1 < columns.length && columns[end + 1].recommendation === columns[start].recommendation) end++;
    const x = gridX + start * columnWidth;
    const w = (end - start + 1) * columnWidth;
    const recommendation = columns[start].recommendation;
    out.push(`<rect x="${x}" y="${top + idHeight}" width="${w}" height="${bandHeight}" fill="${band % 2 === 0 ? COLOURS.bandA : COLOURS.bandB}"/>`);
    if (w >= 12) text(x + w / 2, top + idHeight + 15, String(recommendation), 'text-anchor="middle" font-size="12" font-weight="700"');
    // The section's own units: a tinted block, so that measures addressing other sections stand out.
    const own = rows.filter((row) => row.recommendation === recommendation);
    if (own.length > 0) {
      out.push(`<rect x="${x}" y="${own[0].y}" width="${w}" height="${own[own.length - 1].y + rowHeight - own[0].y}" fill="${COLOURS.home}"/>`);
    }
    band++;
    start = end + 1;
  }

  // Rows of units nobody addresses, tinted across the whole grid so that gaps show at a glance.
  for (const row of rows) {
    if (row.status === 'none') out.push(`<rect x="${partBand}" y="${row.y}" width="${labelWidth + gridWidth}" height="${rowHeight}" fill="${COLOURS.missingRow}"/>`);
  }

  // Measure ids, written upwards above their columns.
  if (showIds) {
    columns.forEach((column, index) => {
      const x = gridX + index * columnWidth + columnWidth / 2 + 4;
      text(x, top + idHeight - 4, truncate(column.label, 12), `transform="rotate(-90 ${x} ${top + idHeight - 4})" font-size="11" font-family="DejaVu Sans Mono, Liberation Mono, monospace"`);
    });
  }

  // Grid lines.
  for (const range of partRanges) {
    for (let ly = range.from; ly <= range.to; ly += rowHeight) {
      out.push(`<line x1="${gridX}" y1="${ly}" x2="${gridX + gridWidth}" y2="${ly}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
    }
    if (columnWidth >= 10) {
      for (let index = 0; index <= columns.length; index++) {
        const lx = gridX + index * columnWidth;
        out.push(`<line x1="${lx}" y1="${range.from}" x2="${lx}" y2="${range.to}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
      }
    }
    // The part's numeral, in a band on the left.
    out.push(`<rect x="0" y="${range.from}" width="${partBand - 4}" height="${range.to - range.from}" rx="3" fill="${COLOURS.bandA}"/>`);
    text((partBand - 4) / 2, (range.from + range.to) / 2 + 4, range.numeral, 'text-anchor="middle" font-size="12" font-weight="700"');
  }

  // Unit labels, marks and per-row counts.
  const inset = columnWidth >= 10 ? 3 : 1;
  for (const row of rows) {
    const colour = row.status === 'none' ? COLOURS.status.none : COLOURS.text;
    text(gridX - 8, row.y + 14, row.ref, `text-anchor="end" font-size="12" fill="${colour}"${row.status === 'none' ? ' font-weight="700"' : ''}`);
    let count = 0;
    columns.forEach((column, index) => {
      const addressing = column.measures.filter((measure) => row.measures.has(measure));
      if (addressing.length === 0) return;
      count += addressing.length;
      const accountable = addressing.some((measure) => data.measures[measure].accountable);
      const x = gridX + index * columnWidth + inset;
      const w = columnWidth - 2 * inset;
      const h = rowHeight - 2 * inset - 2;
      const cy = row.y + inset + 1;
      if (accountable) out.push(`<rect x="${x}" y="${cy}" width="${w}" height="${h}" rx="2" fill="${COLOURS.accountable}"/>`);
      else out.push(`<rect x="${x + 0.75}" y="${cy + 0.75}" width="${Math.max(1, w - 1.5)}" height="${h - 1.5}" rx="2" fill="${COLOURS.incompleteFill}" stroke="${COLOURS.incomplete}" stroke-width="1.5"/>`);
      if (grouped) {
        text(x + w / 2, row.y + 14, String(addressing.length), `text-anchor="middle" font-size="11" font-weight="700" fill="${accountable ? '#ffffff' : COLOURS.text}"`);
      }
    });
    text(statsX, row.y + 14, GLYPH[row.status], `font-size="13" fill="${COLOURS.status[row.status]}"`);
    text(statsX + 18, row.y + 14, count === 0 ? 'none' : `${count} measure${count === 1 ? '' : 's'}`, `font-size="12" fill="${row.status === 'none' ? COLOURS.status.none : COLOURS.muted}"`);
  }
  if (columns.length === 0) text(gridX + 8, gridY + 14, 'No measures yet.', `font-size="12" fill="${COLOURS.muted}"`);

  // Axis captions.
  text(gridX - 8, top + idHeight + 15, 'Clause', `text-anchor="end" font-size="11" fill="${COLOURS.muted}"`);
  text(statsX, top + idHeight + 15, 'Measures', `font-size="11" fill="${COLOURS.muted}"`);

  const title = `Coverage matrix: ${data.summary.units} clauses by ${data.measures.length} measures`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="matrix-svg-title matrix-svg-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, DejaVu Sans, Liberation Sans, Arial, sans-serif" fill="${COLOURS.text}">
<title id="matrix-svg-title">${escapeHtml(title)}</title>
<desc id="matrix-svg-desc">${escapeHtml(description(data, grouped))}</desc>
${out.join('\n')}
</svg>`;
}

function legendSwatch(kind: 'accountable' | 'incomplete' | 'home' | 'missing'): string {
  const shape = {
    accountable: `<rect x="2" y="2" width="12" height="12" rx="2" fill="${COLOURS.accountable}"/>`,
    incomplete: `<rect x="2.75" y="2.75" width="10.5" height="10.5" rx="2" fill="${COLOURS.incompleteFill}" stroke="${COLOURS.incomplete}" stroke-width="1.5"/>`,
    home: `<rect x="0" y="0" width="16" height="16" fill="${COLOURS.home}" stroke="${COLOURS.grid}"/>`,
    missing: `<rect x="0" y="0" width="16" height="16" fill="${COLOURS.missingRow}" stroke="${COLOURS.grid}"/>`,
  }[kind];
  return `<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${shape}</svg>`;
}

/** The matrix with its legend and caption, ready to sit in the report's page. */
export function matrixFigure(data: CoverageReportData): string {
  const { grouped } = columnsOf(data);
  const how = grouped
    ? `The strategy has ${data.measures.length} measures, more than ${MAX_MEASURE_COLUMNS}: each column is a section (numbered as its recommendation), and a mark gives how many of its measures address the clause.`
    : 'Each column is a measure, in the order of the file, under the number of the section it is written in.';
  return `<figure class="matrix">
<div class="matrix-box">${svg(data)}</div>
<figcaption>Clauses of the Recommendation (rows, by part) against the strategy's measures (columns). ${escapeHtml(how)} Each row ends with the clause's status (<span aria-hidden="true">${GLYPH.complete} </span>addressed by a measure with a lead and an indicator; <span aria-hidden="true">${GLYPH.partial} </span>addressed only by measures that lack one; <span aria-hidden="true">${GLYPH.none} </span>not addressed) and the number of measures that address it. The tables below say the same in words.
<ul class="legend">
<li>${legendSwatch('accountable')}A measure with a lead and an indicator addresses the clause</li>
<li>${legendSwatch('incomplete')}A measure without a lead or an indicator addresses it</li>
<li>${legendSwatch('home')}The clauses of the section the measure is written in</li>
<li>${legendSwatch('missing')}A clause no measure addresses</li>
</ul></figcaption>
</figure>`;
}
