/**
 * The coverage report as one standalone, printable HTML page: inline styles, no script, no
 * external resource, so that it can be mailed, archived, printed or shown in a webview.
 * Every text from the strategy or the schema goes through `escapeHtml`; the only markup is
 * this module's own. Measures, clauses and findings carry `data-dgs-*` attributes (see
 * `REPORT_LINK_ATTRIBUTES` in protocol.ts) that a webview turns into links to the file.
 */
import { budgetText, CoverageReportData, dueText, CoverageStatus, FindingInfo, IndicatorInfo, MeasureInfo, measureFacts, measureLabel, PartReport, RecommendationReport, SEVERITIES, STATUS_WORDS, UnitReport, unitNotes } from './data';
import { escapeHtml } from './escape';
import { matrixFigure } from './matrix';

export { escapeHtml };

const STATUS_GLYPH: Record<CoverageStatus, string> = { complete: '✔', partial: '◐', none: '✖' };
const SEVERITY_WORDS = { error: 'Errors', warning: 'Warnings', info: 'Information' } as const;

function badge(status: CoverageStatus, words: 'recommendation' | 'unit'): string {
  return `<span class="badge s-${status}"><span aria-hidden="true">${STATUS_GLYPH[status]}</span> ${escapeHtml(STATUS_WORDS[status][words])}</span>`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function recommendationId(recommendation: RecommendationReport): string {
  return `rec-${recommendation.number}`;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1b1f24; background: #ffffff; }
a { color: #0b4f9c; }
a:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
code, .mid { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 0.92em; }
.skip { position: absolute; left: -10000px; top: 0; background: #ffffff; color: #0b4f9c; padding: 6px 10px; z-index: 2; }
.skip:focus { left: 8px; top: 8px; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.banner { background: #12355b; color: #ffffff; padding: 22px 32px 20px; }
.banner .eyebrow { margin: 0; font-size: 13px; letter-spacing: 0.04em; text-transform: uppercase; color: #d6e3f1; }
.banner h1 { margin: 2px 0 6px; font-size: 28px; line-height: 1.25; }
.banner .meta { margin: 0; color: #e8eff7; }
.banner .meta span + span::before { content: " · "; color: #a9c0da; }
.banner .source { margin: 6px 0 0; font-size: 13px; color: #d6e3f1; }
.banner code { color: #ffffff; }
.layout { display: grid; grid-template-columns: 250px minmax(0, 1fr); max-width: 1320px; margin: 0 auto; }
.toc { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; padding: 20px 16px 20px 24px; border-right: 1px solid #d8dee4; font-size: 14px; }
.toc h2 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: #4a5560; margin: 0 0 8px; border: 0; padding: 0; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc ol ol { margin: 2px 0 6px 10px; }
.toc li { margin: 2px 0; }
.toc a { text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.toc .g-complete { color: #0a5c2a; } .toc .g-partial { color: #8a4600; } .toc .g-none { color: #a11b1b; }
main { padding: 8px 32px 48px; min-width: 0; }
h2 { font-size: 22px; line-height: 1.3; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid #12355b; }
h3 { font-size: 18px; line-height: 1.35; margin: 28px 0 8px; }
.lead-in { font-style: italic; color: #333a42; margin: 0 0 8px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr)); gap: 14px; margin: 12px 0 18px; }
.figure { border: 1px solid #d0d7de; border-radius: 8px; padding: 12px 16px; background: #fbfcfd; }
.figure p { margin: 0; }
.figure .big { font-size: 30px; font-weight: 700; line-height: 1.15; color: #12355b; }
.figure .of { font-size: 16px; font-weight: 600; color: #4a5560; }
.figure .what { color: #333a42; margin-bottom: 8px; }
.bar { height: 10px; background: #e3e7ec; border-radius: 5px; overflow: hidden; }
.bar span { display: block; height: 100%; background: #1f4e8c; }
.bar.alt span { background: #2f7d4f; }
.counts li { white-space: nowrap; }
.counts { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 18px; font-size: 14px; }
caption { text-align: left; font-weight: 600; padding: 2px 0 6px; color: #333a42; }
th, td { border: 1px solid #d0d7de; padding: 6px 8px; vertical-align: top; text-align: left; }
thead th { background: #eef2f6; font-weight: 600; }
tbody th[scope="row"] { background: #f7f9fb; white-space: nowrap; font-weight: 600; }
tbody th.rec { white-space: normal; font-weight: 400; background: transparent; }
td.num, td.nowrap { text-align: right; white-space: nowrap; }
td.nowrap { text-align: left; }
table.units, table.findings { table-layout: fixed; }
.table-scroll { overflow-x: auto; margin: 6px 0 18px; }
.table-scroll table { margin: 0; }
.table-scroll:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
table.units td .badge { white-space: normal; border-radius: 6px; }
td.clause { max-width: 34em; }
tr.none td.clause { background: #fff7f7; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 11px; font-weight: 600; font-size: 13px; line-height: 1.5; border: 1px solid; white-space: nowrap; vertical-align: 0.1em; }
.s-complete { color: #0a5c2a; background: #e3f3e8; border-color: #6fb98a; }
.s-partial { color: #7a3e00; background: #fff1db; border-color: #d89b45; }
.s-none { color: #9b1c1c; background: #fde8e8; border-color: #e08f8f; }
blockquote.verbatim { margin: 8px 0 10px; padding: 8px 14px; border-left: 4px solid #7d9cc0; background: #f4f7fb; }
blockquote.verbatim p { margin: 0; }
.note { color: #4a5560; margin: 4px 0; }
.measures { list-style: none; margin: 0; padding: 0; }
.measures > li + li { border-top: 1px dashed #c7cfd8; margin-top: 8px; padding-top: 8px; }
.mid { font-weight: 700; color: #12355b; }
.where { font-size: 12px; color: #4a5560; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 1px 10px; margin: 4px 0 0; font-size: 13px; }
dl.facts dt { color: #4a5560; }
dl.facts dd { margin: 0; }
dl.facts ul { margin: 0; padding-left: 1.1em; }
.warn { color: #9b1c1c; font-weight: 600; }
.legend { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 6px 20px; font-size: 13px; color: #333a42; }
.legend svg { vertical-align: -3px; margin-right: 4px; }
figure.matrix { margin: 8px 0 16px; }
.matrix-box { width: fit-content; max-width: 100%; border: 1px solid #d0d7de; border-radius: 8px; padding: 10px; background: #ffffff; }
.matrix-box svg { display: block; max-width: 100%; height: auto; }
figure.matrix figcaption { font-size: 14px; color: #333a42; margin-top: 8px; }
footer { border-top: 1px solid #d8dee4; color: #4a5560; font-size: 13px; padding: 14px 32px 28px; max-width: 1320px; margin: 0 auto; }
@media screen and (max-width: 900px) {
  .layout { display: block; }
  .toc { position: static; max-height: none; border-right: 0; border-bottom: 1px solid #d8dee4; }
  main { padding: 8px 16px 32px; }
  .banner { padding: 18px 16px; }
  table { font-size: 13px; }
  table col { width: auto !important; }
  table.units, table.findings { table-layout: auto; }
  th, td { padding: 4px 5px; }
  td { overflow-wrap: anywhere; }
  .badge, td.num, td.nowrap { white-space: normal; }
  footer { padding: 14px 16px 24px; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10pt; }
  .figures { grid-template-columns: repeat(4, 1fr); gap: 8px; }
  .figure { padding: 8px 10px; }
  .figure .big { font-size: 22px; }
  .toc, .skip { display: none; }
  .layout { display: block; max-width: none; }
  .banner { background: #ffffff; color: #000000; padding: 0 0 8px; border-bottom: 2px solid #000000; }
  .banner .eyebrow, .banner .meta, .banner .source, .banner code { color: #000000; }
  main { padding: 0; }
  h2 { break-after: avoid; margin-top: 20px; }
  h3 { break-after: avoid; }
  tr, .figure, figure.matrix, blockquote { break-inside: avoid; }
  .part { break-before: page; }
  .matrix-box { border: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
  footer { padding: 8px 0 0; }
}
`;

function header(data: CoverageReportData): string {
  const { strategy, instrument } = data;
  const meta: string[] = [];
  if (strategy.government) meta.push(escapeHtml(strategy.government));
  if (strategy.level) meta.push(`${escapeHtml(strategy.level)} level`);
  if (strategy.period) meta.push(`${strategy.period.from}–${strategy.period.to}`);
  if (strategy.status) meta.push(`status: ${escapeHtml(strategy.status)}`);
  if (strategy.lead) meta.push(`lead: ${escapeHtml(strategy.lead)}`);
  return `<header class="banner">
<p class="eyebrow">Coverage report · ${escapeHtml(instrument.id)}</p>
<h1>${escapeHtml(strategy.title ?? 'Untitled strategy')}</h1>
${meta.length > 0 ? `<p class="meta">${meta.map((item) => `<span>${item}</span>`).join('')}</p>` : ''}
<p class="source">File <code>${escapeHtml(data.file)}</code>, checked against the ${escapeHtml(instrument.title)} (${escapeHtml(instrument.id)}, adopted ${escapeHtml(instrument.adopted)}).</p>
<p class="statement">${escapeHtml(data.statement.text)} Report made on ${escapeHtml(data.statement.madeOn)} by dgs ${escapeHtml(data.statement.dgsVersion)}. Part and recommendation titles are short titles of dgs; quoted texts are the Recommendation's, verbatim. Budget overall: ${escapeHtml(budgetText(data.budgets.overall))}.</p>
</header>`;
}

function toc(data: CoverageReportData): string {
  const parts = data.parts
    .map((part) => {
      const items = part.recommendations
        .map(
          (recommendation) =>
            `<li><a href="#${recommendationId(recommendation)}"><span class="g-${recommendation.status}" aria-hidden="true">${STATUS_GLYPH[recommendation.status]}</span> ${recommendation.number}. ${escapeHtml(recommendation.title)}<span class="sr"> (${escapeHtml(STATUS_WORDS[recommendation.status].recommendation)})</span></a></li>`,
        )
        .join('\n');
      return `<li><a href="#part-${escapeHtml(part.key)}">Part ${escapeHtml(part.numeral)}. ${escapeHtml(part.title)}</a><ol>\n${items}\n</ol></li>`;
    })
    .join('\n');
  return `<nav class="toc" aria-labelledby="toc-heading">
<h2 id="toc-heading">Contents</h2>
<ol>
<li><a href="#summary">Summary</a></li>
<li><a href="#matrix">Coverage matrix</a></li>
${parts}
<li><a href="#measures">All measures</a></li>
<li><a href="#findings">Open findings (${data.summary.findings.total})</a></li>
</ol>
</nav>`;
}

function summary(data: CoverageReportData): string {
  const s = data.summary;
  const bar = (percent: number, alt = false): string =>
    `<div class="bar${alt ? ' alt' : ''}" aria-hidden="true"><span style="width:${Math.max(0, Math.min(100, percent))}%"></span></div>`;
  const rows = data.parts
    .flatMap((part) => part.recommendations)
    .map(
      (recommendation) =>
        `<tr><th scope="row" class="rec"><a href="#${recommendationId(recommendation)}">${recommendation.number}. ${escapeHtml(recommendation.title)}</a></th><td class="num">${recommendation.unitsAddressed} of ${recommendation.units.length}</td><td class="num">${recommendation.unitsComplete} of ${recommendation.units.length}</td><td>${badge(recommendation.status, 'recommendation')}</td></tr>`,
    )
    .join('\n');
  return `<section id="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">Summary</h2>
<div class="figures">
<div class="figure"><p class="big">${s.unitsAddressed} <span class="of">of ${s.units}</span></p><p class="what">clauses addressed (${s.percentAddressed}&#160;%)</p>${bar(s.percentAddressed)}</div>
<div class="figure"><p class="big">${s.unitsComplete} <span class="of">of ${s.units}</span></p><p class="what">clauses addressed by a measure with a lead and an indicator (${s.percentComplete}&#160;%)</p>${bar(s.percentComplete, true)}</div>
<div class="figure"><p class="what">Recommendations (${s.recommendations.total})</p><ul class="counts">
<li>${badge('complete', 'recommendation')} ${s.recommendations.complete}</li>
<li>${badge('partial', 'recommendation')} ${s.recommendations.partial}</li>
<li>${badge('none', 'recommendation')} ${s.recommendations.none}</li>
</ul></div>
<div class="figure"><p class="what"><a href="#findings">Open findings</a> (${s.findings.total})</p><ul class="counts">
<li><strong>${s.findings.error}</strong> ${s.findings.error === 1 ? 'error' : 'errors'}</li>
<li><strong>${s.findings.warning}</strong> ${s.findings.warning === 1 ? 'warning' : 'warnings'}</li>
<li><strong>${s.findings.info}</strong> information</li>
</ul></div>
</div>
<p class="note">The strategy has ${plural(s.measures, 'measure', 'measures')}. A recommendation is <strong>complete</strong> when each of its clauses is addressed by at least one measure that has a lead and an indicator with a target; <strong>partly addressed</strong> when some clause is addressed, but not all of them that way; <strong>not addressed</strong> when no measure addresses any of its clauses.</p>
<div class="table-scroll" role="region" aria-labelledby="glance-caption" tabindex="0">
<table>
<caption id="glance-caption">The ${s.recommendations.total} recommendations at a glance</caption>
<thead><tr><th scope="col">Recommendation</th><th scope="col">Addressed</th><th scope="col">With lead and indicator</th><th scope="col">Status</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
</section>`;
}

function indicatorHtml(indicator: IndicatorInfo): string {
  const values: string[] = [];
  if (indicator.baseline !== undefined) values.push(`from ${escapeHtml(indicator.baseline)}`);
  if (indicator.target !== undefined) values.push(`to ${escapeHtml(indicator.target)}`);
  else values.push('<span class="warn">no target</span>');
  if (indicator.by !== undefined) values.push(`by ${escapeHtml(indicator.by)}`);
  return `<li>${escapeHtml(indicator.name ?? '(unnamed indicator)')}: ${values.join(' ')}</li>`;
}

function measureHtml(measure: MeasureInfo, recommendation: RecommendationReport): string {
  const where = measure.section !== recommendation.section ? ` <span class="where">(in ${escapeHtml(measure.section)})</span>` : '';
  const title = measure.title !== undefined ? ` ${escapeHtml(measure.title)}` : ' <span class="warn">(no title)</span>';
  const lead = measure.lead !== undefined ? escapeHtml(measure.lead) : '<span class="warn"><span aria-hidden="true">⚠</span> No lead</span>';
  const due = measure.due !== undefined ? escapeHtml(dueText(measure)!) : 'not set';
  const indicators =
    measure.indicators.length > 0
      ? `<ul>${measure.indicators.map(indicatorHtml).join('')}</ul>`
      : '<span class="warn"><span aria-hidden="true">⚠</span> None</span>';
  const status =
    (measure.status !== undefined ? `<dt>Status</dt><dd>${escapeHtml(measure.status)}</dd>` : '') +
    measureFacts(measure)
      .map(([label, text]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(text)}</dd>`)
      .join('');
  return `<li data-dgs-measure="${measure.index}"><span class="mid">${escapeHtml(measureLabel(measure))}</span>${title}${where}
<dl class="facts"><dt>Lead</dt><dd>${lead}</dd><dt>Due</dt><dd>${due}</dd><dt>Indicators</dt><dd>${indicators}</dd>${status}</dl></li>`;
}

function unitRow(data: CoverageReportData, unit: UnitReport, recommendation: RecommendationReport): string {
  const listed = [...unit.measures, ...unit.inactive];
  const measures =
    listed.length > 0
      ? `<ul class="measures">${listed.map((index) => measureHtml(data.measures[index], recommendation)).join('\n')}</ul>`
      : unit.coverage === 'not-applicable'
        ? ''
        : '<span class="warn">No measure addresses this clause.</span>';
  const notes = unitNotes(data, unit)
    .map((note) => `<p class="note">${escapeHtml(note)}</p>`)
    .join('');
  const shown = unit.coverage === 'not-applicable' ? '<span class="badge">Not applicable</span>' : badge(unit.status, 'unit');
  return `<tr class="${unit.status}" data-dgs-clause="${escapeHtml(unit.ref)}"><th scope="row">${escapeHtml(unit.ref)}</th><td class="clause">${escapeHtml(unit.text)}</td><td>${measures}</td><td>${shown}${notes}</td></tr>`;
}

function recommendationHtml(data: CoverageReportData, recommendation: RecommendationReport): string {
  const id = recommendationId(recommendation);
  const count = recommendation.units.length;
  const presence = recommendation.present
    ? `Section <code>${escapeHtml(recommendation.section)}</code>.`
    : `<span class="warn">The strategy has no section <code>${escapeHtml(recommendation.section)}</code>.</span>`;
  const facts = `${recommendation.unitsAddressed} of ${plural(count, 'clause', 'clauses')} addressed, ${recommendation.unitsComplete} by a measure with a lead and an indicator. ${presence}`;
  const stem = recommendation.hasClauses ? `<blockquote class="verbatim"><p>${escapeHtml(recommendation.text)}</p></blockquote>` : '';
  const summaryText = recommendation.summary ? `\n<p class="section-summary">The strategy's summary: ${escapeHtml(recommendation.summary)}</p>` : '';
  const budget = `<p class="note budget">Budget: ${escapeHtml(budgetText(data.budgets.byRecommendation[recommendation.number]))}.</p>`;
  return `<section id="${id}" aria-labelledby="${id}-heading">
<h3 id="${id}-heading">${recommendation.number}. ${escapeHtml(recommendation.title)} ${badge(recommendation.status, 'recommendation')}</h3>
<p class="note">${facts}</p>
${stem}${summaryText}
${budget}
<div class="table-scroll" role="region" aria-labelledby="${id}-units" tabindex="0">
<table class="units">
<caption id="${id}-units">Recommendation ${recommendation.number}, ${recommendation.hasClauses ? 'clause by clause' : 'its text'}, with the measures that address it</caption>
<colgroup><col style="width:5.2em"><col style="width:38%"><col><col style="width:10.5em"></colgroup>
<thead><tr><th scope="col">Clause</th><th scope="col">Text (verbatim)</th><th scope="col">Measures that address it</th><th scope="col">Status</th></tr></thead>
<tbody>
${recommendation.units.map((unit) => unitRow(data, unit, recommendation)).join('\n')}
</tbody>
</table>
</div>
</section>`;
}

function partHtml(data: CoverageReportData, part: PartReport): string {
  return `<section class="part" id="part-${escapeHtml(part.key)}" aria-labelledby="part-${escapeHtml(part.key)}-heading">
<h2 id="part-${escapeHtml(part.key)}-heading">Part ${escapeHtml(part.numeral)}. ${escapeHtml(part.title)}</h2>
<p class="lead-in">${escapeHtml(part.leadIn)}</p>
<p class="note budget">Budget of the part: ${escapeHtml(budgetText(data.budgets.byPart[part.key]))}.</p>
${part.recommendations.map((recommendation) => recommendationHtml(data, recommendation)).join('\n')}
</section>`;
}

function measuresHtml(data: CoverageReportData): string {
  if (data.measures.length === 0) {
    return `<section id="measures" aria-labelledby="measures-heading"><h2 id="measures-heading">All measures</h2><p>The strategy has no measures yet.</p></section>`;
  }
  const rows = data.measures
    .map((measure) => {
      const indicators = measure.indicators.length > 0 ? String(measure.indicators.length) : '<span class="warn">none</span>';
      return `<tr data-dgs-measure="${measure.index}"><th scope="row"><span class="mid">${escapeHtml(measureLabel(measure))}</span></th><td>${measure.title !== undefined ? escapeHtml(measure.title) : ''}</td><td>${escapeHtml(measure.section)}</td><td>${measure.lead !== undefined ? escapeHtml(measure.lead) : '<span class="warn">none</span>'}</td><td class="nowrap">${measure.due !== undefined ? escapeHtml(dueText(measure)!) : ''}</td><td class="num">${indicators}</td><td>${measure.units.length > 0 ? measure.units.map(escapeHtml).join(', ') : '<span class="warn">none</span>'}</td><td class="num">${measure.line}</td></tr>`;
    })
    .join('\n');
  return `<section id="measures" aria-labelledby="measures-heading">
<h2 id="measures-heading">All measures</h2>
<div class="table-scroll" role="region" aria-labelledby="measures-caption" tabindex="0">
<table>
<caption id="measures-caption">${plural(data.measures.length, 'measure', 'measures')}, in the order of the file</caption>
<thead><tr><th scope="col">Measure</th><th scope="col">Title</th><th scope="col">Section</th><th scope="col">Lead</th><th scope="col">Due</th><th scope="col">Indicators</th><th scope="col">Clauses addressed</th><th scope="col">Line</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
</section>`;
}

function findingRow(finding: FindingInfo): string {
  return `<tr data-dgs-finding="${finding.line}:${finding.column}"><td class="num">${finding.line}:${finding.column}</td><td><code>${escapeHtml(finding.rule)}</code></td><td>${escapeHtml(finding.message)}</td></tr>`;
}

function findingsHtml(data: CoverageReportData): string {
  const groups = SEVERITIES.filter((severity) => data.findings[severity].length > 0).map(
    (severity) => `<section aria-labelledby="findings-${severity}">
<h3 id="findings-${severity}">${SEVERITY_WORDS[severity]} (${data.findings[severity].length})</h3>
<div class="table-scroll" role="region" aria-labelledby="findings-${severity}-caption" tabindex="0">
<table class="findings">
<caption class="sr" id="findings-${severity}-caption">${SEVERITY_WORDS[severity]} in ${escapeHtml(data.file)}</caption>
<colgroup><col style="width:8.5em"><col style="width:14em"><col></colgroup>
<thead><tr><th scope="col">Line:column</th><th scope="col">Rule</th><th scope="col">Message</th></tr></thead>
<tbody>
${data.findings[severity].map(findingRow).join('\n')}
</tbody>
</table>
</div>
</section>`,
  );
  return `<section id="findings" aria-labelledby="findings-heading">
<h2 id="findings-heading">Open findings</h2>
${groups.length > 0 ? groups.join('\n') : '<p>None: the check finds nothing to report.</p>'}
</section>`;
}

export function renderHtml(data: CoverageReportData): string {
  const title = `Coverage report: ${data.strategy.title ?? 'untitled strategy'}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dgs">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
${header(data)}
<div class="layout">
${toc(data)}
<main id="main" tabindex="-1">
${summary(data)}
<section id="matrix" aria-labelledby="matrix-heading">
<h2 id="matrix-heading">Coverage matrix</h2>
${matrixFigure(data)}
</section>
${data.parts.map((part) => partHtml(data, part)).join('\n')}
${measuresHtml(data)}
${findingsHtml(data)}
</main>
</div>
<footer>
<p>Made by dgs from <code>${escapeHtml(data.file)}</code>. Clause texts are quoted verbatim from the ${escapeHtml(data.instrument.title)} (${escapeHtml(data.instrument.id)}).</p>
</footer>
</body>
</html>
`;
}
