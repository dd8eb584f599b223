/**
 * An imported strategy → the text of a strategy file, through the `yaml` package's Document
 * API, so that any title (with `#`, `:`, commas, quotes) is quoted as YAML needs and reads
 * back as written. Every guessed value gets a trailing `  # imported: check`; a comment
 * block at the top says what was found, what was guessed and what could not be placed.
 */
import { Document, isMap, isSeq, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { ImportedMeasure, ImportedSection, ImportedStrategy } from './assemble';
import { Indicator } from './fields';

export const IMPORTED_MARK = ' imported: check';
/** Prose longer than this is written as a folded block rather than on the key's line. */
const FOLD_AT = 80;

/** Dates and years as YAML values: a year alone is a number, like the examples write it. */
function dateValue(date: string): string | number {
  return /^\d{4}$/.test(date) ? Number(date) : date;
}

function prose(doc: Document, text: string): Scalar {
  const node = doc.createNode(text) as Scalar;
  if (text.length > FOLD_AT || text.includes('\n')) node.type = text.includes('\n') ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED;
  return node;
}

function marked<T extends Node>(node: T): T {
  node.comment = IMPORTED_MARK;
  return node;
}

function flow<T extends YAMLMap | YAMLSeq>(node: T): T {
  node.flow = true;
  return node;
}

function indicatorNode(doc: Document, indicator: Indicator): YAMLMap {
  const value: Record<string, string | number> = { name: indicator.name };
  if (indicator.baseline !== undefined) value.baseline = indicator.baseline;
  value.target = indicator.target;
  if (indicator.by !== undefined) value.by = dateValue(indicator.by);
  return marked(flow(doc.createNode(value) as YAMLMap));
}

function measureNode(doc: Document, measure: ImportedMeasure): YAMLMap {
  const node = new YAMLMap();
  node.set('id', measure.id);
  node.set('title', doc.createNode(measure.title));
  if (measure.ref) node.set('x-ref', doc.createNode(measure.ref));
  if (measure.description) node.set('description', prose(doc, measure.description));
  if (measure.addresses.length > 0) node.set('addresses', marked(flow(doc.createNode(measure.addresses) as YAMLSeq)));
  const { lead, partners, due, budget, indicators } = measure.fields;
  if (lead) node.set('lead', marked(doc.createNode(lead) as Scalar));
  if (partners) {
    const list = flow(doc.createNode(partners) as YAMLSeq);
    // A partner written in lower case is quoted, so that no reader takes it for the tail of the one before.
    for (const item of list.items) if (/^\p{Ll}/u.test(String((item as Scalar).value))) (item as Scalar).type = Scalar.QUOTE_DOUBLE;
    node.set('partners', marked(list));
  }
  if (due) node.set('due', marked(doc.createNode(dateValue(due)) as Scalar));
  if (budget) node.set('budget', marked(flow(doc.createNode({ amount: budget.amount, currency: budget.currency }) as YAMLMap)));
  if (indicators && indicators.length > 0) {
    const list = new YAMLSeq();
    for (const indicator of indicators) list.add(indicatorNode(doc, indicator));
    node.set('indicators', list);
  }
  return node;
}

function sectionNode(doc: Document, section: ImportedSection): YAMLMap {
  const node = new YAMLMap();
  if (section.headings.length > 0) node.set('x-heading', doc.createNode(section.headings.length === 1 ? section.headings[0] : section.headings));
  if (section.summary.length > 0) node.set('summary', prose(doc, section.summary.join('\n')));
  const measures = new YAMLSeq();
  for (const measure of section.measures) measures.add(measureNode(doc, measure));
  node.set('measures', measures);
  return node;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export interface ImportSummary {
  measures: number;
  sections: number;
  leads: number;
  dates: number;
  budgets: number;
  indicators: number;
  partnerLists: number;
  unplaced: number;
  /** Strategy fields the title page did not give. */
  strategyMissing: string[];
  /** Sections of the Recommendation the document has nothing for. */
  sectionsMissing: string[];
}

export function summarise(imported: ImportedStrategy, allSections: readonly string[]): ImportSummary {
  const measures = imported.sections.flatMap((section) => section.measures);
  const count = (has: (measure: ImportedMeasure) => boolean): number => measures.filter(has).length;
  const strategy = imported.strategy;
  const present = new Set(imported.sections.map((section) => section.recommendation.section));
  return {
    measures: measures.length,
    sections: imported.sections.length,
    leads: count((measure) => measure.fields.lead !== undefined),
    dates: count((measure) => measure.fields.due !== undefined),
    budgets: count((measure) => measure.fields.budget !== undefined),
    indicators: measures.reduce((total, measure) => total + (measure.fields.indicators?.length ?? 0), 0),
    partnerLists: count((measure) => measure.fields.partners !== undefined),
    unplaced: imported.unplaced.length,
    strategyMissing: (['title', 'government', 'level', 'period', 'status', 'lead'] as const).filter((field) => strategy[field] === undefined),
    sectionsMissing: allSections.filter((section) => !present.has(section)),
  };
}

function headerComment(summary: ImportSummary, source: string, mapped: boolean): string {
  const lines = [
    ' dgs-strategy',
    ` Imported by dgs import from ${source}: a first draft to check, not the drafter's text as adopted.`,
    ' Every value marked "imported: check" was guessed; check it, then delete the mark.',
    ` Found ${plural(summary.measures, 'measure')} in ${plural(summary.sections, 'section')}, with ${plural(summary.leads, 'lead')}, ${plural(summary.dates, 'due date')}, ${plural(summary.budgets, 'budget')}, ${plural(summary.indicators, 'indicator')} and ${plural(summary.partnerLists, 'list')} of partners.`,
  ];
  if (!mapped) lines.push(' No clause mapper was available: sections could not be matched and addresses are empty.');
  if (summary.strategyMissing.length > 0) lines.push(` Not found on the title page: ${summary.strategyMissing.join(', ')}.`);
  if (summary.sectionsMissing.length > 0) lines.push(` Nothing in the document for: ${summary.sectionsMissing.join(', ')}.`);
  lines.push(
    summary.unplaced > 0
      ? ` Could not be placed: ${plural(summary.unplaced, 'passage')}, kept word for word under x-unplaced at the end.`
      : ' Every passage of the document was placed.',
  );
  lines.push(' Run dgs check on this file: its findings are the list of what is left to do.');
  return lines.join('\n');
}

function strategyNode(doc: Document, imported: ImportedStrategy): YAMLMap {
  const guess = imported.strategy;
  const node = new YAMLMap();
  const set = (key: string, value: unknown): void => {
    if (value === undefined) return;
    const child = doc.createNode(value) as Node;
    if (isMap(child) || isSeq(child)) child.flow = true;
    node.set(key, marked(child));
  };
  set('title', guess.title);
  set('government', guess.government);
  set('level', guess.level);
  set('period', guess.period);
  set('status', guess.status);
  set('adopted-on', guess.adoptedOn === undefined ? undefined : dateValue(guess.adoptedOn));
  set('lead', guess.lead);
  return node;
}

/** The strategy file's text. `source` names the document in the header comment. */
export function emitStrategy(imported: ImportedStrategy, source: string, summary: ImportSummary): string {
  const doc = new Document(new YAMLMap());
  const root = doc.contents as YAMLMap;
  doc.commentBefore = headerComment(summary, source, imported.mapped);
  root.set('strategy', strategyNode(doc, imported));
  for (const part of new Set(imported.sections.map((section) => section.recommendation.part))) {
    const partNode = new YAMLMap();
    for (const section of imported.sections.filter((candidate) => candidate.recommendation.part === part)) {
      const key = doc.createNode(section.recommendation.section) as Scalar;
      partNode.set(marked(key), sectionNode(doc, section));
    }
    root.set(part.key, partNode);
  }
  if (imported.unplaced.length > 0) {
    const list = new YAMLSeq();
    for (const entry of imported.unplaced) {
      const item = new YAMLMap();
      if (entry.heading !== undefined) item.set('heading', doc.createNode(entry.heading));
      if (entry.text.length > 0) item.set('text', prose(doc, entry.text.join('\n')));
      list.add(item);
    }
    root.set('x-unplaced', list);
  }
  return doc.toString({
    lineWidth: 100,
    // The mark is written as YAML style guides ask: two spaces before the #, one after.
    commentString: (comment) => (comment === IMPORTED_MARK ? ` #${IMPORTED_MARK}` : comment.replace(/^/gm, '#')),
  });
}
