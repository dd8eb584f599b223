/**
 * Runs the rule registry over a strategy model: each rule's findings with their configured
 * severity, silenced ones left out, duplicates dropped, in document order.
 */
import { Config } from './config';
import { Finding, Issue, Severity } from './findings';
import { MeasureModel, StrategyModel } from './model/strategy';
import { RULES, RULES_BY_ID } from './rules';
import { Rule } from './rules/rule';
import { Schema } from './schema/types';
import { isSuppressed, readSuppressions, Suppressions } from './suppress';
import { boundedMessage } from './text/excerpt';

export function severityFor(rule: string, defaultSeverity: Severity, config: Config): Severity | 'off' {
  return config.rules[rule] ?? defaultSeverity;
}

/** At most this many yaml-syntax findings per file, then one that says how many more there are. */
export const MAX_SYNTAX_FINDINGS = 100;

/** What a rule reports, without its id. */
type RuleIssue = Omit<Issue, 'rule'>;

/**
 * What the per-measure rules (Rule.checkMeasure) reported on a measure, kept with the
 * measure object: the document service reuses a measure, moved, for as long as its text is
 * unchanged, and with it these findings. Their places are kept relative to the measure's
 * first line, so that they move with it.
 */
interface MeasureFindings {
  /**
   * What the findings were computed under: a measure moved to another section, read with
   * another schema, or checked by another set of rules (`rules`: their ids, as the
   * configuration turns them on) is checked again.
   */
  section: string;
  schema: Schema;
  rules: string;
  /** What the rules that read the measure alone found, in rule order. */
  issues: Issue[];
  /**
   * What the rules that also read something outside the measure found: which of them read
   * it for this measure (`reads`, a bit each), what they read (`key`), and their findings.
   */
  contextual: { reads: number; key: string; issues: Issue[] };
}

/** What the per-measure rules found, kept by the document service (one per document). */
export class MeasureFindingsMemo {
  /** By measure. */
  readonly records = new WeakMap<MeasureModel, MeasureFindings>();
  /**
   * The last run over a model: its measures, what its rules read (the ids of the rules and
   * their contexts), and the measures with findings. A model read from that one in place
   * (StrategyModel.changed) then needs a look at the measures that came alone.
   */
  last?: { measures: MeasureModel[]; schema: Schema; key: string; withFindings: Set<MeasureModel> };
}

/** The per-measure rules the configuration turns on, split by what they read. */
interface PerMeasureRules {
  /** The rules that read the measure alone. */
  own: Rule[];
  /** The ids of every per-measure rule, those below too. */
  ids: string;
  /** The rules that also read something outside the measure (Rule.measureContext), and what they read of it. */
  contextual: Rule[];
  contexts: string[];
  /** The key of the context a measure's findings depend on, by which of the contextual rules read it (a bit each). */
  keys: Map<number, string>;
}

function perMeasureRules(rules: Rule[], model: StrategyModel): PerMeasureRules {
  const own = rules.filter((rule) => !rule.measureContext);
  const contextual = rules.filter((rule) => rule.measureContext);
  return {
    own,
    ids: rules.map((rule) => rule.id).join(','),
    contextual,
    contexts: contextual.map((rule) => rule.measureContext!(model)),
    keys: new Map(),
  };
}

/** Which of the contextual rules read their context for a measure, a bit each. */
function contextReads(measure: MeasureModel, rules: PerMeasureRules): number {
  let reads = 0;
  for (let index = 0; index < rules.contextual.length; index++) {
    const check = rules.contextual[index].readsContext;
    if (!check || check(measure)) reads |= 1 << index;
  }
  return reads;
}

/** What the contextual rules that read it (`reads`) read outside a measure, as a key. */
function contextKey(reads: number, rules: PerMeasureRules): string {
  let key = rules.keys.get(reads);
  if (key === undefined) {
    key = rules.contextual.map((rule, index) => `${rule.id}=${reads & (1 << index) ? rules.contexts[index] : '-'}`).join('\u0000');
    rules.keys.set(reads, key);
  }
  return key;
}

/** An issue with its places moved by `delta` characters (to and from a measure's first line). */
function moved<T extends RuleIssue>(issue: T, delta: number): T {
  const span = { start: issue.span.start + delta, end: issue.span.end + delta };
  const related = issue.related?.map((place) => ({ ...place, span: { start: place.span.start + delta, end: place.span.end + delta } }));
  return { ...issue, span, ...(related ? { related } : {}) };
}

/** What rules find on one measure, their places relative to the measure's first line. */
function measureIssues(rules: Rule[], measure: MeasureModel, model: StrategyModel): Issue[] {
  const base = measure.firstLine.start;
  const issues: Issue[] = [];
  let rule: Rule;
  const context = { model, report: (issue: RuleIssue) => issues.push(moved({ ...issue, rule: rule.id }, -base)) };
  for (rule of rules) {
    try {
      rule.checkMeasure!(measure, context);
    } catch (error) {
      issues.push({ rule: rule.id, span: { start: 0, end: 0 }, message: `Internal error in rule ${rule.id}: ${(error as Error).message}` });
    }
  }
  return issues;
}

/** The kept findings of a measure, checked again by the rules whose input changed. */
function measureRecord(measure: MeasureModel, model: StrategyModel, rules: PerMeasureRules, memo: MeasureFindingsMemo): MeasureFindings {
  const section = measure.section.recommendation.section;
  let record = memo.records.get(measure);
  if (!record || record.section !== section || record.schema !== model.schema || record.rules !== rules.ids) {
    const reads = contextReads(measure, rules);
    const contextual = { reads, key: contextKey(reads, rules), issues: measureIssues(rules.contextual, measure, model) };
    record = { section, schema: model.schema, rules: rules.ids, issues: measureIssues(rules.own, measure, model), contextual };
    memo.records.set(measure, record);
  } else {
    // (Which rules read the context depends on the measure alone, which is unchanged.)
    const key = contextKey(record.contextual.reads, rules);
    if (record.contextual.key !== key) record.contextual = { reads: record.contextual.reads, key, issues: measureIssues(rules.contextual, measure, model) };
  }
  return record;
}

/** Each rule's place in the registry: findings at the same place are listed in this order. */
const RULE_ORDER = new Map<string, number>(RULES.map((rule, index) => [rule.id, index]));

/**
 * The per-measure rules' findings on every measure: a measure that is unchanged since the
 * last version gives back what they found then, without a look at each rule. When the
 * model was read in place from the last one the rules ran on, and the rules read the same
 * (the same rules, contexts and schema), only the measures that came are looked at: the
 * others keep their findings, or their lack of any.
 */
function perMeasureIssues(model: StrategyModel, rules: Rule[], memo: MeasureFindingsMemo, issues: Issue[]): void {
  const lastRun = memo.last;
  memo.last = undefined;
  if (rules.length === 0) return;
  const split = perMeasureRules(rules, model);
  const key = `${split.ids}\u0001${split.contexts.join('\u0000')}`;
  const found = (measure: MeasureModel): boolean => {
    const record = measureRecord(measure, model, split, memo);
    return record.issues.length > 0 || record.contextual.issues.length > 0;
  };
  let withFindings: Set<MeasureModel>;
  if (lastRun && model.changed && model.changed.since === lastRun.measures && lastRun.schema === model.schema && lastRun.key === key) {
    withFindings = new Set(lastRun.withFindings);
    for (const measure of model.changed.removed) withFindings.delete(measure);
    for (const measure of model.changed.added) if (found(measure)) withFindings.add(measure);
  } else {
    withFindings = new Set();
    for (const measure of model.measures) if (found(measure)) withFindings.add(measure);
  }
  memo.last = { measures: model.measures, schema: model.schema, key, withFindings };
  for (const measure of withFindings) {
    const record = memo.records.get(measure)!;
    const base = measure.firstLine.start;
    for (const issue of record.issues) issues.push(moved(issue, base));
    for (const issue of record.contextual.issues) issues.push(moved(issue, base));
  }
}

/**
 * Every rule over the model. MEMO, the document's per-measure findings, lets an edit run
 * the per-measure rules only on the measures it touched; without one, they run on all.
 * `suppressions`, when the caller knows them already, saves reading the text for them.
 */
export function runRules(model: StrategyModel, config: Config, memo: MeasureFindingsMemo = new MeasureFindingsMemo(), suppressions: Suppressions = readSuppressions(model.lines)): Finding[] {
  const issues: Issue[] = [];
  const measureRules: Rule[] = [];
  for (const rule of RULES) {
    if (model.syntaxErrors && rule.id !== 'yaml-syntax') continue;
    const severity = severityFor(rule.id, rule.severity, config);
    if (severity === 'off') continue;
    try {
      rule.check?.({ model, report: (issue) => issues.push({ ...issue, rule: rule.id }) });
    } catch (error) {
      issues.push({ rule: rule.id, span: { start: 0, end: 0 }, message: `Internal error in rule ${rule.id}: ${(error as Error).message}` });
    }
    if (rule.checkMeasure) measureRules.push(rule);
  }
  perMeasureIssues(model, measureRules, memo, issues);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const issue of issues) {
    const line = model.lines.positionAt(issue.span.start).line;
    if (isSuppressed(suppressions, issue.rule, line)) continue;
    // Rules quote short excerpts; this is the guard for any message that would still carry a value whole.
    const message = boundedMessage(issue.message);
    const key = `${issue.rule}\u0000${issue.span.start}\u0000${issue.span.end}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const rule = RULES_BY_ID.get(issue.rule)!;
    const finding: Finding = { ...issue, message, severity: severityFor(issue.rule, rule.severity, config) as Severity };
    if (finding.related) finding.related = finding.related.map((related) => ({ ...related, message: boundedMessage(related.message) }));
    findings.push(finding);
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!);
  return capSyntaxFindings(findings, model.syntaxUncounted);
}

/**
 * A text that is not YAML at all (a file whose first lines were deleted, a binary pasted
 * in) can give a parser error on every line: the first hundred say where to look, and one
 * more says how many were left out.
 */
function capSyntaxFindings(findings: Finding[], uncounted: number): Finding[] {
  let syntax = 0;
  let last: Finding | undefined;
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (finding.rule === 'yaml-syntax' && ++syntax > MAX_SYNTAX_FINDINGS) continue;
    if (finding.rule === 'yaml-syntax') last = finding;
    kept.push(finding);
  }
  if (syntax + uncounted <= MAX_SYNTAX_FINDINGS || !last) return kept;
  const more = Math.max(0, syntax - MAX_SYNTAX_FINDINGS) + uncounted;
  kept.splice(kept.indexOf(last) + 1, 0, {
    rule: 'yaml-syntax',
    severity: last.severity,
    span: { ...last.span },
    message: `${more} more YAML syntax ${more === 1 ? 'error is' : 'errors are'} not listed: correct the ones above first, and check the file again.`,
  });
  return kept;
}
