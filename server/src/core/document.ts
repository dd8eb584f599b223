/**
 * The document service: everything known about one document, version after version. It
 * owns the text, the line index, the parsed items, their walk along the format, the
 * measures read from them and the findings, and it is the only place where any of that is
 * reused from one version to the next (one memo layer, keyed by an item's text and place).
 *
 * Under it, the parser (model/incremental.ts, model/fastItem.ts), the walker
 * (model/walk.ts), the model builder (model/strategy.ts) and the rules are functions of
 * their input; a memo hands each of them back only what the very same input gave before.
 * The language server keeps one StrategyDocument per open document, the command line one
 * per file; `analyze()` (analyze.ts) makes a fresh one for a single text.
 */
import { Node } from 'yaml';
import { Config, DEFAULT_CONFIG } from './config';
import { computeCoverage, Coverage, UnitCoverage } from './coverage';
import { Finding, Issue } from './findings';
import { BrokenUnit, ItemAttachment, ParseCache, parseStrategyText } from './model/incremental';
import { differenceNear, differenceOf, TextEdit } from './text/textEdit';
import { editedStructureSize, MAX_NESTING, MAX_STRUCTURE, NestingTooDeepError, structureSize } from './model/parseYaml';
import { MeasureModel, ModelMemo, ModelState, readModel, SchemaContext, schemaContext, StrategyModel } from './model/strategy';
import { CheckedValue, ItemWalk, ListWalk, WalkMemo } from './model/walk';
import { MeasureFindingsMemo, runRules } from './runRules';
import { Suppressions } from './suppress';
import { Schema } from './schema/types';
import { LineIndex, Span } from './text/lineIndex';

export interface Analysis {
  model: StrategyModel;
  coverage: Coverage;
  /** Findings in document order, with their configured severity; silenced ones left out. */
  findings: Finding[];
  /** The configuration the analysis ran with, for features that analyse again (fix all). */
  config: Config;
  /** Set when the file was refused unread (too large, too much structure, UTF-16): nothing but its one finding. */
  refused?: boolean;
}

/** How the last version was parsed: for tests and the benchmark. */
export interface DocumentStats {
  /** Whole (`full`), item by item (`incremental`), or one item in place of its old self (`in-place`). */
  mode: 'full' | 'incremental' | 'in-place';
  /** How many items were reused rather than parsed again. */
  reused: number;
}

/** What the service keeps with one parsed item: its walk, its measure, and every span in them. */
class ItemMemo implements ItemAttachment {
  walk?: ItemWalk;
  measure?: MeasureModel;
  /** Every span object of the walk and the measure: gathered the first time the item moves (most items never do). */
  private spans?: Span[];

  keepWalk(walk: ItemWalk): void {
    this.walk = walk;
    this.measure = undefined;
    this.spans = undefined;
  }

  keepMeasure(measure: MeasureModel): void {
    this.measure = measure;
    this.spans?.push(measure.firstLine);
  }

  shift(delta: number): void {
    if (!this.walk) return;
    this.spans ??= collectSpans(this.walk.checked, this.walk.issues, this.measure?.firstLine);
    for (const span of this.spans) {
      span.start += delta;
      span.end += delta;
    }
  }
}

/**
 * Every distinct span object of an item's walk, so that shifting moves each once. The
 * checked tree's spans are distinct objects (walk.ts never shares one); an issue's span
 * may be one of them.
 */
function collectSpans(checked: CheckedValue, issues: Issue[], firstLine?: Span): Span[] {
  const spans: Span[] = [];
  const visit = (value: CheckedValue): void => {
    spans.push(value.span);
    if (value.entries) {
      for (const entry of value.entries.values()) {
        spans.push(entry.keySpan);
        visit(entry.value);
      }
    }
    if (value.items) for (const item of value.items) visit(item);
  };
  visit(checked);
  const add = (span: Span): void => {
    if (!spans.includes(span)) spans.push(span);
  };
  for (const issue of issues) {
    add(issue.span);
    for (const related of issue.related ?? []) add(related.span);
  }
  if (firstLine) spans.push(firstLine);
  return spans;
}

/** The editor's changes since a text, as one edit (textEdit.ts's composeEdits). */
export interface SentEdit {
  from: string;
  edit: TextEdit;
}

/** What the caller of `analyze` may know of the text already. */
export interface KnownOfText {
  sent?: SentEdit;
  lines?: LineIndex;
}

export interface StrategyDocumentOptions {
  /** Texts shorter than this are parsed whole when they parse cleanly (20,000 characters unless told). */
  minLength?: number;
}

/** One document's analysis, version after version. */
export class StrategyDocument {
  private parses: ParseCache;
  private listWalks = new WeakMap<Node, ListWalk>();
  /** What the per-measure rules found on each measure, kept while the measure is unchanged. */
  private measureFindings = new MeasureFindingsMemo();
  private modelState?: ModelState;
  /** How many states of the measure graph this document has had: each gets a key of its own. */
  private graphs = 0;
  private lines?: LineIndex;
  private context?: SchemaContext;
  /** The last text whose structure was counted, and its count (exact: counted to the end). */
  private structure?: { text: string; size: number };
  /**
   * The last text long enough to be read item by item, and whether it holds a lone carriage
   * return or a suppression comment: the next version is checked for them only where it differs.
   */
  private lastLong?: { text: string; loneCr: boolean; directives: boolean };
  /** The last version's text and what it gave, to keep the findings of a part that stops parsing. */
  private previous?: { text: string; findings: Finding[]; coverage: Coverage };

  constructor(options: StrategyDocumentOptions = {}) {
    this.parses = new ParseCache(options.minLength);
  }

  get stats(): DocumentStats {
    return { mode: this.parses.lastMode, reused: this.parses.lastReused };
  }

  /**
   * The analysis of a version of the document: its model, coverage and findings. Never
   * throws. What the caller knows of the text saves work: `known.sent`, where it may differ
   * from an earlier text (the editor's changes since then, as one edit), so that where it
   * changed is looked for only there; `known.lines`, its line index.
   */
  analyze(text: string, schema: Schema, config: Config = DEFAULT_CONFIG, known: KnownOfText = {}): Analysis {
    const { sent } = known;
    const lines = known.lines?.text === text ? known.lines : undefined;
    if (text.length > config.maxFileSize / 3 && utf8Length(text) > config.maxFileSize) return tooLarge(text, schema, config);
    // Where a long text differs from the last one is found once, for the structure count,
    // the parse and the scans below.
    const long = text.length >= this.parses.minLength;
    const last = long ? this.lastLong : undefined;
    this.lastLong = undefined;
    const change = last ? { old: last.text, edit: sent && sent.from === last.text ? differenceNear(last.text, text, sent.edit) : differenceOf(last.text, text) } : undefined;
    // Two units at most per character: a shorter text cannot pass the budget.
    if (text.length * 2 > MAX_STRUCTURE && this.structureOf(text, change) > MAX_STRUCTURE) return tooMuchStructure(text, schema, config);
    const encoding = utf16Hint(text);
    if (encoding) return notAnalysed(text, schema, config, encoding);
    // Whether the text holds a lone CR, or a suppression comment. If the last text held
    // none, only where it changed (and as far around it as the pattern reaches) can.
    const holds = (pattern: RegExp, reach: number, lastHeld: boolean | undefined): boolean =>
      pattern.test(change && lastHeld === false ? text.slice(Math.max(0, change.edit.start - reach), change.edit.newEnd + reach) : text);
    const loneCr = holds(LONE_CR, 1, last?.loneCr);
    const directives = holds(DIRECTIVE_WORD, DIRECTIVE_WORD.source.length, last?.directives);
    let model: StrategyModel;
    try {
      // The editor ends a line at a lone CR (old Mac files), the YAML parser does not: it
      // reads such a file as one line. The same text with LF in their place has the same
      // offsets, lines and columns; the model is then given the text as written, for the
      // features and fixes that read it.
      model = loneCr ? this.model(text.replace(LONE_CR_ALL, '\n'), schema) : this.model(text, schema, change, lines);
      if (loneCr) {
        model.text = text;
        model.lines = lines ?? new LineIndex(text);
      }
    } catch (error) {
      // The YAML composer recurses; nesting thousands deep can exhaust the stack. That is a
      // finding about the file, never a crash.
      this.forget();
      return unreadable(text, schema, error, config);
    }
    // (Kept only now: a new schema makes the model forget everything.)
    if (long) this.lastLong = { text, loneCr, directives };
    let findings = runRules(model, config, this.measureFindings, directives ? undefined : NO_SUPPRESSIONS);
    let coverage = computeCoverage(model);
    if (model.broken.length > 0 && this.previous) ({ findings, coverage } = keepStale(model.broken, findings, coverage, this.previous, text, this.parses.lastEdit));
    this.previous = { text, findings, coverage };
    return { model, coverage, findings, config };
  }

  /**
   * The structure of a text (parseYaml.ts), counted again only over the lines an edit
   * changed (`change`: where it differs from an earlier text, used if that is the last one
   * counted): a keystroke must not rescan 3 MB.
   */
  private structureOf(text: string, change: { old: string; edit: TextEdit } | undefined): number {
    const last = this.structure;
    let size: number;
    if (last && change && change.old === last.text) {
      const edit = change.edit;
      size = editedStructureSize(last.text, last.size, text, edit.start, edit.oldEnd, edit.newEnd);
    } else {
      size = structureSize(text, Infinity);
    }
    this.structure = { text, size };
    return size;
  }

  /**
   * The strategy model of a version of the document (no rules run). `change`, when given,
   * is where the text differs from an earlier one (`old`), already found; `known`, the
   * text's line index, when the caller has it.
   */
  model(text: string, schema: Schema, change?: { old: string; edit: TextEdit }, known?: LineIndex): StrategyModel {
    if (this.context?.schema !== schema) {
      // Kept measures hold clause resolutions of the schema they were read with.
      this.forget();
      this.context = schemaContext(schema);
    }
    const context = this.context!;
    const parses = this.parses;
    const previousText = parses.last?.text;
    // What the last model read, for an edit applied in place; no other version may use it.
    const modelState = this.modelState;
    this.modelState = undefined;
    const { documents, broken } = parseStrategyText(text, context.partKeys, parses, change);
    // An edit applied in place moves the line index too, rather than scanning the whole text.
    const edit = parses.lastEdit;
    const lines =
      known?.text === text ? known : edit && this.lines && this.lines.text === previousText ? this.lines.edited(text, edit.start, edit.oldEnd, edit.newEnd) : new LineIndex(text);
    this.lines = lines;
    return readModel({ text, lines, documents, broken, context, memo: this.modelMemo(parses.lastMode === 'in-place' ? modelState : undefined) });
  }

  /** Forgets everything kept from earlier versions. */
  forget(): void {
    this.parses.clear();
    this.listWalks = new WeakMap();
    this.measureFindings = new MeasureFindingsMemo();
    this.structure = undefined;
    this.lastLong = undefined;
    this.modelState = undefined;
    this.lines = undefined;
    this.previous = undefined;
  }

  private itemMemo(node: Node | null, create: boolean): ItemMemo | undefined {
    const item = node ? this.parses.byNode.get(node) : undefined;
    if (!item) return undefined;
    if (!item.attached && create) item.attached = new ItemMemo();
    return item.attached as ItemMemo | undefined;
  }

  private modelMemo(previous: ModelState | undefined): ModelMemo {
    const walk: WalkMemo = {
      itemWalk: (node) => this.itemMemo(node, false)?.walk,
      holds: (node) => this.parses.byNode.has(node),
      keepItemWalk: (node, itemWalk) => this.itemMemo(node, true)?.keepWalk(itemWalk),
      listWalk: (node) => this.listWalks.get(node),
      keepListWalk: (node, listWalk) => this.listWalks.set(node, listWalk),
    };
    return {
      walk,
      previous,
      measureOf: (item) => {
        const memo = this.itemMemo(item.node, false);
        return memo?.walk?.checked === item ? memo.measure : undefined;
      },
      keepMeasure: (item, measure) => {
        const memo = this.itemMemo(item.node, false);
        if (memo?.walk?.checked === item) memo.keepMeasure(measure);
      },
      keepState: (state) => {
        this.modelState = state;
      },
      graphKey: () => `graph ${++this.graphs}`,
    };
  }
}


/**
 * The findings and coverage of a version with broken units, completed with what each broken
 * measure or field gave the last time: its findings (marked stale, at their places moved by the edit)
 * and the clauses its measures addressed. Everything else is the version's own, a function
 * of its text alone; a clause counted only thanks to a stale measure is not reported as
 * unaddressed meanwhile.
 */
function keepStale(broken: BrokenUnit[], findings: Finding[], coverage: Coverage, previous: { text: string; findings: Finding[]; coverage: Coverage }, text: string, edit?: TextEdit): { findings: Finding[]; coverage: Coverage } {
  const { start, oldEnd, newEnd } = edit ?? differenceOf(previous.text, text);
  const delta = newEnd - oldEnd;
  const back = (offset: number): number => (offset <= start ? offset : offset >= newEnd ? offset - delta : start);
  const forward = (offset: number): number => (offset <= start ? offset : offset >= oldEnd ? offset + delta : newEnd);
  const kept: Finding[] = [];
  const staleUnits = new Map<string, { measures: MeasureModel[]; before: UnitCoverage }>();
  for (const unit of broken) {
    // Only a unit that is the one it was (the edit inside it, or elsewhere) keeps what it
    // had; the lines before the first key, or a unit an edit cut across, start afresh.
    const containsEdit = unit.start <= start && newEnd <= unit.end;
    const untouched = unit.end <= start || unit.start >= newEnd;
    if (unit.kind === 'preamble' || !(containsEdit || untouched)) continue;
    const from = back(unit.start);
    const to = back(unit.end);
    if (to <= from) continue;
    const inside = (offset: number): boolean => offset >= from && offset < to;
    const moved = (span: Span): Span => {
      const at = (offset: number): number => Math.min(Math.max(forward(offset), unit.start), unit.end);
      return { start: at(span.start), end: at(span.end) };
    };
    for (const finding of previous.findings) {
      if (finding.rule === 'yaml-syntax' || !inside(finding.span.start)) continue;
      kept.push({ ...finding, span: moved(finding.span), related: finding.related?.filter((related) => inside(related.span.start)).map((related) => ({ ...related, span: moved(related.span) })), stale: true });
    }
    for (const entry of previous.coverage.units) {
      for (const measure of entry.measures) {
        if (!inside(measure.firstLine.start)) continue;
        const kept = staleUnits.get(entry.unit.ref) ?? { measures: [], before: entry };
        kept.measures.push({ ...measure, firstLine: moved(measure.firstLine) });
        staleUnits.set(entry.unit.ref, kept);
      }
    }
  }
  const stale: string[] = [];
  const units = coverage.units.map((entry): UnitCoverage => {
    const kept = staleUnits.get(entry.unit.ref);
    if (entry.measures.length > 0 || !kept) return entry;
    stale.push(entry.unit.ref);
    return { ...entry, status: kept.before.status === 'addressed' ? 'addressed' : 'weak', measures: kept.measures, lacks: kept.before.lacks };
  });
  const staleSet = new Set(stale);
  const current = findings.filter((finding) => !(finding.rule === 'clause-not-addressed' && staleSet.has(unaddressedUnit(finding) ?? '')));
  const all = kept.length > 0 ? [...current, ...kept].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end) : current;
  const refs = (...statuses: string[]): string[] => units.filter((entry) => statuses.includes(entry.status)).map((entry) => entry.unit.ref);
  return {
    findings: all,
    coverage: {
      ...coverage,
      units,
      addressed: refs('addressed', 'weak'),
      addressedStrict: refs('addressed'),
      weak: refs('weak'),
      notApplicable: refs('not-applicable'),
      missing: refs('missing'),
      stale,
    },
  };
}

/** The clause a clause-not-addressed finding is about: in its fix data, or (when a near miss blocks the fix) in its message. */
function unaddressedUnit(finding: Finding): string | undefined {
  if (finding.data?.kind === 'add-measure') return finding.data.unit;
  return /^No measure addresses clause (\S+) /.exec(finding.message)?.[1];
}

/** The length of a text in UTF-8 bytes, as the file on disk has it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function emptyAnalysis(text: string, schema: Schema, config: Config, finding: Finding): Analysis {
  const model = new StrategyDocument().model('', schema);
  const lines = new LineIndex(text);
  const stub: StrategyModel = { ...model, text, lines, rootKind: 'other' };
  return { model: stub, coverage: computeCoverage(stub), findings: [finding], config };
}

const LONE_CR = /\r(?!\n)/;
/** A suppression comment names itself with this word (suppress.ts). */
const DIRECTIVE_WORD = /dgs-disable/;
const NO_SUPPRESSIONS: Suppressions = { file: new Set(), lines: new Map() };
const LONE_CR_ALL = /\r(?!\n)/g;

/**
 * One finding on the first line, and nothing else read; marked `refused`, so that the
 * editor's features (folding, completion, symbols, which read the text line by line) leave
 * alone a file of millions of lines.
 */
function notAnalysed(text: string, schema: Schema, config: Config, message: string): Analysis {
  const lineBreak = text.search(/[\r\n]/);
  const analysis = emptyAnalysis(text, schema, config, { rule: 'yaml-syntax', severity: 'error', span: { start: 0, end: lineBreak < 0 ? text.length : lineBreak }, message });
  analysis.refused = true;
  return analysis;
}

function tooLarge(text: string, schema: Schema, config: Config): Analysis {
  return notAnalysed(text, schema, config, `This file is ${utf8Length(text)} bytes long, over the limit of ${config.maxFileSize} bytes; it was not analysed. Split it, or raise max-file-size in .dgs.yaml.`);
}

function tooMuchStructure(text: string, schema: Schema, config: Config): Analysis {
  return notAnalysed(
    text,
    schema,
    config,
    `This file was not analysed: it holds more than ${MAX_STRUCTURE} lines, list items and values (a strategy of 10,000 measures has about 225,000). Split it into several files.`,
  );
}

/**
 * A hint when the text looks like UTF-16 read as UTF-8: every other character of its
 * beginning a NUL (or the UTF-16 byte order mark read as two replacement characters).
 * Read so, every character of the file is a syntax error; one finding says why instead.
 */
export function utf16Hint(text: string): string | undefined {
  const sample = Math.min(text.length, 400);
  const firstNul = text.slice(0, 5).indexOf('\u0000');
  if (sample < 4 || firstNul < 0 || firstNul > 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i++) {
    if (text.charCodeAt(i) !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (Math.max(even, odd) < sample * 0.4) return undefined;
  return 'This file was not analysed: it looks like UTF-16 text read as UTF-8 (every other byte is zero). Save it as UTF-8, or reopen it with the UTF-16 encoding.';
}

function unreadable(text: string, schema: Schema, error: unknown, config: Config): Analysis {
  const lines = new LineIndex(text);
  if (error instanceof NestingTooDeepError) {
    // Where the parse stopped: the drafter can see what nests so deep.
    const start = Math.min(error.offset, text.length);
    return emptyAnalysis(text, schema, config, {
      rule: 'yaml-syntax',
      severity: 'error',
      span: { start, end: Math.max(start, lines.lineEnd(lines.positionAt(start).line)) },
      message: `This file was not analysed: its values nest more than ${MAX_NESTING} levels deep here (a strategy needs about ten). Remove the extra brackets or indentation.`,
    });
  }
  const reason = error instanceof RangeError ? 'its nesting is too deep to read' : `it could not be read (${(error as Error)?.message ?? error})`;
  return emptyAnalysis(text, schema, config, {
    rule: 'yaml-syntax',
    severity: 'error',
    span: { start: 0, end: lines.lineEnd(0) },
    message: `This file was not analysed: ${reason}.`,
  });
}

/** The strategy model of one text, without any earlier version to reuse. */
export function buildModel(text: string, schema: Schema): StrategyModel {
  return new StrategyDocument().model(text, schema);
}
