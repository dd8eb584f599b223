/**
 * Snippet texts built from the schema's section templates: a section, a part with all its
 * sections, a measure, an indicator, a business case. Indented like the file, with a
 * tab stop on every placeholder value so the drafter can fill them in turn.
 */
import { isMap, isScalar, isSeq, Node, parseDocument, Scalar, visit, YAMLMap } from 'yaml';
import { MEASURE_SPEC, MapSpec } from '../core/model/format';
import { placeholderReason } from '../core/model/walk';
import { Part, Recommendation, Schema } from '../core/schema/types';
import { renderSectionTemplate } from '../core/templates';

export interface SnippetText {
  /** LSP snippet syntax, tab stops on placeholders. */
  snippet: string;
  /** The same text without tab stops, for clients without snippet support. */
  plain: string;
}

const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * Re-indents YAML written with any indentation so that each nesting level is `unit` deeper
 * than its parent. Content after a `- ` stays two columns after its dash, as YAML needs.
 */
export function reindent(text: string, unit: number): string {
  const stack: Array<{ from: number; to: number }> = [{ from: 0, to: 0 }];
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return '';
      const indent = line.length - line.trimStart().length;
      while (stack.length > 1 && stack[stack.length - 1].from > indent) stack.pop();
      const top = stack[stack.length - 1];
      let to = top.to;
      if (indent > top.from) {
        to = top.to + unit;
        stack.push({ from: indent, to });
      }
      let from = indent;
      let column = to;
      let rest = line.slice(indent);
      while (/^-( |$)/.test(rest)) {
        const spaces = /^-( *)/.exec(rest)![1].length;
        from += 1 + spaces;
        column += 2;
        rest = rest.slice(1 + spaces);
        while (stack.length > 1 && stack[stack.length - 1].from >= from) stack.pop();
        stack.push({ from, to: column });
      }
      return ' '.repeat(to) + line.slice(indent).replace(/^(-\s+)+/, (dashes) => '- '.repeat(dashes.split('-').length - 1));
    })
    .join('\n');
}

/** Marks every placeholder value (TODO, …) of a YAML text, so that it becomes a tab stop. */
function markPlaceholders(text: string): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) return text;
  const ranges: Array<[number, number]> = [];
  visit(document, {
    Scalar(key, node: Scalar) {
      if (key === 'key' || !node.range || typeof node.value !== 'string') return;
      if (placeholderReason(node.value) && !placeholderReason(node.value)!.startsWith('is empty')) ranges.push([node.range[0], node.range[1]]);
    },
  });
  let marked = text;
  for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) marked = marked.slice(0, start) + OPEN + marked.slice(start, end) + CLOSE + marked.slice(end);
  return marked;
}

/**
 * Turns an unindented YAML text into a snippet whose lines after the first start at
 * `indent` columns (the insertion is made as is, the client adds nothing).
 */
export function makeSnippet(yamlText: string, indent: number, prefix = ''): SnippetText {
  const marked = markPlaceholders(yamlText);
  const lines = marked.split('\n').map((line, index) => (index === 0 || line === '' ? line : ' '.repeat(indent) + line));
  const indented = prefix + lines.join('\n');
  let stop = 0;
  const snippet =
    indented
      .replace(/[\\$}]/g, (character) => `\\${character}`)
      .replace(new RegExp(OPEN, 'g'), () => `\${${++stop}:`)
      .replace(new RegExp(CLOSE, 'g'), '}') + '$0';
  const plain = indented.replace(new RegExp(`[${OPEN}${CLOSE}]`, 'g'), '');
  return { snippet, plain };
}

/** A section with its template: `openness:` and the body under it. */
export function sectionYaml(recommendation: Recommendation, id: string, unit: number): string {
  return `${recommendation.section}:\n${indentBody(reindent(renderSectionTemplate(recommendation, id), unit), unit)}`;
}

/** A part with every one of its sections. */
export function partYaml(part: Part, freeId: (recommendation: Recommendation) => string, unit: number): string {
  const sections = part.recommendations.map((recommendation) => sectionYaml(recommendation, freeId(recommendation), unit));
  return `${part.key}:\n${indentBody(sections.join('\n'), unit)}`;
}

function indentBody(text: string, by: number): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(by) + line))
    .join('\n');
}

/** The text of a node of a template, unindented; a flow mapping is written out as block lines. */
function nodeText(source: string, node: Node): string {
  if (isMap(node) && node.flow) {
    return (node as YAMLMap).items
      .map((pair) => `${isScalar(pair.key) ? String(pair.key.value) : ''}: ${isScalar(pair.value) ? String((pair.value as Scalar & { source?: string }).source ?? pair.value.value) : ''}`)
      .join('\n');
  }
  const [start, end] = node.range!;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const column = start - lineStart;
  return source
    .slice(start, end)
    .trimEnd()
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.slice(Math.min(column, line.length - line.trimStart().length))))
    .join('\n');
}

/** The first measure of a section's template: what a new measure of that section looks like. */
export function measureYaml(recommendation: Recommendation, id: string, unit: number): string | undefined {
  const source = reindent(renderSectionTemplate(recommendation, id), unit);
  const measures = parseDocument(source).get('measures', true);
  const first = isSeq(measures) ? measures.items[0] : undefined;
  return isMap(first) ? nodeText(source, first as Node) : undefined;
}

/** The first indicator of a section's template. */
export function indicatorYaml(recommendation: Recommendation, unit: number): string | undefined {
  const source = reindent(renderSectionTemplate(recommendation, 'X'), unit);
  const measures = parseDocument(source).get('measures', true);
  const first = isSeq(measures) ? measures.items[0] : undefined;
  const indicators = isMap(first) ? first.get('indicators', true) : undefined;
  const indicator = isSeq(indicators) ? indicators.items[0] : undefined;
  return isMap(indicator) ? nodeText(source, indicator as Node) : undefined;
}

/**
 * A business case: the fields the format gives it, each with a placeholder taken from the
 * schema's documentation of the field.
 */
export function businessCaseYaml(schema: Schema, unit: number): string {
  const spec = MEASURE_SPEC.fields['business-case'].value as MapSpec;
  const lines = ['business-case:'];
  for (const [name, field] of Object.entries(spec.fields)) {
    const doc = schema.fields[`${spec.docPath}.${name}`]?.doc.replace(/\.$/, '') ?? name;
    const placeholder = `TODO ${doc}`;
    lines.push(`${' '.repeat(unit)}${name}: ${field.value.kind === 'list' ? `[${placeholder}]` : placeholder}`);
  }
  return lines.join('\n');
}

/** The reason a new not-applicable declaration gets: a placeholder, so that the clause stays not addressed until it is written. */
export function notApplicableReasonPlaceholder(ref: string): string {
  return `TODO say why clause ${ref} does not apply to this strategy`;
}

/** A not-applicable entry for a clause, as a list item (`- clause: …`), unindented; the reason still to be written. */
export function notApplicableItemYaml(ref: string, clause: string = ref): string {
  return `- clause: ${clause}\n  reason: ${notApplicableReasonPlaceholder(ref)}`;
}
