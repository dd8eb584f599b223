/**
 * Hover: the Recommendation's own words for whatever the cursor is on. Clause references,
 * section and part keys, field keys, measure ids, and the terms Part I defines in prose.
 * Every text of the Recommendation is shown verbatim (Markdown-escaped only).
 */
import { Analysis } from '../core/analyze';
import { describeSpec, MapSpec } from '../core/model/format';
import { ClauseResolution } from '../core/clauses';
import { lacksText, unfinishedNotApplicableText, unitCoverageByRef, UnitCoverage } from '../core/coverage';
import { ClauseReference, MeasureModel, NotApplicableModel, StrategyModel } from '../core/model/strategy';
import { CheckedEntry, CheckedValue } from '../core/model/walk';
import { Definition, Part, Recommendation, Schema } from '../core/schema/types';
import { rankClauses, suggestClauses } from '../core/mapper';
import { ownText } from '../core/mapper/measure';
import { Span } from '../core/text/lineIndex';
import { dependsOnReferences, measuresWithId, targetAt, touches } from './locate';
import { clauseLine, code, escapeMarkdown, instrumentName, partHeading, recommendationHeading, recommendationLeadIn, SHORT_TITLES_NOTE } from './markdown';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  span: Span;
}

export function hoverAt(analysis: Analysis, offset: number): HoverResult | undefined {
  const target = targetAt(analysis, offset);
  if (!target) return undefined;
  const model = analysis.model;
  const schema = model.schema;
  switch (target.kind) {
    case 'clause-reference':
      return { contents: withEvidence(clauseReferenceHover(target.reference.resolution), target.reference, schema), span: target.reference.span };
    case 'not-applicable-clause':
      return { contents: notApplicableHover(analysis, target.entry), span: target.entry.clause!.span };
    case 'section-key':
      return { contents: sectionHover(analysis, target.section.recommendation), span: target.section.keySpan };
    case 'part-key':
      return { contents: partHover(schema, target.part.part), span: target.part.keySpan };
    case 'measure-id':
      return { contents: measureHover(model, target.measure), span: target.measure.id!.span };
    case 'measure-reference': {
      const measures = measuresWithId(model, target.reference.id);
      const contents = measures.length > 0 ? measureHover(model, measures[0]) : `No measure has the id ${code(target.reference.id)}.`;
      return { contents, span: target.reference.span };
    }
    case 'field-key':
      return { contents: fieldKeyHover(analysis, target.container, target.entry), span: target.entry.keySpan };
    case 'value':
      return termHover(model, target.value, offset);
  }
}

function clauseReferenceHover(resolution: ClauseResolution): string {
  const recommendation = resolution.recommendation;
  if (resolution.status === 'unit' && resolution.unit && recommendation) {
    const unit = resolution.unit;
    const whole = unit.clause ? '' : ` is recommendation ${recommendation.number} itself, which has no sub-clauses`;
    const lines = [`**Clause ${unit.ref}**${whole} · ${recommendationHeading(recommendation)} · ${partHeading(recommendation.part)}`, ...recommendationLeadIn(recommendation)];
    if (unit.clause) lines.push(clauseLine(unit.clause));
    lines.push(`_${SHORT_TITLES_NOTE}_`);
    return lines.join('\n\n');
  }
  if (resolution.status === 'broad' && recommendation) {
    const refs = recommendation.units.map((unit) => unit.ref);
    return [
      `**${recommendationHeading(recommendation)}** · ${partHeading(recommendation.part)}`,
      ...recommendationLeadIn(recommendation),
      ...recommendation.clauses.map(clauseLine),
      `Naming recommendation ${recommendation.number} covers none of its clauses: name the one this measure addresses (${refs.join(', ')}).`,
      `_${SHORT_TITLES_NOTE}_`,
    ].join('\n\n');
  }
  const lines = [`**Unknown clause** ${code(resolution.written)}`];
  if (resolution.reason) lines.push(`${escapeMarkdown(resolution.reason)}.`);
  if (resolution.suggestion) lines.push(`Did you mean ${code(resolution.suggestion)}?`);
  return lines.join('\n\n');
}

/** A clause reference's hover, with what the measure's words say of the clause. */
function withEvidence(contents: string, reference: ClauseReference, schema: Schema): string {
  const unit = reference.resolution.status === 'unit' ? reference.resolution.unit : undefined;
  const evidence = unit ? evidenceLine(reference, unit.ref, schema) : undefined;
  return evidence ? `${contents}\n\n${evidence}` : contents;
}

/**
 * What the measure's own words say of the clause it names: the words that match it, or
 * that none do and which clauses they speak of instead (the clause mapper's view).
 */
function evidenceLine(reference: ClauseReference, ref: string, schema: Schema): string | undefined {
  const measure = reference.measure;
  if (!measure.title) return undefined;
  const who = measure.id ? code(measure.id.text) : 'this measure';
  const ranked = rankClauses(ownText(measure), schema);
  const entry = ranked.find((candidate) => candidate.clause === ref);
  const quoted = (words: string[]): string => words.map((word) => `"${escapeMarkdown(word)}"`).join(', ');
  if (entry && entry.evidence.length > 0) return `**Evidence:** the text of ${who} matches ${quoted(entry.evidence.slice(0, 6))}.`;
  const others = suggestClauses(ownText(measure), schema, { limit: 3 }).filter((suggestion) => suggestion.clause !== ref);
  const instead = others.length > 0 ? ` It speaks of ${others.map((suggestion) => `${suggestion.clause} (${quoted(suggestion.evidence.slice(0, 2))})`).join(', ')}.` : '';
  return `**No evidence:** nothing in the title and description of ${who} speaks of clause ${ref} (its words, or the terms used for it).${instead}`;
}

/** The whole recommendation, verbatim, and which of its coverage units the strategy addresses. */
export function sectionHover(analysis: Analysis, recommendation: Recommendation): string {
  const lines = [`**${recommendationHeading(recommendation)}** · section ${code(recommendation.section)} of ${partHeading(recommendation.part)}`];
  lines.push(...recommendationLeadIn(recommendation));
  if (recommendation.clauses.length > 0) lines.push(recommendation.clauses.map((clause) => `- ${clauseLine(clause)}`).join('\n'));
  const byRef = unitCoverageByRef(analysis.coverage);
  const coverage = recommendation.units.map((unit) => byRef.get(unit.ref)!);
  const addressed = coverage.filter((entry) => entry.status === 'addressed' || entry.status === 'weak');
  if (recommendation.clauses.length > 0) {
    lines.push(`**Coverage:** ${addressed.length} of ${coverage.length} clauses addressed, as the strategy declares it.`);
  } else {
    const words = { addressed: 'addressed', weak: 'addressed, weakly', 'not-applicable': 'not applicable', missing: 'not addressed' };
    lines.push(`**Coverage:** recommendation ${recommendation.number} ${words[coverage[0].status]}, as the strategy declares it.`);
  }
  lines.push(coverage.map((entry) => `- ${entry.unit.ref}: ${unitCoverageText(analysis.model, entry)}`).join('\n'));
  lines.push(`_${SHORT_TITLES_NOTE}_`);
  return lines.join('\n\n');
}

/** One clause's coverage in a hover: who addresses it, or why it counts as it does. */
function unitCoverageText(model: StrategyModel, entry: UnitCoverage): string {
  const inactive = entry.inactive.length > 0 ? ` (${namesOf(model, entry.inactive)} named it but ${entry.inactive.length === 1 ? 'is' : 'are'} dropped or unfinished)` : '';
  switch (entry.status) {
    case 'addressed':
      return `addressed by ${namesOf(model, entry.measures)}${inactive}`;
    case 'weak':
      return `weak: addressed by ${namesOf(model, entry.measures)}, with ${lacksText(entry.lacks)}${inactive}`;
    case 'not-applicable':
      return `not applicable: ${escapeMarkdown(entry.notApplicable?.reason ?? '')}${inactive}`;
    case 'missing':
      return `not addressed${inactive}${entry.unfinishedNotApplicable ? ` (${escapeMarkdown(lowerFirst(unfinishedNotApplicableText(entry.unfinishedNotApplicable.reason).replace(/\.$/, '')))})` : ''}`;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A clause declared not applicable: its text, verbatim, and how the strategy counts it. */
function notApplicableHover(analysis: Analysis, entry: NotApplicableModel): string {
  const resolution = entry.clause!.resolution;
  const lines = [clauseReferenceHover(resolution)];
  const unit = entry.unit && unitCoverageByRef(analysis.coverage).get(entry.unit.ref);
  if (unit) lines.push(`**Declared not applicable.** Coverage: ${unitCoverageText(analysis.model, unit)}.`);
  else lines.push(`Only clauses of recommendation ${entry.section.recommendation.number} can be declared not applicable in ${code(entry.section.recommendation.section)}.`);
  return lines.join('\n\n');
}

/** How many measures a section's hover names for one clause; the rest are counted. */
export const HOVER_MEASURES = 8;

/** The first measures addressing a clause, by id, and how many more there are. */
function namesOf(model: StrategyModel, measures: MeasureModel[]): string {
  const names = measures.slice(0, HOVER_MEASURES).map((measure) => code(measure.id?.text ?? `(measure without id, line ${measureLine(model, measure)})`));
  const more = measures.length - names.length;
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

function measureLine(model: StrategyModel, measure: MeasureModel): number {
  return model.lines.positionAt(measure.firstLine.start).line + 1;
}

export function partHover(schema: Schema, part: Part): string {
  const lines = [`**${partHeading(part)}**`, escapeMarkdown(part.leadIn)];
  lines.push(part.recommendations.map((recommendation) => `- ${code(recommendation.section)}: ${recommendationHeading(recommendation)}`).join('\n'));
  lines.push(`From ${instrumentName(schema)}, ${escapeMarkdown(schema.instrument.title)}.`);
  return lines.join('\n\n');
}

function measureHover(model: StrategyModel, measure: MeasureModel): string {
  const id = measure.id?.text ?? '(no id)';
  const lines = [`**Measure ${code(id)}**${measure.title ? ` ${escapeMarkdown(measure.title)}` : ''}`];
  lines.push(`In section ${code(measure.section.recommendation.section)} (${recommendationHeading(measure.section.recommendation)}), line ${measureLine(model, measure)}.`);
  const refs = measure.addresses.map((reference) => code(reference.resolution.written));
  if (refs.length > 0) lines.push(`Addresses ${refs.join(', ')}.`);
  if (measure.id) {
    const dependents = dependsOnReferences(model, measure.id.text).map((reference) => reference.measure.id?.text ?? '(no id)');
    if (dependents.length > 0) lines.push(`Needed by ${[...new Set(dependents)].map(code).join(', ')}.`);
  }
  return lines.join('\n\n');
}

/** The documentation path of a key: `measure.lead`, `strategy.period.from`, `section.summary`, `objectives`. */
export function fieldPath(container: MapSpec, key: string): string {
  return container.docPath ? `${container.docPath}.${key}` : key;
}

function fieldKeyHover(analysis: Analysis, container: MapSpec, entry: CheckedEntry): string {
  const schema = analysis.model.schema;
  // A part or section whose value has the wrong type is not in the model; its key still means the same.
  const recommendation = container.role === 'part' ? schema.sectionByKey.get(entry.key) : undefined;
  if (recommendation) return sectionHover(analysis, recommendation);
  const part = container.role === 'root' ? schema.partByKey.get(entry.key) : undefined;
  if (part) return partHover(schema, part);
  return fieldHover(schema, container, entry.key);
}

export function fieldHover(schema: Schema, container: MapSpec, key: string): string {
  const path = fieldPath(container, key);
  const field = container.fields[key];
  const doc = schema.fields[path];
  const lines = [`**${code(key)}**${field?.required ? ' (required)' : ''} · ${escapeMarkdown(container.what)}`];
  // Field documentation is the project's own Markdown (it names keys as `code`).
  if (doc) lines.push(doc.doc);
  if (field) lines.push(`Expected: ${escapeMarkdown(describeSpec(field.value))}.`);
  for (const ref of doc?.clauses ?? []) {
    const unit = schema.unitByRef.get(ref);
    if (!unit) continue;
    lines.push(`Related to **clause ${unit.ref}** (${recommendationHeading(unit.recommendation)}): ${escapeMarkdown(unit.text)}`);
  }
  return lines.join('\n\n');
}

/** A term as a pattern: its words, any case, separated by any white space, as whole words. */
export function termPattern(term: string): RegExp {
  const words = term.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${words.join('\\s+')}(?![\\p{L}\\p{N}_-])`, 'giu');
}

/** Where each of Part I's terms occurs in a text, as the whole words, any case, across line breaks. */
export function termOccurrences(text: string, definitions: Definition[]): Array<{ definition: Definition; start: number; end: number }> {
  const found: Array<{ definition: Definition; start: number; end: number }> = [];
  for (const definition of definitions) {
    for (const match of text.matchAll(termPattern(definition.term))) found.push({ definition, start: match.index!, end: match.index! + match[0].length });
  }
  return found;
}

function termHover(model: StrategyModel, value: CheckedValue, offset: number): HoverResult | undefined {
  if (value.spec.kind !== 'prose' || value.empty) return undefined;
  const source = model.text.slice(value.span.start, value.span.end);
  for (const occurrence of termOccurrences(source, model.schema.definitions)) {
    const span = { start: value.span.start + occurrence.start, end: value.span.start + occurrence.end };
    if (!touches(span, offset)) continue;
    const contents = [
      `**${escapeMarkdown(occurrence.definition.term)}** · defined in Part I of ${instrumentName(model.schema)}`,
      escapeMarkdown(occurrence.definition.text),
    ].join('\n\n');
    return { contents, span };
  }
  return undefined;
}
