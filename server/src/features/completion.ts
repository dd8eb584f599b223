/**
 * Completion: the keys the format allows at the cursor (missing sections first, keys
 * already present left out), clause ids with their text in `addresses`, measure ids in
 * `depends-on`, the allowed values of enumerations, and snippets built from the schema's
 * section templates (a section, a part, a measure, an indicator, a business case).
 */
import { Analysis } from '../core/analyze';
import { computeCoverage } from '../core/coverage';
import { gistOf, suggestClauses } from '../core/mapper';
import { measureText } from '../core/mapper/measure';
import { FieldSpec, MapSpec, NOT_APPLICABLE_SPEC, ValueSpec } from '../core/model/format';
import { StrategyModel } from '../core/model/strategy';
import { Recommendation, Schema } from '../core/schema/types';
import { freeMeasureId } from '../core/templates';
import { Span } from '../core/text/lineIndex';
import { cursorContext, indentUnit, ITEM, PathStep } from './cursorContext';
import { measureAt } from './locate';
import { clauseLine, code, escapeMarkdown, recommendationHeading, recommendationLeadIn } from './markdown';
import { businessCaseYaml, indicatorYaml, makeSnippet, measureYaml, notApplicableItemYaml, partYaml, sectionYaml, SnippetText } from './snippets';

export type CompletionKind = 'key' | 'part' | 'section' | 'value' | 'clause' | 'measure' | 'snippet';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** Shown beside the label: a short gist, and why the item is offered. */
  labelDetails?: { detail?: string; description?: string };
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** What replaces `span`, in LSP snippet syntax and as plain text. */
  insert: SnippetText;
  span: Span;
  sortText: string;
  filterText?: string;
}

export function completeAt(analysis: Analysis, offset: number): CompletionEntry[] {
  const entries = entriesAt(analysis, offset);
  // Inserted lines end the way the file's lines do.
  const newline = analysis.model.text.indexOf('\n');
  if (newline <= 0 || analysis.model.text[newline - 1] !== '\r') return entries;
  const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
  return entries.map((entry) => ({ ...entry, insert: { snippet: crlf(entry.insert.snippet), plain: crlf(entry.insert.plain) } }));
}

function entriesAt(analysis: Analysis, offset: number): CompletionEntry[] {
  const model = analysis.model;
  const context = cursorContext(model.lines, offset);
  if (!context) return [];
  const spec = specAt(model.format, context.path);
  if (!spec) return [];
  const span = { start: context.wordStart, end: context.wordEnd };
  const unit = indentUnit(model.lines);
  const section = sectionOf(model.schema, context.path);
  // A not-applicable entry names one of its own section's clauses (spec §7.2).
  const declaring = section && context.path[2] === 'not-applicable' ? declaredIn(model, section, offset) : undefined;
  if (context.kind === 'key') {
    const column = context.column;
    if (spec.kind === 'map') return keyEntries(model, spec, context.present, context.hasColon, context.newItem, column, unit, span, section);
    if (spec.kind === 'list' && !context.newItem) return itemEntries(analysis, spec.item, column, unit, span, section, offset);
    if (spec.kind !== 'list') return valueEntries(analysis, spec, span, context.siblings, section, offset, '', declaring);
    return [];
  }
  if (spec.kind === 'list') return [];
  return valueEntries(analysis, spec, span, context.siblings, section, offset, '', declaring);
}

/** The spec of the value a path leads to, or undefined where the format does not go (unknown and `x-` keys). */
export function specAt(root: MapSpec, path: PathStep[]): ValueSpec | undefined {
  let spec: ValueSpec = root;
  for (const step of path) {
    if (step === ITEM) {
      if (spec.kind !== 'list') return undefined;
      spec = spec.item;
    } else {
      if (spec.kind !== 'map' || !Object.prototype.hasOwnProperty.call(spec.fields, step)) return undefined;
      spec = spec.fields[step].value;
    }
  }
  return spec;
}

/** The section a path runs through (`objectives`, `openness`, …), if any. */
function sectionOf(schema: Schema, path: PathStep[]): Recommendation | undefined {
  if (path.length < 2 || !schema.partByKey.has(path[0])) return undefined;
  return schema.sectionByKey.get(path[1]);
}

function order(group: number, index: number): string {
  return `${group}${String(index).padStart(3, '0')}`;
}

function plain(text: string): SnippetText {
  return { snippet: text.replace(/[\\$}]/g, (character) => `\\${character}`), plain: text };
}

function usedIds(model: StrategyModel): Set<string> {
  return new Set(model.measuresById.keys());
}

function keyEntries(
  model: StrategyModel,
  spec: MapSpec,
  present: Set<string>,
  hasColon: boolean,
  newItem: boolean,
  column: number,
  unit: number,
  span: Span,
  section: Recommendation | undefined,
): CompletionEntry[] {
  const schema = model.schema;
  const entries: CompletionEntry[] = [];
  const fields = Object.entries(spec.fields).filter(([name]) => !present.has(name));
  const ids = usedIds(model);
  fields.forEach(([name, field], index) => {
    const recommendation = spec.role === 'part' ? schema.sectionByKey.get(name) : undefined;
    const part = spec.role === 'root' ? schema.partByKey.get(name) : undefined;
    const doc = schema.fields[spec.docPath ? `${spec.docPath}.${name}` : name];
    let documentation = doc?.doc;
    let detail = describeField(field);
    let kind: CompletionKind = 'key';
    if (recommendation) {
      kind = 'section';
      detail = recommendationHeading(recommendation);
      documentation = [...recommendationLeadIn(recommendation), ...recommendation.clauses.map(clauseLine)].join('\n\n');
    } else if (part) {
      kind = 'part';
      detail = `Part ${part.numeral}: ${part.title}`;
      documentation = escapeMarkdown(part.leadIn);
    }
    // Sections (and parts) are all missing when offered; required fields come before optional ones.
    const group = recommendation || part || field.required ? 0 : 1;
    entries.push({
      label: name,
      kind,
      detail,
      documentation,
      insert: hasColon ? plain(name) : keyInsert(name, field.value, column, unit),
      span,
      sortText: order(group, index),
    });
    if (hasColon) return;
    if (recommendation) {
      const text = sectionYaml(recommendation, freeMeasureId(recommendation.idPrefix, ids), unit);
      entries.push({
        label: `${name} (template)`,
        kind: 'snippet',
        detail: `Section with a measure: ${recommendationHeading(recommendation)}`,
        documentation: code(text),
        insert: makeSnippet(text, column),
        span,
        sortText: order(2, index),
        filterText: name,
      });
    } else if (part) {
      const free = new Set(ids);
      const freeId = (r: Recommendation): string => {
        const id = freeMeasureId(r.idPrefix, free);
        free.add(id);
        return id;
      };
      const text = partYaml(part, freeId, unit);
      entries.push({
        label: `${name} (template)`,
        kind: 'snippet',
        detail: `Part ${part.numeral} with its ${part.recommendations.length} sections`,
        insert: makeSnippet(text, column),
        span,
        sortText: order(2, index),
        filterText: name,
      });
    } else if (spec.role === 'section' && name === 'not-applicable' && section) {
      const ref = clauseToDeclare(model, section);
      if (ref) {
        const item = notApplicableItemYaml(ref).split('\n').join(`\n${' '.repeat(unit)}`);
        entries.push(snippetEntry('not-applicable (template)', `not-applicable:\n${' '.repeat(unit)}${item}`, column, span, order(2, index), 'not-applicable', `Declare clause ${ref} not applicable, with the reason`));
      }
    } else if (spec.role === 'measure' && name === 'business-case') {
      entries.push(snippetEntry('business case', businessCaseYaml(schema, unit), column, span, order(2, index), 'business-case'));
    } else if (spec.role === 'measure' && name === 'indicators' && section) {
      const indicator = indicatorYaml(section, unit);
      if (indicator) {
        const body = indicator.split('\n').map((line, i) => (i === 0 ? line : `  ${line}`)).join('\n');
        entries.push(snippetEntry('indicators (template)', `indicators:\n${' '.repeat(unit)}- ${body.split('\n').join(`\n${' '.repeat(unit)}`)}`, column, span, order(2, index), 'indicators'));
      }
    }
  });
  if (newItem && present.size === 0 && !hasColon) {
    // A new list item: the whole measure or indicator at once.
    if (spec.role === 'measure' && section) {
      const text = measureYaml(section, freeMeasureId(section.idPrefix, ids), unit);
      if (text) entries.push(snippetEntry('measure', text, column, span, order(3, 0), undefined, `A measure of ${section.section}`));
    } else if (spec.role === 'indicator' && section) {
      const text = indicatorYaml(section, unit);
      if (text) entries.push(snippetEntry('indicator', text, column, span, order(3, 0)));
    }
  }
  return entries;
}

function snippetEntry(label: string, text: string, column: number, span: Span, sortText: string, filterText?: string, detail?: string, prefix = ''): CompletionEntry {
  return {
    label,
    kind: 'snippet',
    detail: detail ?? `Snippet: ${label}`,
    documentation: code(text),
    insert: makeSnippet(text, column, prefix),
    span,
    sortText,
    filterText,
  };
}

function describeField(field: FieldSpec): string {
  const value = field.value;
  const what = value.kind === 'enum' ? value.values.join(' | ') : value.kind === 'map' ? 'mapping' : value.kind;
  return `${field.required ? 'required' : 'optional'} · ${what}`;
}

/** `key: ` with what the value needs: a nested block, a list, a choice of values. */
function keyInsert(name: string, value: ValueSpec, column: number, unit: number): SnippetText {
  const inner = ' '.repeat(column + unit);
  switch (value.kind) {
    case 'map':
      return { snippet: `${name}:\n${inner}$0`, plain: `${name}:\n${inner}` };
    case 'list':
      if (value.item.kind === 'map') return { snippet: `${name}:\n${inner}- $0`, plain: `${name}:\n${inner}- ` };
      return { snippet: `${name}: [$0]`, plain: `${name}: []` };
    case 'enum':
      return { snippet: `${name}: \${1|${value.values.join(',')}|}`, plain: `${name}: ` };
    default:
      return { snippet: `${name}: $0`, plain: `${name}: ` };
  }
}

/** On a blank line of a list: a new item (`- `) of the kind the list holds. */
function itemEntries(analysis: Analysis, item: ValueSpec, column: number, unit: number, span: Span, section: Recommendation | undefined, offset: number): CompletionEntry[] {
  const model = analysis.model;
  if (item.kind === 'map') {
    if (item.role === 'measure' && section) {
      const text = measureYaml(section, freeMeasureId(section.idPrefix, usedIds(model)), unit);
      return text ? [snippetEntry('- measure', text, column + 2, span, order(0, 0), 'measure', `A measure of ${section.section}`, '- ')] : [];
    }
    if (item.role === 'indicator' && section) {
      const text = indicatorYaml(section, unit);
      return text ? [snippetEntry('- indicator', text, column + 2, span, order(0, 0), 'indicator', undefined, '- ')] : [];
    }
    const ref = item === NOT_APPLICABLE_SPEC && section ? clauseToDeclare(model, section) : undefined;
    if (ref) return [snippetEntry('- not-applicable entry', notApplicableItemYaml(ref).slice(2).replace(/\n {2}/g, '\n'), column + 2, span, order(0, 0), 'clause', `Declare clause ${ref} not applicable, with the reason`, '- ')];
    return [];
  }
  return valueEntries(analysis, item, span, [], section, offset, '- ');
}

function valueEntries(
  analysis: Analysis,
  spec: ValueSpec,
  span: Span,
  siblings: string[],
  section: Recommendation | undefined,
  offset: number,
  prefix: string,
  declaring?: Set<string>,
): CompletionEntry[] {
  const model = analysis.model;
  const schema = model.schema;
  const taken = new Set(siblings);
  const entries: CompletionEntry[] = [];
  const add = (label: string, kind: CompletionKind, sortText: string, detail?: string, documentation?: string): void => {
    entries.push({ label, kind, detail, documentation, insert: plain(prefix + label), span, sortText });
  };
  switch (spec.kind) {
    case 'enum':
      spec.values.forEach((value, index) => add(value, 'value', order(0, index)));
      break;
    case 'clause': {
      // The clauses the measure's words support come first, then those no measure addresses
      // yet, then the section's own, then the rest; the clause text itself is in the documentation.
      const measure = declaring ? undefined : measureAt(model, offset);
      const suggested = new Map((measure ? suggestClauses(measureText(measure), schema) : []).map((suggestion, rank) => [suggestion.clause, { suggestion, rank }]));
      const missing = new Set(analysis.coverage.missing);
      schema.units.forEach((unit, index) => {
        if (taken.has(unit.ref)) return;
        if (declaring && (unit.recommendation !== section || declaring.has(unit.ref))) return;
        const own = section !== undefined && unit.recommendation === section;
        const open = missing.has(unit.ref);
        const hit = suggested.get(unit.ref);
        const documentation = [`**${unit.ref}** · ${recommendationHeading(unit.recommendation)}`, ...recommendationLeadIn(unit.recommendation)];
        if (unit.clause) documentation.push(clauseLine(unit.clause));
        const why = [
          hit ? `suggested: matches ${hit.suggestion.evidence.slice(0, 3).map((word) => `'${word}'`).join(', ')}` : undefined,
          open ? 'not addressed yet' : undefined,
        ].filter((part): part is string => part !== undefined);
        if (hit) documentation.push(`Suggested for this measure: its text matches ${hit.suggestion.evidence.map((word) => `"${escapeMarkdown(word)}"`).join(', ')}.`);
        if (open) documentation.push('No measure of the strategy addresses this clause yet.');
        const group = hit ? 0 : open ? 1 : own ? 2 : 3;
        const gist = gistOf(schema, unit.ref);
        entries.push({
          label: unit.ref,
          kind: 'clause',
          labelDetails: { detail: gist ? ` ${gist}` : undefined, description: why.length > 0 ? why.join(' · ') : undefined },
          detail: recommendationHeading(unit.recommendation),
          documentation: documentation.join('\n\n'),
          insert: plain(prefix + unit.ref),
          span,
          sortText: order(group, hit ? hit.rank : index),
        });
      });
      break;
    }
    case 'measure-ref': {
      const current = measureAt(model, offset);
      let index = 0;
      for (const [id, measures] of model.measuresById) {
        if (taken.has(id) || measures.includes(current!)) continue;
        const measure = measures[0];
        add(id, 'measure', order(0, index++), measure.title, `In section ${code(measure.section.recommendation.section)} (${recommendationHeading(measure.section.recommendation)}).`);
      }
      break;
    }
    case 'id':
      if (section) add(freeMeasureId(section.idPrefix, usedIds(model)), 'value', order(0, 0), `The next free id of ${section.section}`);
      break;
    default:
      break;
  }
  return entries;
}

/** The first clause of a section that is not addressed and not declared yet, or else its first clause not declared. */
function clauseToDeclare(model: StrategyModel, section: Recommendation): string | undefined {
  const declared = declaredIn(model, section);
  const open = section.units.filter((unit) => !declared.has(unit.ref));
  const missing = new Set(computeCoverage(model).missing);
  return (open.find((unit) => missing.has(unit.ref)) ?? open[0])?.ref;
}

/** The clauses a section declares not applicable, but the one written at `offset` (being completed). */
function declaredIn(model: StrategyModel, section: Recommendation, offset = -1): Set<string> {
  const refs = new Set<string>();
  for (const candidate of model.sections) {
    if (candidate.recommendation !== section) continue;
    for (const entry of candidate.notApplicable) {
      const here = entry.clause !== undefined && entry.clause.span.start <= offset && offset <= entry.clause.span.end;
      if (entry.unit && !here) refs.add(entry.unit.ref);
    }
  }
  return refs;
}
