/**
 * The snippets file `snippets/dgs-strategy.json`, in VS Code's snippet format, for editors
 * that load such files (the VS Code extension does not contribute it: VS Code would offer
 * every snippet everywhere; its language server offers each where it fits). Generated from the schema: a whole
 * strategy (the skeleton `dgs init` writes), each section (its template), a measure and an
 * indicator (taken from a section template), a business case and a not-applicable list
 * (from the format and the schema's field documentation). Pure: `scripts/generate-snippets.js` writes the file and
 * test/unit/snippets.test.ts proves the committed file is what this module generates.
 */
import { isMap, isPair, isScalar, isSeq, Node, parseDocument, Scalar, visit } from 'yaml';
import { renderSkeleton } from '../core/skeleton';
import { MapSpec, MEASURE_SPEC, NOT_APPLICABLE_SPEC, STRATEGY_SPEC, ValueSpec } from '../core/model/format';
import { placeholderReason } from '../core/model/walk';
import { Recommendation, Schema } from '../core/schema/types';
import { renderSectionTemplate } from '../core/templates';
import { escapeChoice, escapeSnippetText } from './snippetSyntax';

export interface SnippetDefinition {
  prefix: string[];
  description: string;
  body: string[];
}

export type SnippetFile = Record<string, SnippetDefinition>;

/** The id a measure snippet proposes: obviously new, to be renamed with the section's prefix. */
const NEW_MEASURE_ID = 'NEW-1';
/** Stand-ins for what the editor fills in when the snippet is inserted. */
const YEAR_SENTINEL = 9000;
const FILE_SENTINEL = '\u0003FILE\u0003';

/** A stretch of a YAML text that becomes a tab stop: a placeholder with its text, or a given snippet. */
interface Stop {
  start: number;
  end: number;
  /** The stop's snippet text with `#` for its index; when absent, `${#:the original text}`. */
  snippet?: string;
}

/** Turns text into a snippet body: literal text escaped, the stops numbered in order, `$0` at the end. */
function toSnippet(text: string, stops: Stop[]): string {
  const sorted = [...stops].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  let index = 0;
  for (const stop of sorted) {
    if (stop.start < at) continue;
    index++;
    out += escapeSnippetText(text.slice(at, stop.start));
    out += stop.snippet !== undefined ? stop.snippet.replace(/#/g, String(index)) : `\${${index}:${escapeSnippetText(text.slice(stop.start, stop.end), true)}}`;
    at = stop.end;
  }
  return out + escapeSnippetText(text.slice(at)) + '$0';
}

/** Every scalar value that is still a placeholder (TODO, …): the drafter's to fill in. */
function placeholderStops(text: string): Stop[] {
  const document = parseDocument(text);
  const stops: Stop[] = [];
  visit(document, {
    Scalar(key, node: Scalar) {
      if (key === 'key' || !node.range || typeof node.value !== 'string') return;
      const reason = placeholderReason(node.value);
      if (reason && node.value.trim() !== '') stops.push({ start: node.range[0], end: node.range[1] });
    },
  });
  return stops;
}

/** The value of `key` in the mappings of a YAML text, wherever they are. */
function valuesOf(text: string, key: string): Node[] {
  const found: Node[] = [];
  visit(parseDocument(text), {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === key && pair.value) found.push(pair.value as Node);
    },
  });
  return found;
}

/** The stretch between the brackets of a flow sequence, or the whole node otherwise. */
function innerRange(node: Node): { start: number; end: number } | undefined {
  if (!node.range) return undefined;
  if (isSeq(node) && node.flow && node.items.length > 0) {
    const first = node.items[0] as Node;
    const last = node.items[node.items.length - 1] as Node;
    if (first.range && last.range) return { start: first.range[0], end: last.range[1] };
  }
  return { start: node.range[0], end: node.range[1] };
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : indent + line))
    .join('\n');
}

/** The lines of the first item of the block list under `key` (`measures`, `indicators`), unindented. */
function firstItem(text: string, key: string): string | undefined {
  const lines = text.split('\n');
  const keyLine = lines.findIndex((line) => new RegExp(`^\\s*(?:- )?${key}:\\s*$`).test(line));
  if (keyLine < 0) return undefined;
  const itemLine = keyLine + 1;
  const dash = /^(\s*)- /.exec(lines[itemLine] ?? '');
  if (!dash) return undefined;
  const column = dash[1].length;
  const item = [lines[itemLine].slice(column)];
  for (const line of lines.slice(itemLine + 1)) {
    const indent = line.length - line.trimStart().length;
    if (line.trim() !== '' && indent <= column) break;
    item.push(line.slice(column));
  }
  return item.join('\n').trimEnd();
}

function strategySnippet(schema: Schema): SnippetDefinition {
  const skeleton = `${renderSkeleton(schema, YEAR_SENTINEL, FILE_SENTINEL).trimEnd()}\n`;
  const document = parseDocument(skeleton);
  const stops: Stop[] = [];
  const strategy = document.get('strategy', true);
  const visitFields = (map: unknown, spec: MapSpec): void => {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const field = spec.fields[name];
      const value = pair.value as Node | null;
      if (!field || !value?.range) continue;
      const stop = fieldStop(field.value, value);
      if (stop) stops.push(stop);
      if (field.value.kind === 'map') visitFields(value, field.value);
    }
  };
  visitFields(strategy, STRATEGY_SPEC);
  let body = toSnippet(skeleton, stops);
  body = body.replace(new RegExp(FILE_SENTINEL, 'g'), '$TM_FILENAME').replace(new RegExp(`\\b${YEAR_SENTINEL}\\b`, 'g'), '$CURRENT_YEAR');
  return {
    prefix: ['dgs-strategy', 'strategy'],
    description: `A whole strategy, as \`dgs init\` writes it: the strategy block, every part and all ${schema.recommendations.length} sections of the ${schema.instrument.id}, with TODOs to replace.`,
    body: body.replace(/\n\$0$/, '$0').split('\n'),
  };
}

/** The tab stop of a strategy field's value: a choice for an enum, the current year for a year. */
function fieldStop(spec: ValueSpec, value: Node): Stop | undefined {
  const [start, end] = value.range!;
  switch (spec.kind) {
    case 'enum':
      return { start, end, snippet: `\${#|${spec.values.map(escapeChoice).join(',')}|}` };
    case 'year':
      // The skeleton's years count from a stand-in; each becomes a stop holding the current year.
      return { start, end, snippet: '${#:$CURRENT_YEAR}' };
    case 'prose':
      return isScalar(value) && typeof value.value === 'string' && placeholderReason(value.value) ? { start, end } : undefined;
    default:
      return undefined;
  }
}

function sectionSnippet(recommendation: Recommendation): SnippetDefinition {
  const id = `${recommendation.idPrefix}-1`;
  const text = `${recommendation.section}:\n${indentLines(renderSectionTemplate(recommendation, id), '  ')}`;
  const stops = placeholderStops(text);
  for (const node of valuesOf(text, 'id')) if (node.range) stops.push({ start: node.range[0], end: node.range[1] });
  for (const node of valuesOf(text, 'addresses')) {
    const range = innerRange(node);
    if (range) stops.push(range);
  }
  const part = recommendation.part;
  return {
    prefix: [recommendation.section],
    description: `Section ${recommendation.number}, ${recommendation.title} (Part ${part.numeral}, under \`${part.key}\`): ${recommendation.text}`,
    body: toSnippet(text, stops).split('\n'),
  };
}

function measureSnippet(schema: Schema): SnippetDefinition {
  const template = renderSectionTemplate(schema.recommendations[0], NEW_MEASURE_ID);
  const item = firstItem(template, 'measures');
  if (item === undefined) throw new Error(`the template of section ${schema.recommendations[0].section} has no measure to make a measure snippet from`);
  const text = item;
  const stops = placeholderStops(text);
  for (const node of valuesOf(text, 'id')) if (node.range) stops.push({ start: node.range[0], end: node.range[1] });
  for (const node of valuesOf(text, 'addresses')) {
    const range = innerRange(node);
    if (range) stops.push({ ...range, snippet: `\${#|${schema.units.map((unit) => escapeChoice(unit.ref)).join(',')}|}` });
  }
  return {
    prefix: ['measure'],
    description: 'A measure: its id, title, the clauses it addresses, its lead institution and an indicator. Goes in a section\'s `measures` list.',
    body: toSnippet(text, stops).split('\n'),
  };
}

function indicatorSnippet(schema: Schema): SnippetDefinition {
  const template = renderSectionTemplate(schema.recommendations[0], NEW_MEASURE_ID);
  const measure = firstItem(template, 'measures');
  const item = measure === undefined ? undefined : firstItem(measure, 'indicators');
  if (item === undefined) throw new Error(`the template of section ${schema.recommendations[0].section} has no indicator to make an indicator snippet from`);
  return {
    prefix: ['indicator'],
    description: "An indicator: what it measures and the target. Goes in a measure's `indicators` list.",
    body: toSnippet(item, placeholderStops(item)).split('\n'),
  };
}

function businessCaseSnippet(schema: Schema): SnippetDefinition {
  const spec = MEASURE_SPEC.fields['business-case'].value as MapSpec;
  const lines = ['business-case:'];
  for (const [name, field] of Object.entries(spec.fields)) {
    const doc = schema.fields[`${spec.docPath}.${name}`]?.doc ?? name;
    const placeholder = `TODO ${doc.charAt(0).toLowerCase()}${doc.slice(1).replace(/\.$/, '')}`;
    lines.push(`  ${name}: ${field.value.kind === 'list' ? `[${placeholder}]` : placeholder}`);
  }
  const text = lines.join('\n');
  const clauses = schema.fields[spec.docPath]?.clauses ?? [];
  return {
    prefix: ['business-case'],
    description: `A business case${clauses.length > 0 ? ` (${clauses.join(', ')})` : ''}: the value the measure creates and the stakeholders who defined it. Goes in a measure.`,
    body: toSnippet(text, placeholderStops(text)).split('\n'),
  };
}

/**
 * A section's not-applicable list with one entry: the clause (a choice of every clause; the
 * section's own is the only one accepted there) and the reason, left a placeholder so that
 * the clause counts only once the drafter writes why.
 */
function notApplicableSnippet(schema: Schema): SnippetDefinition {
  const required = Object.entries(NOT_APPLICABLE_SPEC.fields).filter(([, field]) => field.required);
  const lines = required.map(([name, field], index) => {
    const stop = field.value.kind === 'clause' ? `\${${index + 1}|${schema.units.map((unit) => escapeChoice(unit.ref)).join(',')}|}` : `\${${index + 1}:TODO say why the clause does not apply to this strategy}`;
    return `${index === 0 ? '  - ' : '    '}${name}: ${stop}`;
  });
  const optional = Object.keys(NOT_APPLICABLE_SPEC.fields).filter((name) => !NOT_APPLICABLE_SPEC.fields[name].required);
  return {
    prefix: ['not-applicable'],
    description: `Clauses of a section that do not apply to this strategy, each with the reason${optional.length > 0 ? ` (optionally \`${optional.join('`, `')}\`: who handles it instead)` : ''}. Goes in a section; the clause counts as not applicable once the reason is written.`,
    body: ['not-applicable:', ...lines.slice(0, -1), `${lines[lines.length - 1]}$0`],
  };
}

/** Every snippet, in a stable order: the strategy, the sections in the schema's order, a measure, an indicator, a business case. */
export function generateSnippets(schema: Schema): SnippetFile {
  const snippets: SnippetFile = { 'Strategy skeleton': strategySnippet(schema) };
  for (const recommendation of schema.recommendations) {
    snippets[`Section ${recommendation.number}: ${recommendation.section}`] = sectionSnippet(recommendation);
  }
  snippets['Measure'] = measureSnippet(schema);
  snippets['Indicator'] = indicatorSnippet(schema);
  snippets['Business case'] = businessCaseSnippet(schema);
  snippets['Not applicable'] = notApplicableSnippet(schema);
  return snippets;
}

/** The text of `snippets/dgs-strategy.json`. */
export function renderSnippetFile(schema: Schema): string {
  return JSON.stringify(generateSnippets(schema), null, 2) + '\n';
}
