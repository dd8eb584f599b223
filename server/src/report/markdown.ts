/**
 * The coverage report as Markdown (GitHub-flavoured tables), for a pull request comment, a
 * wiki page or a job summary. Every text from the strategy is escaped, so that nothing a
 * drafter writes turns into markup or raw HTML.
 */
import { budgetText, CoverageReportData, dueText, CoverageStatus, FindingInfo, IndicatorInfo, MeasureInfo, measureFacts, measureLabel, SEVERITIES, STATUS_WORDS, unitNotes } from './data';
import { safeText } from '../core/text/safeText';

const STATUS_MARK: Record<CoverageStatus, string> = { complete: '✅', partial: '◐', none: '❌' };
const SEVERITY_HEADING = { error: 'Errors', warning: 'Warnings', info: 'Information' } as const;

/**
 * Escapes text for inline Markdown: line breaks become spaces (a table row is one line), and
 * every character that could start markup, a link, raw HTML or a table cell is escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|#~]|&(?=#?[A-Za-z0-9]+;)/g, (character) => `\\${character}`);
}

function status(value: CoverageStatus, words: 'recommendation' | 'unit' = 'recommendation'): string {
  return `${STATUS_MARK[value]} ${STATUS_WORDS[value][words]}`;
}

function indicatorText(indicator: IndicatorInfo): string {
  const parts = [escapeMarkdown(indicator.name ?? '(unnamed indicator)')];
  if (indicator.baseline !== undefined) parts.push(`from ${escapeMarkdown(indicator.baseline)}`);
  if (indicator.target !== undefined) parts.push(`to ${escapeMarkdown(indicator.target)}`);
  if (indicator.by !== undefined) parts.push(`by ${escapeMarkdown(indicator.by)}`);
  return parts.join(' ');
}

/** One measure in a table cell: id, title, lead, due date and indicators on one line. */
function measureCell(measure: MeasureInfo): string {
  const facts = [
    `lead: ${measure.lead !== undefined ? escapeMarkdown(measure.lead) : '⚠ none'}`,
    `due: ${measure.due !== undefined ? escapeMarkdown(dueText(measure)!) : '—'}`,
    `indicators: ${measure.indicators.length > 0 ? measure.indicators.map(indicatorText).join('; ') : '⚠ none'}`,
  ];
  if (measure.status !== undefined) facts.push(`status: ${escapeMarkdown(measure.status)}`);
  for (const [label, text] of measureFacts(measure)) facts.push(`${label.toLowerCase()}: ${escapeMarkdown(text)}`);
  const title = measure.title !== undefined ? ` ${escapeMarkdown(measure.title)}` : '';
  return `**${escapeMarkdown(measureLabel(measure))}**${title} (${facts.join('; ')})`;
}

function findingLine(file: string, finding: FindingInfo): string {
  return `- \`${safeText(file).replace(/`/g, "'")}:${finding.line}:${finding.column}\` **${escapeMarkdown(finding.rule)}**: ${escapeMarkdown(finding.message)}`;
}

export function renderMarkdown(data: CoverageReportData): string {
  const out: string[] = [];
  const { strategy, summary, instrument } = data;
  out.push(`# Coverage report: ${escapeMarkdown(strategy.title ?? 'untitled strategy')}`, '');
  const about: string[] = [];
  if (strategy.government) about.push(escapeMarkdown(strategy.government));
  if (strategy.level) about.push(`${escapeMarkdown(strategy.level)} level`);
  if (strategy.period) about.push(`${strategy.period.from}–${strategy.period.to}`);
  if (strategy.status) about.push(`status: ${escapeMarkdown(strategy.status)}`);
  if (strategy.lead) about.push(`lead: ${escapeMarkdown(strategy.lead)}`);
  if (about.length > 0) out.push(about.join(' · '), '');
  out.push(
    `File \`${safeText(data.file).replace(/`/g, "'")}\`, checked against the ${escapeMarkdown(instrument.title)} (${escapeMarkdown(instrument.id)}, adopted ${escapeMarkdown(instrument.adopted)}).`,
    '',
  );

  out.push(`*${escapeMarkdown(data.statement.text)} Report made on ${data.statement.madeOn} by dgs ${escapeMarkdown(data.statement.dgsVersion)}. Part and recommendation titles are short titles of dgs; quoted texts are the Recommendation's, verbatim.*`, '');
  out.push('## Summary', '');
  out.push(`- Budget overall: ${escapeMarkdown(budgetText(data.budgets.overall))}`);
  if (summary.notApplicable > 0) out.push(`- **${summary.notApplicable}** clauses declared not applicable`);
  out.push(`- **${summary.unitsAddressed} of ${summary.units}** clauses addressed (${summary.percentAddressed} %)`);
  out.push(`- **${summary.unitsComplete} of ${summary.units}** clauses addressed by a measure with a lead and an indicator (${summary.percentComplete} %)`);
  out.push(
    `- Recommendations: ${summary.recommendations.complete} complete, ${summary.recommendations.partial} partly addressed, ${summary.recommendations.none} not addressed, of ${summary.recommendations.total}`,
  );
  out.push(`- Measures: ${summary.measures}`);
  out.push(`- Open findings: ${summary.findings.error} errors, ${summary.findings.warning} warnings, ${summary.findings.info} information`, '');
  out.push(
    `A recommendation is *complete* when each of its clauses is addressed by at least one measure that has a lead and an indicator; *partly addressed* when some clause is addressed, but not all of them that way.`,
    '',
  );

  out.push('| # | Recommendation | Clauses addressed | With lead and indicator | Status |', '|---|---|---|---|---|');
  for (const part of data.parts) {
    for (const recommendation of part.recommendations) {
      out.push(
        `| ${recommendation.number} | ${escapeMarkdown(recommendation.title)} | ${recommendation.unitsAddressed} of ${recommendation.units.length} | ${recommendation.unitsComplete} of ${recommendation.units.length} | ${status(recommendation.status)} |`,
      );
    }
  }
  out.push('');

  for (const part of data.parts) {
    out.push(`## Part ${escapeMarkdown(part.numeral)}. ${escapeMarkdown(part.title)}`, '', `> ${escapeMarkdown(part.leadIn)}`, '');
    out.push(`Budget of the part: ${escapeMarkdown(budgetText(data.budgets.byPart[part.key]))}.`, '');
    for (const recommendation of part.recommendations) {
      out.push(`### ${recommendation.number}. ${escapeMarkdown(recommendation.title)}: ${status(recommendation.status)}`, '');
      if (!recommendation.present) out.push(`*The strategy has no section \`${recommendation.section}\`.*`, '');
      if (recommendation.hasClauses) out.push(`> ${escapeMarkdown(recommendation.text)}`, '');
      if (recommendation.summary) out.push(`The strategy's summary: ${escapeMarkdown(recommendation.summary)}`, '');
      out.push(`Budget: ${escapeMarkdown(budgetText(data.budgets.byRecommendation[recommendation.number]))}.`, '');
      out.push('| Clause | Text | Measures that address it | Status |', '|---|---|---|---|');
      for (const unit of recommendation.units) {
        const measures = [...unit.measures, ...unit.inactive].map((index) => measureCell(data.measures[index]));
        const notes = unitNotes(data, unit).map((note) => `<br>${escapeMarkdown(note)}`).join('');
        const shown = unit.coverage === 'not-applicable' ? '➖ Not applicable' : status(unit.status, 'unit');
        out.push(`| ${unit.ref} | ${escapeMarkdown(unit.text)} | ${measures.length > 0 ? measures.join('<br>') : '—'} | ${shown}${notes} |`);
      }
      out.push('');
    }
  }

  out.push('## Open findings', '');
  if (summary.findings.total === 0) out.push('None.', '');
  for (const severity of SEVERITIES) {
    const findings = data.findings[severity];
    if (findings.length === 0) continue;
    out.push(`### ${SEVERITY_HEADING[severity]} (${findings.length})`, '');
    for (const finding of findings) out.push(findingLine(data.file, finding));
    out.push('');
  }
  return out.join('\n');
}
