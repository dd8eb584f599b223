/**
 * What changed between two drafts of a strategy: the clauses newly addressed or lost, the
 * measures added, removed, renamed, re-scoped or with a new status or budget, the budget totals
 * before and after, and the findings fixed and introduced. Pure: two exports' data in, plain
 * (JSON-ready) data out; `diffRender.ts` writes it as text, Markdown or JSON.
 */
import { FindingInfo, measureLabel } from '../report/data';
import { allUnits, BudgetInfo, ExportData, ExportMeasure } from './data';
import { ClauseStatus } from './words';

export interface ClauseChange {
  ref: string;
  /** The clause's text, verbatim. */
  text: string;
  before: ClauseStatus;
  after: ClauseStatus;
  /** `gained`: now addressed (or weak) and not before; `lost`: the reverse; `changed`: any other move. */
  kind: 'gained' | 'lost' | 'changed';
  measuresBefore: string[];
  measuresAfter: string[];
}

export interface MeasureSummary {
  id: string;
  title?: string;
  section: string;
  clauses: string[];
}

export interface MeasureChange {
  id: string;
  title?: string;
  renamed?: { before?: string; after?: string };
  rescoped?: { added: string[]; removed: string[] };
  status?: { before?: string; after?: string };
  budget?: { before?: BudgetInfo; after?: BudgetInfo };
  moved?: { before: string; after: string };
}

export interface BudgetTotal {
  currency: string;
  before: number;
  after: number;
}

export interface FindingChange {
  rule: string;
  severity: string;
  message: string;
  /** 1-based line in the version where the finding is (the old one for a fixed finding). */
  line: number;
}

export interface StrategyDiff {
  before: { file: string; title?: string; unitsAddressed: number; units: number; measures: number };
  after: { file: string; title?: string; unitsAddressed: number; units: number; measures: number };
  clauses: ClauseChange[];
  measures: { added: MeasureSummary[]; removed: MeasureSummary[]; changed: MeasureChange[] };
  budget: BudgetTotal[];
  findings: { fixed: FindingChange[]; introduced: FindingChange[] };
}

const ADDRESSED: ReadonlySet<ClauseStatus> = new Set(['addressed', 'weak']);

/** Compares two versions. Measures are matched by id; a measure without an id is matched by its title. */
export function diffStrategies(before: ExportData, after: ExportData): StrategyDiff {
  return {
    before: side(before),
    after: side(after),
    clauses: clauseChanges(before, after),
    measures: measureChanges(before, after),
    budget: budgetTotals(before, after),
    findings: findingChanges(before, after),
  };
}

/** Whether nothing the diff looks at changed. */
export function isUnchanged(diff: StrategyDiff): boolean {
  return (
    diff.clauses.length === 0 &&
    diff.measures.added.length + diff.measures.removed.length + diff.measures.changed.length === 0 &&
    diff.budget.every((total) => total.before === total.after) &&
    diff.findings.fixed.length + diff.findings.introduced.length === 0
  );
}

function side(data: ExportData): StrategyDiff['before'] {
  return { file: data.report.file, title: data.strategy.title, unitsAddressed: data.report.summary.unitsAddressed, units: data.report.summary.units, measures: data.measures.length };
}

function statuses(data: ExportData): Map<string, { text: string; status: ClauseStatus; measures: string[] }> {
  return new Map(allUnits(data).map((unit) => [unit.ref, { text: unit.text, status: data.clauseStatus[unit.ref], measures: unit.measures.map((index) => measureLabel(data.measures[index])) }]));
}

function clauseChanges(before: ExportData, after: ExportData): ClauseChange[] {
  const old = statuses(before);
  const changes: ClauseChange[] = [];
  for (const [ref, now] of statuses(after)) {
    const was = old.get(ref);
    if (!was || was.status === now.status) continue;
    const kind = ADDRESSED.has(now.status) && !ADDRESSED.has(was.status) ? 'gained' : ADDRESSED.has(was.status) && !ADDRESSED.has(now.status) ? 'lost' : 'changed';
    changes.push({ ref, text: now.text, before: was.status, after: now.status, kind, measuresBefore: was.measures, measuresAfter: now.measures });
  }
  return changes;
}

/** The key a measure is matched by across versions. */
function measureKey(measure: ExportMeasure): string | undefined {
  if (measure.id) return `id:${measure.id}`;
  return measure.title ? `title:${measure.title}` : undefined;
}

function byKey(data: ExportData): Map<string, ExportMeasure> {
  const map = new Map<string, ExportMeasure>();
  for (const measure of data.measures) {
    const key = measureKey(measure);
    // A duplicated id is a finding of its own; the first measure with it is the one compared.
    if (key && !map.has(key)) map.set(key, measure);
  }
  return map;
}

function summary(measure: ExportMeasure): MeasureSummary {
  return { id: measureLabel(measure), title: measure.title, section: measure.section, clauses: measure.addresses };
}

function sameBudget(a: BudgetInfo | undefined, b: BudgetInfo | undefined): boolean {
  return a?.amount === b?.amount && a?.currency === b?.currency;
}

function measureChanges(before: ExportData, after: ExportData): StrategyDiff['measures'] {
  const old = byKey(before);
  const now = byKey(after);
  const added = [...now].filter(([key]) => !old.has(key)).map(([, measure]) => summary(measure));
  const removed = [...old].filter(([key]) => !now.has(key)).map(([, measure]) => summary(measure));
  const changed: MeasureChange[] = [];
  for (const [key, measure] of now) {
    const was = old.get(key);
    if (!was) continue;
    const change: MeasureChange = { id: measureLabel(measure), title: measure.title };
    if (was.title !== measure.title) change.renamed = { before: was.title, after: measure.title };
    // What the drafter wrote: a dropped measure keeps its clauses, and says so by its status.
    const gained = measure.addresses.filter((ref) => !was.addresses.includes(ref));
    const dropped = was.addresses.filter((ref) => !measure.addresses.includes(ref));
    if (gained.length + dropped.length > 0) change.rescoped = { added: gained, removed: dropped };
    if (was.status !== measure.status) change.status = { before: was.status, after: measure.status };
    if (!sameBudget(was.budget, measure.budget)) change.budget = { before: was.budget, after: measure.budget };
    if (was.section !== measure.section) change.moved = { before: was.section, after: measure.section };
    if (Object.keys(change).length > 2) changed.push(change);
  }
  return { added, removed, changed };
}

function totals(data: ExportData): Map<string, number> {
  const sums = new Map<string, number>();
  for (const measure of data.measures) {
    const amount = measure.budget?.amount;
    if (amount === undefined) continue;
    const currency = measure.budget?.currency ?? '(no currency)';
    sums.set(currency, (sums.get(currency) ?? 0) + amount);
  }
  return sums;
}

function budgetTotals(before: ExportData, after: ExportData): BudgetTotal[] {
  const old = totals(before);
  const now = totals(after);
  const currencies = [...new Set([...old.keys(), ...now.keys()])].sort();
  return currencies.map((currency) => ({ currency, before: old.get(currency) ?? 0, after: now.get(currency) ?? 0 }));
}

function allFindings(data: ExportData): FindingInfo[] {
  const { findings } = data.report;
  return [...findings.error, ...findings.warning, ...findings.info].sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Findings are matched by rule and message, not by line: an edit above a finding moves it
 * without fixing it. Two equal findings count twice.
 */
function findingChanges(before: ExportData, after: ExportData): StrategyDiff['findings'] {
  const key = (finding: FindingInfo): string => `${finding.rule}\u0000${finding.message}`;
  const unmatched = (from: FindingInfo[], against: FindingInfo[]): FindingChange[] => {
    const counts = new Map<string, number>();
    for (const finding of against) counts.set(key(finding), (counts.get(key(finding)) ?? 0) + 1);
    return from.flatMap((finding) => {
      const left = counts.get(key(finding)) ?? 0;
      if (left > 0) {
        counts.set(key(finding), left - 1);
        return [];
      }
      return [{ rule: finding.rule, severity: finding.severity, message: finding.message, line: finding.line }];
    });
  };
  const old = allFindings(before);
  const now = allFindings(after);
  return { fixed: unmatched(old, now), introduced: unmatched(now, old) };
}
