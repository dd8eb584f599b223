/**
 * The text that fixes insert, made from the schema's section templates: a section's body in
 * the file's block layout or as one flow mapping, and the template's measure as a list item.
 * Every rendering is checked to read back as the template's own value, or is not offered.
 */
import { isDeepStrictEqual } from 'util';
import { Document, isMap, isScalar, isSeq, Node, parseDocument, visit } from 'yaml';
import { CoverageUnit, Recommendation } from '../../core/schema/types';
import { renderSectionTemplate } from '../../core/templates';
import { indentOf, isBlank, lastContentLine, Layout, reindent } from './layout';
import { LineIndex } from '../../core/text/lineIndex';

/** Text to insert in block style, at a given column, or in flow style on one line. */
export interface Rendering {
  /** Lines (without line endings) whose top level sits at `column`; undefined when it cannot be done safely. */
  block(column: number): string[] | undefined;
  /** One line of flow YAML; undefined when it cannot be done safely. */
  flow(): string | undefined;
}

function valueOf(text: string): unknown {
  const document = parseDocument(text);
  return document.errors.length > 0 ? Symbol('unreadable') : document.toJS();
}

function shift(lines: string[], column: number): string[] {
  const pad = ' '.repeat(column);
  return lines.map((line) => (line === '' ? '' : pad + line));
}

/** YAML text written at column 0, re-indented to the layout, if it still reads the same. */
function blockRendering(text: string, layout: Layout): ((column: number) => string[] | undefined) {
  let lines: string[] | null | undefined;
  return (column) => {
    if (lines === undefined) {
      const candidate = reindent(text, 0, layout);
      lines = isDeepStrictEqual(valueOf(candidate.join('\n')), valueOf(text)) ? candidate : null;
    }
    return lines === null ? undefined : shift(lines, column);
  };
}

/** A node's value as one line of flow YAML, comments left out, if it reads back the same. */
export function flowText(node: Node): string | undefined {
  const document = new Document();
  document.contents = node.clone() as Node;
  visit(document, {
    Node(_key, child) {
      child.commentBefore = undefined;
      child.comment = undefined;
      child.spaceBefore = false;
    },
  });
  const text = document.toString({ collectionStyle: 'flow', lineWidth: 0 }).trim();
  if (text.includes('\n') || text.includes('#')) return undefined;
  return isDeepStrictEqual(valueOf(text), document.toJS()) ? text : undefined;
}

/** A section's body (summary, measures) from its template, with the given measure id. */
export function sectionBody(recommendation: Recommendation, id: string, layout: Layout): Rendering {
  const text = renderSectionTemplate(recommendation, id);
  const contents = parseDocument(text).contents;
  return {
    block: blockRendering(text, layout),
    flow: () => (contents && isMap(contents) ? flowText(contents) : undefined),
  };
}

/** A list item written as YAML at column 0 (`- clause: …`), in block lines or as one line of flow. */
export function listItem(itemText: string, layout: Layout): Rendering | undefined {
  const document = parseDocument(itemText);
  const list = document.contents;
  if (document.errors.length > 0 || !isSeq(list) || list.items.length !== 1) return undefined;
  const item = list.items[0] as Node;
  return { block: blockRendering(itemText, layout), flow: () => flowText(item) };
}

/**
 * The template's first measure, addressing only `unit`, as a list item (`- id: …`), or
 * undefined when the template has no measure to take.
 */
export function measureItem(recommendation: Recommendation, unit: CoverageUnit, id: string, layout: Layout): Rendering | undefined {
  const text = renderSectionTemplate({ ...recommendation, units: [unit] }, id);
  const document = parseDocument(text);
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  const measures = document.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'measures')?.value;
  if (!isSeq(measures) || measures.items.length === 0) return undefined;
  const item = measures.items[0] as Node;
  if (!isMap(item) || !item.range) return undefined;
  const flow = (): string | undefined => flowText(item);
  let itemText: string | undefined;
  if (!measures.flow && !item.flow) {
    // The item's own lines, from its dash to its last line, moved to column 0.
    const lines = new LineIndex(text);
    const first = lines.positionAt(item.range[0]);
    const lineText = lines.lineText(first.line);
    const dash = lineText.lastIndexOf('-', first.character - 1);
    if (dash < 0 || !/^-\s+$/.test(lineText.slice(dash, first.character)) || lineText.slice(0, dash).trim() !== '') return undefined;
    const last = lastContentLine(lines, item.range[1]);
    const itemLines: string[] = [];
    for (let line = first.line; line <= last; line++) {
      const content = lines.lineText(line);
      if (!isBlank(content) && indentOf(content) < dash) return undefined;
      itemLines.push(isBlank(content) ? '' : content.slice(dash));
    }
    itemText = itemLines.join('\n');
  } else {
    const single = flow();
    if (single !== undefined) itemText = `- ${single}`;
  }
  if (itemText === undefined) return undefined;
  return { block: blockRendering(itemText, layout), flow };
}
