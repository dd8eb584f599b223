/**
 * What a coverage report says, computed once from an analysis and shared by the Markdown,
 * HTML and JSON renderers. Pure: plain data in, plain (JSON-ready) data out. Every clause
 * and recommendation text comes from the schema, verbatim.
 */
import { Analysis } from '../core/analyze';
import { ClauseCoverageStatus, InactiveReason, lacksText, measureStanding, unfinishedNotApplicableText } from '../core/coverage';
import { Severity } from '../core/findings';
import { MeasureModel, StrategyModel } from '../core/model/strategy';
import { CheckedEntry, CheckedValue } from '../core/model/walk';

/**
 * `complete`: every coverage unit is addressed by at least one accountable measure (one with a
 * lead and an indicator); `partial`: some unit is addressed, but not all of them that way;
 * `none`: no unit is addressed at all.
 */
export type CoverageStatus = 'complete' | 'partial' | 'none';

export interface IndicatorInfo {
  name?: string;
  baseline?: string;
  target?: string;
  by?: string;
}

export interface MeasureInfo {
  /** Position of the measure in the file, 0-based: the matrix's column. */
  index: number;
  id?: string;
  title?: string;
  /** The section the measure is written in, and its recommendation's number. */
  section: string;
  recommendation: number;
  lead?: string;
  due?: string;
  status?: string;
  indicators: IndicatorInfo[];
  /** A real lead (not a placeholder) and at least one indicator with a real name and target. */
  accountable: boolean;
  /** The coverage units this measure addresses, in the schema's order. */
  units: string[];
  /** 1-based line of the measure's first line. */
  line: number;
  /** Why the measure addresses nothing: dropped, or its title is still a placeholder. */
  inactive?: InactiveReason;
  description?: string;
  partners: string[];
  budget?: { amount?: number; currency?: string };
  businessCase?: { value?: string; stakeholders: string[] };
  /** A due date that is not a valid date, as written. */
  dueInvalid?: boolean;
}

/** Budget totals of one group of measures, per currency, with the part that has a business case. */
export type BudgetTotals = Record<string, { total: number; withBusinessCase: number; measures: number }>;

export interface UnitReport {
  ref: string;
  /** The core's status (spec §7.1). */
  coverage: ClauseCoverageStatus;
  /** For a weak clause: what its measures lack, in words. */
  lacks?: string;
  /** For a clause declared not applicable: the reason, and who handles it instead. */
  notApplicable?: { reason?: string; handledBy?: string };
  /** For a clause not addressed that the section declares not applicable without a written reason: the reason as written. */
  unfinishedNotApplicable?: { reason?: string };
  /** Indices of the measures that name the clause but address nothing (dropped, placeholder). */
  inactive: number[];
  /** The clause's text (or, for a recommendation without sub-clauses, its text), verbatim. */
  text: string;
  status: CoverageStatus;
  /** Indices into `CoverageReportData.measures` of the measures that address the unit, in file order. */
  measures: number[];
}

export interface RecommendationReport {
  number: number;
  section: string;
  title: string;
  /** The recommendation's text, verbatim (the stem its clauses continue). */
  text: string;
  hasClauses: boolean;
  /** Whether the strategy has the section at all. */
  present: boolean;
  /** The section's summary, as written. */
  summary?: string;
  status: CoverageStatus;
  units: UnitReport[];
  unitsAddressed: number;
  unitsComplete: number;
}

export interface PartReport {
  key: string;
  numeral: string;
  title: string;
  leadIn: string;
  recommendations: RecommendationReport[];
}

export interface FindingInfo {
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based, as the command line's text output. */
  line: number;
  column: number;
}

export interface StrategyInfo {
  title?: string;
  government?: string;
  level?: string;
  status?: string;
  lead?: string;
  period?: { from: number; to: number };
}

export interface ReportSummary {
  units: number;
  unitsAddressed: number;
  /** Units addressed by at least one accountable measure. */
  unitsComplete: number;
  /** Whole percentages of `units`, rounded down so that 25.9 of 26 never reads 100 %. */
  percentAddressed: number;
  percentComplete: number;
  recommendations: { total: number; complete: number; partial: number; none: number };
  measures: number;
  /** Clauses the strategy declares not applicable. */
  notApplicable: number;
  findings: { total: number; error: number; warning: number; info: number };
}

export interface CoverageReportData {
  file: string;
  /** Coverage is what the strategy declares, not an assessment by dgs; when and by which version. */
  statement: { text: string; madeOn: string; dgsVersion: string };
  /** Budgets of live measures, per currency: overall, per part and per recommendation. */
  budgets: { overall: BudgetTotals; byPart: Record<string, BudgetTotals>; byRecommendation: Record<number, BudgetTotals> };
  instrument: { id: string; title: string; adopted: string; url?: string };
  strategy: StrategyInfo;
  summary: ReportSummary;
  parts: PartReport[];
  /** Every measure in file order. */
  measures: MeasureInfo[];
  /** Open findings by severity, each in document order. */
  findings: Record<Severity, FindingInfo[]>;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Builds the report's data from an analysis. Never throws. */
export function buildReportData(analysis: Analysis, options: { file: string; madeOn?: string; dgsVersion?: string }): CoverageReportData {
  const { model, coverage } = analysis;
  const schema = model.schema;
  const infoByMeasure = new Map<MeasureModel, MeasureInfo>();
  const measures = model.measures.map((measure, index) => {
    const info = readMeasure(model, measure, index);
    infoByMeasure.set(measure, info);
    return info;
  });

  const unitReports = new Map<string, UnitReport>();
  for (const entry of coverage.units) {
    const addressing = entry.measures.map((measure) => infoByMeasure.get(measure)).filter((info): info is MeasureInfo => info !== undefined);
    for (const info of addressing) info.units.push(entry.unit.ref);
    // The core's statuses (spec §7.1), in the report's words.
    const status: CoverageStatus = entry.status === 'addressed' ? 'complete' : entry.status === 'weak' ? 'partial' : 'none';
    const report: UnitReport = { ref: entry.unit.ref, coverage: entry.status, text: entry.unit.text, status, measures: addressing.map((info) => info.index), inactive: [] };
    report.inactive = entry.inactive.map((measure) => infoByMeasure.get(measure)?.index).filter((index): index is number => index !== undefined);
    if (entry.status === 'weak') report.lacks = lacksText(entry.lacks);
    if (entry.status === 'not-applicable' && entry.notApplicable) report.notApplicable = { reason: entry.notApplicable.reason, handledBy: entry.notApplicable.handledBy };
    if (entry.unfinishedNotApplicable) report.unfinishedNotApplicable = { reason: entry.unfinishedNotApplicable.reason };
    unitReports.set(entry.unit.ref, report);
  }

  const presentSections = new Set(model.sections.map((section) => section.recommendation.section));
  const parts: PartReport[] = schema.parts.map((part) => ({
    key: part.key,
    numeral: part.numeral,
    title: part.title,
    leadIn: part.leadIn,
    recommendations: part.recommendations.map((recommendation) => {
      const units = recommendation.units.map(
        (unit) => unitReports.get(unit.ref) ?? { ref: unit.ref, coverage: 'missing' as const, text: unit.text, status: 'none' as CoverageStatus, measures: [], inactive: [] },
      );
      const unitsAddressed = units.filter((unit) => unit.status !== 'none').length;
      const unitsComplete = units.filter((unit) => unit.status === 'complete').length;
      // Complete when every clause is settled (addressed, or declared not applicable), as the Coverage view and the code lens count it.
      const settled = units.filter((unit) => unit.status === 'complete' || unit.coverage === 'not-applicable').length;
      const status: CoverageStatus = settled === units.length ? 'complete' : unitsAddressed > 0 ? 'partial' : 'none';
      return {
        number: recommendation.number,
        section: recommendation.section,
        title: recommendation.title,
        text: recommendation.text,
        hasClauses: recommendation.clauses.length > 0,
        present: presentSections.has(recommendation.section),
        summary: sectionSummary(model, recommendation.section),
        status,
        units,
        unitsAddressed,
        unitsComplete,
      };
    }),
  }));

  const findings: Record<Severity, FindingInfo[]> = { error: [], warning: [], info: [] };
  for (const finding of analysis.findings) {
    const position = model.lines.positionAt(finding.span.start);
    findings[finding.severity].push({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      line: position.line + 1,
      column: position.character + 1,
    });
  }

  const allUnits = parts.flatMap((part) => part.recommendations.flatMap((recommendation) => recommendation.units));
  const allRecommendations = parts.flatMap((part) => part.recommendations);
  const unitsAddressed = allUnits.filter((unit) => unit.status !== 'none').length;
  const unitsComplete = allUnits.filter((unit) => unit.status === 'complete').length;
  const percent = (count: number): number => (allUnits.length === 0 ? 0 : Math.floor((100 * count) / allUnits.length));
  const countStatus = (status: CoverageStatus): number => allRecommendations.filter((recommendation) => recommendation.status === status).length;

  const budgets: CoverageReportData['budgets'] = { overall: {}, byPart: {}, byRecommendation: {} };
  model.measures.forEach((measure, index) => {
    const info = measures[index];
    const budget = info.budget;
    if (info.inactive || !budget?.currency || budget.amount === undefined) return;
    const recommendation = measure.section.recommendation;
    for (const totals of [budgets.overall, (budgets.byPart[recommendation.part.key] ??= {}), (budgets.byRecommendation[recommendation.number] ??= {})]) {
      const line = (totals[budget.currency] ??= { total: 0, withBusinessCase: 0, measures: 0 });
      line.total += budget.amount;
      line.measures++;
      if (measure.businessCase) line.withBusinessCase += budget.amount;
    }
  });

  return {
    file: options.file,
    statement: {
      text: 'Coverage is what the strategy declares: dgs checks the form and the references, it does not assess whether a measure really answers a clause.',
      madeOn: options.madeOn ?? new Date().toISOString().slice(0, 10),
      dgsVersion: options.dgsVersion ?? 'unknown',
    },
    budgets,
    instrument: { ...schema.instrument },
    strategy: readStrategy(model),
    summary: {
      units: allUnits.length,
      unitsAddressed,
      unitsComplete,
      percentAddressed: percent(unitsAddressed),
      percentComplete: percent(unitsComplete),
      recommendations: {
        total: allRecommendations.length,
        complete: countStatus('complete'),
        partial: countStatus('partial'),
        none: countStatus('none'),
      },
      measures: measures.length,
      notApplicable: coverage.notApplicable.length,
      findings: {
        total: analysis.findings.length,
        error: findings.error.length,
        warning: findings.warning.length,
        info: findings.info.length,
      },
    },
    parts,
    measures,
    findings,
  };
}

function sectionSummary(model: StrategyModel, section: string): string | undefined {
  const found = model.sections.find((candidate) => candidate.recommendation.section === section);
  return found?.summary ? valueText(found.summary.value) : undefined;
}

/** The texts of a valid list of prose. */
function listTexts(value: CheckedValue | undefined): string[] {
  if (!value?.ok) return [];
  return (value.items ?? []).map(valueText).filter((text): text is string => text !== undefined);
}

/** The text of a field of a checked mapping, when present, valid and not empty. */
export function fieldText(entries: Map<string, CheckedEntry> | undefined, key: string): string | undefined {
  const entry = entries?.get(key);
  return entry ? valueText(entry.value) : undefined;
}

function valueText(value: CheckedValue): string | undefined {
  if (!value.ok || value.empty || value.text === undefined) return undefined;
  const text = value.text.trim();
  return text === '' ? undefined : text;
}

function readStrategy(model: StrategyModel): StrategyInfo {
  const block = model.strategy;
  if (!block) return {};
  return {
    title: fieldText(block.entries, 'title'),
    government: fieldText(block.entries, 'government'),
    level: fieldText(block.entries, 'level'),
    status: fieldText(block.entries, 'status'),
    lead: fieldText(block.entries, 'lead'),
    period: block.period ? { from: block.period.from, to: block.period.to } : undefined,
  };
}

function readIndicators(measure: MeasureModel): IndicatorInfo[] {
  const entry = measure.entries.get('indicators');
  if (!entry?.value.ok) return [];
  return (entry.value.items ?? [])
    .filter((item) => item.ok && item.entries)
    .map((item) => ({
      name: fieldText(item.entries, 'name'),
      baseline: fieldText(item.entries, 'baseline'),
      target: fieldText(item.entries, 'target'),
      by: fieldText(item.entries, 'by'),
    }));
}

function readMeasure(model: StrategyModel, measure: MeasureModel, index: number): MeasureInfo {
  const lead = fieldText(measure.entries, 'lead');
  const indicators = readIndicators(measure);
  return {
    index,
    id: measure.id?.text,
    title: measure.title?.trim() || undefined,
    section: measure.section.recommendation.section,
    recommendation: measure.section.recommendation.number,
    lead,
    due: measure.entries.get('due')?.value.text?.trim() || undefined,
    status: fieldText(measure.entries, 'status'),
    indicators,
    accountable: measureStanding(measure).hasLead && measureStanding(measure).hasTarget,
    units: [],
    line: model.lines.positionAt(measure.firstLine.start).line + 1,
    inactive: measureStanding(measure).inactive,
    description: fieldText(measure.entries, 'description'),
    partners: listTexts(measure.entries.get('partners')?.value),
    budget: measure.budget ? { amount: measure.budget.amount, currency: measure.budget.currency } : undefined,
    businessCase: measure.businessCase
      ? { value: fieldText(measure.entries.get('business-case')?.value.entries, 'value'), stakeholders: listTexts(measure.entries.get('business-case')?.value.entries?.get('stakeholders')?.value) }
      : undefined,
    // An invalid date is kept as written, and marked.
    dueInvalid: measure.entries.get('due')?.value.ok === false ? true : undefined,
  };
}

/** How a report names a measure: its id, or its line when it has none. */
export function measureLabel(measure: MeasureInfo): string {
  return measure.id ?? `line ${measure.line}`;
}

/** The words for a status, shared by every format so that they read the same. */
export const STATUS_WORDS: Record<CoverageStatus, { recommendation: string; unit: string }> = {
  complete: { recommendation: 'Complete', unit: 'Addressed' },
  partial: { recommendation: 'Partly addressed', unit: 'Addressed, lacks a lead or an indicator' },
  none: { recommendation: 'Not addressed', unit: 'Not addressed' },
};

/** What a report adds to a clause's status, in plain words: what a weak clause lacks, why a clause does not apply, who named it and addresses nothing. */
export function unitNotes(data: CoverageReportData, unit: UnitReport): string[] {
  const notes: string[] = [];
  if (unit.lacks) notes.push(`Weak: the measures have ${unit.lacks}.`);
  if (unit.notApplicable) {
    const handled = unit.notApplicable.handledBy ? ` Handled by ${unit.notApplicable.handledBy}.` : '';
    notes.push(`Not applicable: ${unit.notApplicable.reason ?? 'no reason given'}.${handled}`.replace(/\.\./g, '.'));
  }
  if (unit.unfinishedNotApplicable) notes.push(unfinishedNotApplicableText(unit.unfinishedNotApplicable.reason));
  for (const index of unit.inactive) {
    const measure = data.measures[index];
    notes.push(`Measure ${measureLabel(measure)} names it but is ${measure.inactive === 'dropped' ? 'dropped' : 'a placeholder'}, so it addresses nothing.`);
  }
  return notes;
}

/** A measure's due date as written, marked when it is not a valid date ("Q4 2026, not a valid date"). */
export function dueText(measure: MeasureInfo): string | undefined {
  if (measure.due === undefined) return undefined;
  return measure.dueInvalid ? `${measure.due}, not a valid date` : measure.due;
}

/** A measure's further facts for the per-clause tables: description, budget, business case, partners, and marks. */
export function measureFacts(measure: MeasureInfo): Array<[string, string]> {
  const facts: Array<[string, string]> = [];
  if (measure.inactive) facts.push(['Counts', measure.inactive === 'dropped' ? 'dropped: addresses nothing' : 'placeholder: addresses nothing until its title is written']);
  if (measure.description) facts.push(['Description', measure.description]);
  if (measure.budget) facts.push(['Budget', `${measure.budget.amount ?? '?'} ${measure.budget.currency ?? ''}`.trim()]);
  if (measure.businessCase) facts.push(['Business case', `${measure.businessCase.value ?? '(no value given)'}${measure.businessCase.stakeholders.length > 0 ? `; stakeholders: ${measure.businessCase.stakeholders.join(', ')}` : ''}`]);
  if (measure.partners.length > 0) facts.push(['Partners', measure.partners.join(', ')]);
  return facts;
}

/** Budget totals in words: `4500000 EUR (60 % with a business case)`, one per currency. */
export function budgetText(totals: BudgetTotals | undefined): string {
  const lines = Object.entries(totals ?? {}).map(([currency, line]) => `${line.total} ${currency} (${line.total === 0 ? 0 : Math.round((100 * line.withBusinessCase) / line.total)} % with a business case)`);
  return lines.length > 0 ? lines.join('; ') : 'no budget';
}
