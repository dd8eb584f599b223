/**
 * The strategy model: what the drafter wrote, read from the checked tree into the terms
 * the rules and the editor features use (parts, sections, measures, clause references).
 */
import { Document, isMap, isScalar, isSeq } from 'yaml';
import { ClauseResolution, resolveClause } from '../clauses';
import { Issue } from '../findings';
import type { ClauseCoverageStatus } from '../shared';
import { CoverageUnit, Part, Recommendation, Schema } from '../schema/types';
import { LineIndex, Span } from '../text/lineIndex';
import { MapSpec, rootSpec } from './format';
import { removeFromBucket } from './buckets';
import { BrokenUnit } from './incremental';
import { graphSignature, MeasureGraph } from './graph';
import { CheckedEntry, CheckedValue, parseDate, Walker, WalkMemo } from './walk';

export interface PartModel {
  part: Part;
  keySpan: Span;
  value: CheckedValue;
}

export interface SectionModel {
  recommendation: Recommendation;
  part: PartModel;
  keySpan: Span;
  value: CheckedValue;
  summary?: CheckedEntry;
  measuresEntry?: CheckedEntry;
  measures: MeasureModel[];
  /** The section's `not-applicable` entries (spec §7.2), in file order. */
  notApplicable: NotApplicableModel[];
  /** Which of the section's measures name each unit, computed on first use (coverage.ts) and again when its measures change. */
  addressing?: SectionAddressing;
}

/** The measures of one section that name each coverage unit, by the unit's ref, in file order. */
export interface SectionAddressing {
  /** Live and real measures: they address the unit. */
  live: Map<string, MeasureModel[]>;
  /** Dropped measures and placeholders: they name it but address nothing. */
  inactive: Map<string, MeasureModel[]>;
  /** Of the live measures that address a unit: whether one has a lead, one an indicator with a target, and one both. */
  accountability: Map<string, { lead: boolean; target: boolean; both: boolean }>;
}

/** A clause the section declares not applicable to this strategy, with the reason. */
export interface NotApplicableModel {
  section: SectionModel;
  /** The item's first line. */
  firstLine: Span;
  /** The whole item. */
  span: Span;
  /** The clause as written, where, and what it resolves to. */
  clause?: { span: Span; resolution: ClauseResolution };
  /** The coverage unit, when the clause is one of the section's own units. */
  unit?: CoverageUnit;
  reason?: string;
  handledBy?: string;
}

export interface ClauseReference {
  measure: MeasureModel;
  span: Span;
  resolution: ClauseResolution;
}

export interface MeasureReference {
  measure: MeasureModel;
  id: string;
  span: Span;
}

export interface DateValue {
  field: 'due' | 'by';
  year: number;
  text: string;
  span: Span;
}

export interface MeasureModel {
  section: SectionModel;
  /** What the measure counts for, computed on first use (coverage.ts). */
  standing?: MeasureStanding;
  value: CheckedValue;
  /** The measure's first line, where measure-level findings point. */
  firstLine: Span;
  id?: { text: string; span: Span };
  title?: string;
  entries: Map<string, CheckedEntry>;
  addresses: ClauseReference[];
  dependsOn?: { keySpan: Span; references: MeasureReference[] };
  hasLead: boolean;
  indicatorCount: number;
  budget?: { keySpan: Span; amount?: number; currency?: string; currencySpan?: Span };
  businessCase?: { keySpan: Span; stakeholderCount: number };
  dates: DateValue[];
  /** The due date as written, and as a key that compares: its last day (2027 is the end of 2027, 2027-06 the end of June). */
  due?: { text: string; key: string };
}

/** What the lines of a measure that does not parse say of it. */
export interface BrokenMeasure {
  due?: { text: string; key: string };
}

export interface StrategyBlock {
  keySpan: Span;
  entries: Map<string, CheckedEntry>;
  /** The period when both years are valid. */
  period?: { keySpan: Span; from: number; to: number };
  status?: { text: string; span: Span };
  adoptedOnPresent: boolean;
  threshold?: { amount: number; currency: string };
}

export interface StrategyModel {
  schema: Schema;
  text: string;
  lines: LineIndex;
  /** The parsed YAML documents; the first is the strategy. */
  documents: Document.Parsed[];
  /** The root's shape: a mapping, nothing at all, or something else (a list, a scalar). */
  rootKind: 'map' | 'empty' | 'other';
  root?: CheckedValue;
  strategy?: StrategyBlock;
  /** Present parts, in file order. */
  parts: PartModel[];
  /** Present sections, in file order. */
  sections: SectionModel[];
  /** Every measure, in file order. */
  measures: MeasureModel[];
  /** Every clause reference in `addresses`, in file order. */
  references: ClauseReference[];
  /** Every measure that depends on another (a `depends-on` with at least one id), in file order. */
  dependents: MeasureModel[];
  /** Every measure that has a given id, in file order. */
  measuresById: Map<string, MeasureModel[]>;
  /** The ids, due dates and dependencies of the measures: kept from the last version while an edit changes none of them. */
  graph: MeasureGraph;
  /**
   * The measures that do not parse at the moment (`broken`, a drafter typing in them), by
   * the id their `id:` line writes, with the due date their `due:` line writes: a measure
   * that depends on one is neither told that no measure has its id, nor loses what its
   * due date says.
   */
  brokenMeasures: ReadonlyMap<string, BrokenMeasure>;
  /**
   * When this model was read from the last one's lists, edited in place: the last model's
   * `measures`, and which measures left and came since. Every other measure is the same
   * object, in the same section.
   */
  changed?: { since: MeasureModel[]; removed: MeasureModel[]; added: MeasureModel[] };
  /** Findings of the YAML parser and of the walk along the format. */
  issues: Issue[];
  /** True when the YAML did not parse: only yaml-syntax findings are then reported. */
  syntaxErrors: boolean;
  /** Syntax errors past the first SYNTAX_DETAIL of their kind: counted, never made into findings. */
  syntaxUncounted: number;
  /**
   * The parts of the text that do not parse on their own (a measure, a field, the lines
   * before the first key): left out of the model, each reported with its parser errors,
   * while the rest is read as usual.
   */
  broken: BrokenUnit[];
  /** The format the file was walked along (model/format.ts). */
  format: MapSpec;
  /** The coverage, computed on first use (coverage.ts). */
  coverage?: Coverage;
}

/**
 * What the model builder derives from a schema once: the format, the part keys, and the
 * clause references resolved so far. The document service keeps one per schema.
 */
export interface SchemaContext {
  schema: Schema;
  format: MapSpec;
  partKeys: ReadonlySet<string>;
  /** Clause references resolved before, by their text (never changed once made). */
  resolutions: Map<string, ClauseResolution>;
}

export function schemaContext(schema: Schema): SchemaContext {
  return { schema, format: rootSpec(schema), partKeys: new Set(schema.parts.map((part) => part.key)), resolutions: new Map() };
}

/**
 * What the model builder may reuse from the model of the previous version of the same
 * document (the document service, document.ts, keeps it). The builder stays a function of
 * its input: a memo only hands back what reading the very same checked value gave before.
 */
export interface ModelMemo {
  walk: WalkMemo;
  /** What the previous model read from each list, when the parse applied an edit in place. */
  previous?: ModelState;
  /** The measure read before from this checked value of a list item, if any. */
  measureOf(item: CheckedValue): MeasureModel | undefined;
  keepMeasure(item: CheckedValue, measure: MeasureModel): void;
  /** Receives what this model read, for the next version. */
  keepState(state: ModelState): void;
  /** A key for a new state of the measure graph, never given before for this document. */
  graphKey(): string;
}

/** What the model is read from: one version's text, its line index and its parse. */
export interface ModelInput {
  text: string;
  lines: LineIndex;
  documents: Document.Parsed[];
  broken: BrokenUnit[];
  context: SchemaContext;
  memo?: ModelMemo;
}

/**
 * The parser's message as one short line. A token it quotes (JSON-escaped) is cut at its
 * first line break and after 60 characters: a message must not carry a megabyte of the
 * file, and must read the same whatever the file's line endings.
 */
/** How many syntax errors of each kind (the parser's, the broken items') become findings; only the first hundred are shown. */
export const SYNTAX_DETAIL = 1000;

function parserMessage(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return first.replace(/"((?:[^"\\]|\\.)*)"/g, (whole: string, inner: string) => {
    let cut = inner.split(/\\[rn]/)[0];
    if (cut.length > 60) cut = cut.slice(0, 60);
    return cut === inner ? whole : `"${cut}…"`;
  });
}

function lineSpan(lines: LineIndex, start: number): Span {
  const line = lines.positionAt(start).line;
  return { start, end: Math.max(start, lines.lineEnd(line)) };
}

/** Walks a parsed strategy along the format and reads the strategy model. Never throws. */
export function readModel(input: ModelInput): StrategyModel {
  const { text, lines, documents: docs, broken, context, memo } = input;
  const schema = context.schema;
  const issues: Issue[] = [];
  const model: StrategyModel = {
    schema,
    text,
    lines,
    documents: docs,
    rootKind: 'empty',
    parts: [],
    sections: [],
    measures: [],
    references: [],
    dependents: [],
    measuresById: new Map(),
    graph: new MeasureGraph(memo ? memo.graphKey() : 'once'),
    brokenMeasures: brokenMeasures(text, broken),
    issues,
    syntaxErrors: false,
    syntaxUncounted: 0,
    broken,
    format: context.format,
  };
  // A text that is not YAML at all can give an error on every line: past the first
  // SYNTAX_DETAIL errors of each kind (in text order), they are only counted.
  let parserErrors = 0;
  for (const document of docs) {
    for (const error of document.errors) {
      if (parserErrors++ >= SYNTAX_DETAIL) continue;
      // The parser reports an unexpected end of the text one character past it: keep the place inside the text.
      const start = Math.min(error.pos[0], text.length);
      issues.push({
        rule: 'yaml-syntax',
        span: { start, end: Math.min(Math.max(error.pos[1], start), text.length) },
        message:
          error.code === 'RESOURCE_EXHAUSTION'
            ? 'YAML syntax: the values nest too deep to be read here.'
            : `YAML syntax: ${parserMessage(error.message)}`,
      });
    }
  }
  for (const extra of docs.slice(1)) {
    // An empty document after a trailing `---` holds nothing to lose; one with content does.
    const contents = extra.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) continue;
    if (parserErrors++ >= SYNTAX_DETAIL) continue;
    const start = extra.range?.[0] ?? 0;
    issues.push({
      rule: 'yaml-syntax',
      span: lineSpan(lines, start),
      message: 'A strategy file holds one YAML document; this second document is not read. Remove the --- separator or move it to its own file.',
    });
  }
  model.syntaxErrors = issues.length > 0;
  let unitErrors = 0;
  for (const unit of broken) {
    for (const error of unit.errors) {
      if (unitErrors++ >= SYNTAX_DETAIL) continue;
      const start = Math.min(error.start, text.length);
      issues.push({
        rule: 'yaml-syntax',
        span: { start, end: Math.min(Math.max(error.end, start), text.length) },
        message: error.code === 'PREAMBLE' ? error.message : `YAML syntax: ${parserMessage(error.message)}`,
      });
    }
  }
  model.syntaxUncounted = Math.max(0, parserErrors - SYNTAX_DETAIL) + Math.max(0, unitErrors - SYNTAX_DETAIL);

  const document = docs[0];
  const contents = document?.contents ?? null;
  // No content at all is an empty file; a written `~` or `null` is a scalar like any other.
  const written = isScalar(contents) && ((contents as { source?: string }).source ?? '') !== '';
  if (contents === null || (isScalar(contents) && contents.value === null && !written)) {
    model.rootKind = 'empty';
  } else if (!isMap(contents)) {
    model.rootKind = 'other';
    issues.push({
      rule: 'type-mismatch',
      span: lineSpan(lines, 0),
      message: `A strategy file should be made of named blocks at the left margin (strategy, ${schema.parts.map((part) => part.key).join(', ')}); this file's top level is ${isSeq(contents) ? 'a list' : 'a single value'}.`,
    });
    return model;
  } else {
    model.rootKind = 'map';
  }
  const walker = new Walker(document ?? (new Document() as Document.Parsed), lines, memo?.walk);
  const root = walker.check(contents, context.format, 'the strategy file', { start: 0, end: 0 }, lineSpan(lines, 0));
  issues.push(...walker.issues);
  model.root = root;
  const entries = root.entries ?? new Map<string, CheckedEntry>();

  const strategyEntry = entries.get('strategy');
  if (strategyEntry?.value.ok) model.strategy = readStrategy(strategyEntry);

  // What the last model read from each list, when this parse applied an edit in place.
  const previous = memo?.previous;
  const state: ModelState | undefined = memo ? { lists: new Map(), listCount: 0 } : undefined;
  /** The measures that changed, old and new, when every list is the one read last time. */
  let changes: Array<[MeasureModel | undefined, MeasureModel | undefined]> | undefined = previous?.byId ? [] : undefined;
  const measureArrays: MeasureModel[][] = [];
  /** The measure of a list item; none for an item that is not a valid mapping. */
  const measureOf = (item: CheckedValue, section: SectionModel): MeasureModel | undefined =>
    item.ok && item.entries ? readMeasureCached(item, section, lines, context, memo) : undefined;
  const referenceArrays: ClauseReference[][] = [];
  const dependentArrays: MeasureModel[][] = [];
  for (const [key, entry] of entries) {
    const part = schema.partByKey.get(key);
    if (!part || !entry.value.ok) continue;
    const partModel: PartModel = { part, keySpan: entry.keySpan, value: entry.value };
    model.parts.push(partModel);
    for (const [sectionKey, sectionEntry] of entry.value.entries ?? []) {
      const recommendation = schema.sectionByKey.get(sectionKey);
      if (!recommendation || !sectionEntry.value.ok) continue;
      const fields = {
        recommendation,
        part: partModel,
        keySpan: sectionEntry.keySpan,
        value: sectionEntry.value,
        summary: sectionEntry.value.entries?.get('summary'),
        measuresEntry: sectionEntry.value.entries?.get('measures'),
        notApplicable: [] as NotApplicableModel[],
      };
      const listValue = fields.measuresEntry?.value.ok ? fields.measuresEntry.value : undefined;
      const items = listValue?.items ?? [];
      // The list read last time in this section (its node may be new: the skeleton parsed again).
      const listKey = `${key}\u0000${sectionKey}`;
      const kept = items.length > 0 ? previous?.lists.get(listKey) : undefined;
      let list: ListModel;
      if (kept && kept.section.recommendation === recommendation) {
        // The same list as last time: the section keeps its object (its measures point to
        // it), and only the items the walk redid are read again.
        list = kept;
        Object.assign(list.section, fields);
        let changed = false;
        if (list.items.length === items.length) {
          for (let index = 0; index < items.length; index++) {
            if (items[index] === list.items[index]) continue;
            changed = true;
            const item = items[index];
            const old = list.measures[index];
            const measure = measureOf(item, list.section);
            list.items[index] = item;
            list.measures[index] = measure;
            changes?.push([old, measure]);
          }
        } else {
          // Items pasted or deleted: the others are the same objects, in the same order.
          changed = true;
          const before = new Map(list.items.map((item, index) => [item, list.measures[index]]));
          const now = new Set(items);
          list.items.forEach((item, index) => {
            if (!now.has(item)) changes?.push([list.measures[index], undefined]);
          });
          list.measures = items.map((item) => {
            if (before.has(item)) return before.get(item);
            const measure = measureOf(item, list.section);
            changes?.push([undefined, measure]);
            return measure;
          });
          list.items = [...items];
        }
        if (changed) readList(list);
      } else {
        const section: SectionModel = { ...fields, measures: [] };
        list = { section, items: [...items], measures: [], references: [], dependents: [] };
        for (const item of items) list.measures.push(measureOf(item, section));
        readList(list);
        if (list.section.measures.length > 0) changes = undefined;
      }
      list.section.notApplicable = readNotApplicable(list.section, lines, context);
      if (items.length > 0) state?.lists.set(listKey, list);
      if (list.section.measures.length > 0 && state) state.listCount++;
      model.sections.push(list.section);
      measureArrays.push(list.section.measures);
      referenceArrays.push(list.references);
      dependentArrays.push(list.dependents);
    }
  }
  model.measures = ([] as MeasureModel[]).concat(...measureArrays);
  model.references = ([] as ClauseReference[]).concat(...referenceArrays);
  model.dependents = ([] as MeasureModel[]).concat(...dependentArrays);
  if (changes && previous?.byId && state && state.listCount === previous.listCount) {
    const removed: MeasureModel[] = [];
    const added: MeasureModel[] = [];
    for (const [old, measure] of changes) {
      if (old) removed.push(old);
      if (measure) added.push(measure);
      if (old?.id) removeFromBucket(previous.byId, old.id.text, old);
      if (measure?.id) insertById(previous.byId, measure.id.text, measure);
    }
    model.measuresById = previous.byId;
    if (previous.measures) model.changed = { since: previous.measures, removed, added };
    // Measures replaced in place by measures with the same ids, dates and dependencies leave the graph as it was.
    if (previous.graph && previous.dependents === model.dependents.length && sameBroken(previous.brokenMeasures, model.brokenMeasures) && changes.every(([old, measure]) => old && measure && graphSignature(old) === graphSignature(measure))) model.graph = previous.graph;
  } else {
    for (const measure of model.measures) if (measure.id) insertById(model.measuresById, measure.id.text, measure);
  }
  if (state && memo) {
    state.byId = model.measuresById;
    state.graph = model.graph;
    state.measures = model.measures;
    state.brokenMeasures = model.brokenMeasures;
    state.dependents = model.dependents.length;
    memo.keepState(state);
  }
  return model;
}

/** What the model read from one section's list of measures, by item. */
interface ListModel {
  section: SectionModel;
  items: CheckedValue[];
  /** The measure of each item; none for an item that is not a valid mapping. */
  measures: Array<MeasureModel | undefined>;
  references: ClauseReference[];
  /** The list's measures that depend on another. */
  dependents: MeasureModel[];
}

/** What a model read, kept by the document service for the next version. */
export interface ModelState {
  /** By part and section key. */
  lists: Map<string, ListModel>;
  /** How many lists held measures. */
  listCount: number;
  byId?: Map<string, MeasureModel[]>;
  graph?: MeasureGraph;
  /** How many measures depended on another. */
  dependents?: number;
  /** The model's measures. */
  measures?: MeasureModel[];
  brokenMeasures?: ReadonlyMap<string, BrokenMeasure>;
}

/** The `id:` and `due:` lines of a measure item, with a plain or quoted one-word value (the item's first line with its dash). */
const ITEM_ID = /^[ \t]*(?:-[ \t]+)?id[ \t]*:[ \t]*(["']?)([^\s"'#,{}[\]]+)\1[ \t]*(?:#.*)?$/gm;
const ITEM_DUE = /^[ \t]*(?:-[ \t]+)?due[ \t]*:[ \t]*(["']?)([^\s"'#,{}[\]]+)\1[ \t]*(?:#.*)?$/m;

/**
 * The measures that do not parse, by the id their lines write (the first of an id): a
 * measure item that does not parse, and the measures among the lines before the first
 * top-level key (a file whose first lines were cut away). Each one's due date is the
 * `due:` line between its `id:` line and the next one.
 */
function brokenMeasures(text: string, broken: BrokenUnit[]): ReadonlyMap<string, BrokenMeasure> {
  const measures = new Map<string, BrokenMeasure>();
  for (const unit of broken) {
    if (unit.kind === 'field') continue;
    const lines = text.slice(unit.start, unit.kind === 'measure' ? Math.min(unit.end, unit.start + 10_000) : unit.end);
    const ids = [...lines.matchAll(ITEM_ID)];
    // A measure item is one measure: its first id is its own.
    if (unit.kind === 'measure') ids.length = Math.min(ids.length, 1);
    ids.forEach((match, index) => {
      const id = match[2];
      if (measures.has(id)) return;
      const until = index + 1 < ids.length ? ids[index + 1].index! : lines.length;
      const due = ITEM_DUE.exec(lines.slice(match.index! + match[0].length, until))?.[2];
      measures.set(id, { due: due !== undefined && parseDate(due, due) !== undefined ? dueOf(due) : undefined });
    });
  }
  return measures;
}

function sameBroken(a: ReadonlyMap<string, BrokenMeasure> | undefined, b: ReadonlyMap<string, BrokenMeasure>): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [id, measure] of a) {
    const other = b.get(id);
    if (!other || other.due?.key !== measure.due?.key || other.due?.text !== measure.due?.text) return false;
  }
  return true;
}

/** A due date as written, and as a key that compares: its last day (2027 is the end of 2027, 2027-06 the end of June). */
function dueOf(written: string): { text: string; key: string } {
  const text = written.trim();
  const [year, month, day] = text.split('-');
  return { text, key: `${year}-${month ?? '12'}-${day ?? '31'}` };
}

/** The section's measures, their clause references and those that depend on another, in file order, from the list's items. */
function readList(list: ListModel): void {
  const measures: MeasureModel[] = [];
  const references: ClauseReference[] = [];
  const dependents: MeasureModel[] = [];
  for (const measure of list.measures) {
    if (!measure) continue;
    measures.push(measure);
    for (const reference of measure.addresses) references.push(reference);
    if (measure.dependsOn && measure.dependsOn.references.length > 0) dependents.push(measure);
  }
  list.section.measures = measures;
  list.section.addressing = undefined;
  list.references = references;
  list.dependents = dependents;
}

/** Adds a measure to the ones with its id, in file order. */
function insertById(byId: Map<string, MeasureModel[]>, id: string, measure: MeasureModel): void {
  const list = byId.get(id);
  if (!list) {
    byId.set(id, [measure]);
    return;
  }
  let at = list.length;
  while (at > 0 && list[at - 1].firstLine.start > measure.firstLine.start) at--;
  list.splice(at, 0, measure);
}

function okEntry(entries: Map<string, CheckedEntry>, key: string): CheckedEntry | undefined {
  const entry = entries.get(key);
  return entry && entry.value.ok ? entry : undefined;
}

function readNotApplicable(section: SectionModel, lines: LineIndex, context: SchemaContext): NotApplicableModel[] {
  const list = section.value.entries?.get('not-applicable')?.value;
  if (!list?.ok) return [];
  const entries: NotApplicableModel[] = [];
  for (const item of list.items ?? []) {
    if (!item.ok || !item.entries) continue;
    const entry: NotApplicableModel = { section, firstLine: lineSpan(lines, item.span.start), span: { start: item.span.start, end: item.span.end } };
    const clause = okEntry(item.entries, 'clause');
    if (clause) {
      const resolution = resolveCached(clause.value.text ?? '', context);
      entry.clause = { span: clause.value.span, resolution };
      const unit = resolution.status === 'unit' ? resolution.unit : undefined;
      if (unit && unit.recommendation === section.recommendation) entry.unit = unit;
    }
    const reason = okEntry(item.entries, 'reason');
    if (reason && !reason.value.empty) entry.reason = String(reason.value.scalar ?? '');
    const handledBy = okEntry(item.entries, 'handled-by');
    if (handledBy && !handledBy.value.empty) entry.handledBy = String(handledBy.value.scalar ?? '');
    entries.push(entry);
  }
  return entries;
}

function readStrategy(entry: CheckedEntry): StrategyBlock {
  const entries = entry.value.entries ?? new Map<string, CheckedEntry>();
  // A mistyped adopted-on (a list, a mapping) counts as absent; a malformed date is present.
  const adoptedOn = entries.get('adopted-on');
  const adoptedOnPresent = adoptedOn !== undefined && (adoptedOn.value.ok || adoptedOn.value.node === null || isScalar(adoptedOn.value.node));
  const block: StrategyBlock = { keySpan: entry.keySpan, entries, adoptedOnPresent };
  const period = okEntry(entries, 'period');
  const from = period && okEntry(period.value.entries!, 'from');
  const to = period && okEntry(period.value.entries!, 'to');
  if (period && from && to) block.period = { keySpan: period.keySpan, from: Number(from.value.scalar), to: Number(to.value.scalar) };
  const status = okEntry(entries, 'status');
  if (status) block.status = { text: String(status.value.scalar), span: status.value.span };
  const threshold = okEntry(entries, 'business-case-threshold');
  const amount = threshold && okEntry(threshold.value.entries!, 'amount');
  const currency = threshold && okEntry(threshold.value.entries!, 'currency');
  if (amount && currency) block.threshold = { amount: Number(amount.value.scalar), currency: String(currency.value.scalar) };
  return block;
}

/** References longer than this are not kept: every clause reference is far shorter (`III.12.viii`). */
const MAX_CACHED_REFERENCE = 24;

/**
 * A clause reference resolved once per schema and text: the measures of a large strategy
 * name the same few dozen clauses thousands of times. (Resolutions are never changed.)
 * Only short references are kept, each as a copy of its own: a reference read from a file
 * is a slice of the whole text, and a cache that kept the slice would keep every document
 * it ever saw.
 */
function resolveCached(written: string, context: SchemaContext): ClauseResolution {
  if (written.length > MAX_CACHED_REFERENCE) return resolveClause(written, context.schema);
  const known = context.resolutions;
  let resolution = known.get(written);
  if (!resolution) {
    const copy = ownCopy(written);
    resolution = resolveClause(copy, context.schema);
    // Bounded: a file of ten thousand distinct misspellings does not keep them all.
    if (known.size < 10_000) known.set(copy, resolution);
  }
  return resolution;
}

/** A string that shares no memory with the one given (V8 makes a slice of 13 characters or more a view into its parent). */
function ownCopy(text: string): string {
  return Array.from(text).join('');
}

/** A measure of an unchanged item of an incremental parse is reused (the memo moved it with its item). */
function readMeasureCached(item: CheckedValue, section: SectionModel, lines: LineIndex, context: SchemaContext, memo?: ModelMemo): MeasureModel {
  const kept = memo?.measureOf(item);
  if (kept) {
    kept.section = section;
    return kept;
  }
  const measure = readMeasure(item, section, lines, context);
  memo?.keepMeasure(item, measure);
  return measure;
}

function readMeasure(item: CheckedValue, section: SectionModel, lines: LineIndex, context: SchemaContext): MeasureModel {
  const entries = item.entries!;
  // Every field is there from the start, set or not: the rules read thousands of measures,
  // and objects of one shape are read much faster than objects of many.
  const measure: MeasureModel = {
    section,
    standing: undefined,
    value: item,
    firstLine: lineSpan(lines, item.span.start),
    id: undefined,
    title: undefined,
    entries,
    addresses: [],
    dependsOn: undefined,
    hasLead: okEntry(entries, 'lead') !== undefined,
    indicatorCount: 0,
    budget: undefined,
    businessCase: undefined,
    dates: [],
    due: undefined,
  };
  const id = okEntry(entries, 'id');
  if (id) measure.id = { text: String(id.value.scalar), span: id.value.span };
  const title = okEntry(entries, 'title');
  if (title) measure.title = title.value.text;
  for (const reference of okEntry(entries, 'addresses')?.value.items ?? []) {
    if (!reference.ok) continue;
    measure.addresses.push({ measure, span: reference.span, resolution: resolveCached(reference.text ?? '', context) });
  }
  const dependsOn = okEntry(entries, 'depends-on');
  if (dependsOn) {
    measure.dependsOn = {
      keySpan: dependsOn.keySpan,
      references: (dependsOn.value.items ?? []).filter((ref) => ref.ok).map((ref) => ({ measure, id: String(ref.text).trim(), span: ref.span })),
    };
  }
  const indicators = okEntry(entries, 'indicators')?.value.items ?? [];
  for (const indicator of indicators) {
    if (!indicator.ok || !indicator.entries) continue;
    measure.indicatorCount++;
    const by = okEntry(indicator.entries, 'by');
    if (by && by.value.year !== undefined) measure.dates.push({ field: 'by', year: by.value.year, text: by.value.text ?? '', span: by.value.span });
  }
  const due = okEntry(entries, 'due');
  if (due && due.value.year !== undefined) {
    const text = due.value.text ?? '';
    measure.dates.push({ field: 'due', year: due.value.year, text, span: due.value.span });
    measure.due = dueOf(text);
  }
  const budget = okEntry(entries, 'budget');
  if (budget) {
    const amount = okEntry(budget.value.entries!, 'amount');
    const currency = okEntry(budget.value.entries!, 'currency');
    measure.budget = {
      keySpan: budget.keySpan,
      amount: amount ? Number(amount.value.scalar) : undefined,
      currency: currency ? String(currency.value.scalar) : undefined,
      currencySpan: currency?.value.span,
    };
  }
  const businessCase = okEntry(entries, 'business-case');
  if (businessCase) {
    const stakeholders = okEntry(businessCase.value.entries!, 'stakeholders');
    measure.businessCase = { keySpan: businessCase.keySpan, stakeholderCount: stakeholders?.value.items?.filter((s) => s.ok).length ?? 0 };
  }
  return measure;
}

// What the model says about coverage: computed by coverage.ts (spec §7.1), carried by the model.

export type { ClauseCoverageStatus };

/** Why a measure addresses nothing: it is dropped, or its title is still a placeholder. */
export type InactiveReason = 'dropped' | 'placeholder';

/** What a measure counts for. */
export interface MeasureStanding {
  /** Why the measure addresses nothing; undefined for a live, real measure. */
  inactive?: InactiveReason;
  /** A real lead (present, not a placeholder). */
  hasLead: boolean;
  /** At least one indicator with a real target. */
  hasTarget: boolean;
}

export interface UnitCoverage {
  unit: CoverageUnit;
  status: ClauseCoverageStatus;
  /** The live, real measures that address the unit (each once, in file order). */
  measures: MeasureModel[];
  /** Measures that name the unit but address nothing (dropped, placeholder), in file order. */
  inactive: MeasureModel[];
  /** For a weak unit: what every addressing measure lacks (a lead, an indicator with a target, or both). */
  lacks?: { lead: boolean; indicator: boolean };
  /** The section's declaration that the unit does not apply, when it has one with a written reason. */
  notApplicable?: NotApplicableModel;
  /** For a missing unit: a declaration that it does not apply whose reason is absent or still a placeholder. */
  unfinishedNotApplicable?: NotApplicableModel;
}

export interface Coverage extends CoverageLists {
  /** Every unit in the schema's order. */
  units: UnitCoverage[];
}

/** The coverage lists of the JSON outputs (spec §7.1): `addressed` is addressed or weak; the other four partition the units. */
export interface CoverageLists {
  /** Units addressed or weak (what "addressed" meant before version 1.1). */
  addressed: string[];
  /** Units with status `addressed`. */
  addressedStrict: string[];
  weak: string[];
  notApplicable: string[];
  missing: string[];
  /**
   * Units counted as addressed only thanks to measures that do not parse at the moment,
   * as they were last read (see document.ts): shown as addressed, marked as not current.
   */
  stale?: string[];
}
