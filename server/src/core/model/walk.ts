/**
 * Walks the YAML tree along the format's value specs. Reports the structural findings
 * (duplicate-key, unknown-key, type-mismatch, missing-field, placeholder-text,
 * invalid-date) and returns the checked tree that the strategy model is read from.
 * A value that fails its type is marked `ok: false` and counts as absent from then on.
 */
import { Alias, Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, visit } from 'yaml';
import { Issue } from '../findings';
import { LineIndex, Span } from '../text/lineIndex';
import { excerpt } from '../text/excerpt';
import { closest } from '../text/suggest';
import { describeSpec, FieldSpec, MapSpec, ValueSpec } from './format';
import { writtenOutAmount, writtenOutDate } from '../text/writtenForms';

export interface CheckedEntry {
  key: string;
  keySpan: Span;
  value: CheckedValue;
}

export interface CheckedValue {
  spec: ValueSpec;
  /** The YAML node (an alias's target when the value is an alias); null for an empty value. */
  node: Node | null;
  /** Where the value is written. */
  span: Span;
  /** False when the value failed its type: it counts as absent for every other rule. */
  ok: boolean;
  /** No value at all (`key:` alone). */
  empty: boolean;
  /** For a mapping: its known keys, first occurrence only, `x-` keys left out. */
  entries?: Map<string, CheckedEntry>;
  /** For a list: its items. */
  items?: CheckedValue[];
  /** For a scalar: its value, and the text as written (`10.10`, not `10.1`). */
  scalar?: unknown;
  text?: string;
  /** For a valid date: its year. */
  year?: number;
}

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** Written in capitals only: Spanish and Portuguese "todo" is a word, not a placeholder. */
const PLACEHOLDER_CAPITALS = /\b(TODO|FIXME|XXX)\b/;
const PLACEHOLDER_WORD = /\b(TBD|TBC)\b/i;
const TO_BE = /\bto be (confirmed|completed|defined|decided)\b/i;
const INSERT = /\[\s*insert\b/i;
const LOREM = /\blorem\s+ipsum\b/i;
const ELLIPSIS = /(^|\s)(\.{3,}|…)(?=\s|$)/;
/** A value that is nothing but one of these is a placeholder. */
const WHOLE_PLACEHOLDER = /^(n\/a|\?+|-+|\.{3,}|…)$/i;
const MAX_ALIASES = 10_000;
/**
 * How many values all aliases together may bring into the walk (an anchored value counts
 * its every node each time it is aliased). An alias bomb stays small as text and huge as a
 * tree; past this budget no alias is followed.
 */
export const MAX_ALIAS_EXPANSION = 100_000;
/**
 * How many characters all aliases together may bring into the walk: an anchored value
 * counts the length of its text each time it is aliased. A value of 300,000 characters
 * aliased 10,000 times is 3 billion characters to check and to quote.
 */
export const MAX_ALIAS_CHARACTERS = 1_000_000;

/** Where a node is written, or a copy of the fallback: a span object is never shared, so that moving spans moves each once. */
export function spanOf(node: Node | null | undefined, fallback: Span): Span {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : { start: fallback.start, end: fallback.end };
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/** Why a prose value is still a placeholder, or undefined when it is real prose. */
export function placeholderReason(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'is empty';
  const word = PLACEHOLDER_CAPITALS.exec(trimmed) ?? PLACEHOLDER_WORD.exec(trimmed);
  if (word) return `still holds the placeholder ${word[1].toUpperCase()}`;
  const toBe = TO_BE.exec(trimmed);
  if (toBe) return `still says "${toBe[0]}"`;
  if (INSERT.test(trimmed)) return 'still holds a placeholder ([insert …])';
  if (LOREM.test(trimmed)) return 'is still placeholder text (lorem ipsum)';
  if (WHOLE_PLACEHOLDER.test(trimmed)) return `is still a placeholder (${trimmed})`;
  if (ELLIPSIS.test(trimmed)) return 'is still a placeholder (…)';
  return undefined;
}

/** The year of a date written as YYYY, YYYY-MM or YYYY-MM-DD, or undefined when it is not one. */
export function parseDate(value: unknown, source: string): number | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && /^\d{4}$/.test(source.trim()) ? value : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const match = DATE.exec(value.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return undefined;
    if (match[3] !== undefined) {
      const day = Number(match[3]);
      const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (day < 1 || day > daysInMonth) return undefined;
    }
  }
  return year;
}

function checkedValue(spec: ValueSpec, node: Node | null, span: Span, empty: boolean): CheckedValue {
  return { spec, node, span, ok: true, empty, entries: undefined, items: undefined, scalar: undefined, text: undefined, year: undefined };
}

/** The issues of an item that has none: one array for all of them (never added to). */
const NO_ISSUES: Issue[] = [];

/** What the walk made of one list item: its checked value and the issues it reported. */
export interface ItemWalk {
  /** How the walk named the item in messages; a reuse needs the same. */
  where: string;
  checked: CheckedValue;
  issues: Issue[];
}

/**
 * What the walk made of a whole list, by item: a later walk of the same list node redoes
 * only the items whose node changed.
 */
export interface ListWalk {
  where: string;
  spec: ValueSpec;
  nodes: Node[];
  checked: CheckedValue[];
  issues: Issue[][];
}

/**
 * What a walk may reuse from earlier walks of the same document (the document service,
 * document.ts, keeps it). The walk itself stays a function of the tree: a memo only hands
 * back what walking the very same node with the same spec gave before.
 */
export interface WalkMemo {
  /** The walk of an item node that the memo holds, if it was walked before. */
  itemWalk(node: Node): ItemWalk | undefined;
  /** Whether the memo holds this item node (an item of an incremental parse). */
  holds(node: Node): boolean;
  /** Keeps the walk of an item node the memo holds. */
  keepItemWalk(node: Node, walk: ItemWalk): void;
  listWalk(node: Node): ListWalk | undefined;
  keepListWalk(node: Node, walk: ListWalk): void;
}

export class Walker {
  readonly issues: Issue[] = [];
  private aliasesFollowed = 0;
  private aliasExpansion = 0;
  private aliasCharacters = 0;
  private aliasLimitReached = false;
  private targets?: Map<Alias, Node>;
  private readonly sizes = new Map<Node, number>();
  /** How messages name the fields of each mapping spec, and its required fields: made once per walk, not once per value. */
  private readonly whereByMap = new Map<MapSpec, Map<string, string>>();
  private readonly requiredByMap = new Map<MapSpec, string[]>();

  constructor(
    private readonly document: Document.Parsed,
    private readonly lines: LineIndex,
    private readonly memo?: WalkMemo,
  ) {}

  /** How messages name a field of a mapping. */
  private whereOf(spec: MapSpec, key: string): string {
    let names = this.whereByMap.get(spec);
    if (!names) {
      names = new Map();
      this.whereByMap.set(spec, names);
    }
    let where = names.get(key);
    if (where === undefined) {
      // Dates read as what they are: "the due date of measure OPN-3", "the date (by) of the indicator".
      const name = key === 'due' ? 'due date' : key === 'by' ? 'date (by)' : key;
      where = spec.role === 'root' || spec.role === 'part' ? `"${key}"` : `the ${name} of the ${spec.what}`;
      names.set(key, where);
    }
    return where;
  }

  /** The required fields of a mapping's spec. */
  private requiredFields(spec: MapSpec): string[] {
    let names = this.requiredByMap.get(spec);
    if (!names) {
      names = Object.entries(spec.fields)
        .filter(([, field]) => field.required)
        .map(([name]) => name);
      this.requiredByMap.set(spec, names);
    }
    return names;
  }

  /** From an offset to the end of its line: where findings on a list item point. */
  firstLine(start: number): Span {
    const line = this.lines.positionAt(start).line;
    return { start, end: Math.max(start, this.lines.lineEnd(line)) };
  }

  /** Resolves an alias to its anchored node, within budgets that defeat alias bombs. */
  private resolve(node: unknown, span: Span): Node | null | 'limit' {
    if (!isAlias(node)) return (node as Node | null | undefined) ?? null;
    if (this.aliasLimitReached) return 'limit';
    const target = this.aliasTargets().get(node) ?? null;
    this.aliasesFollowed++;
    this.aliasExpansion += target ? this.sizeOf(target) : 1;
    // The text the anchored value spans (its aliases inside it are counted when they are followed).
    this.aliasCharacters += target?.range ? target.range[1] - target.range[0] : 0;
    if (this.aliasesFollowed > MAX_ALIASES || this.aliasExpansion > MAX_ALIAS_EXPANSION || this.aliasCharacters > MAX_ALIAS_CHARACTERS) {
      // One finding, at the first alias not followed: a bomb must not become a flood of findings.
      this.aliasLimitReached = true;
      this.issues.push({
        rule: 'type-mismatch',
        span,
        message: `Too many aliases: the file's aliases stand for more than ${MAX_ALIASES} aliases, ${MAX_ALIAS_EXPANSION} values or ${MAX_ALIAS_CHARACTERS} characters; from this one on, aliases are not followed and count as absent.`,
      });
      return 'limit';
    }
    return target;
  }

  /**
   * The anchored node of every alias, found in one pass: the last node with the alias's
   * anchor before it, as the YAML specification and `Alias.resolve` have it. (`Alias.resolve`
   * searches the whole document for every alias, which a file of many aliases makes quadratic.)
   */
  private aliasTargets(): Map<Alias, Node> {
    if (this.targets) return this.targets;
    const targets = new Map<Alias, Node>();
    const anchored = new Map<string, Node>();
    visit(this.document, {
      Node: (_key, node) => {
        if (isAlias(node)) {
          const target = anchored.get(node.source);
          if (target) targets.set(node, target);
        } else if ((isScalar(node) || isCollection(node)) && node.anchor) {
          anchored.set(node.anchor, node);
        }
      },
    });
    this.targets = targets;
    return targets;
  }

  /** The number of nodes in a value (an alias in it counts as one), computed once per node. */
  private sizeOf(node: Node): number {
    let size = this.sizes.get(node);
    if (size === undefined) {
      size = 0;
      visit(node, {
        Node: () => {
          size!++;
        },
      });
      this.sizes.set(node, size);
    }
    return size;
  }

  /**
   * Checks a value against its spec. `where` names the value in messages; `fallback` is its
   * place when it has none of its own; `anchor` is where a missing field of a mapping is
   * reported (the key holding it, or a list item's first line).
   */
  check(raw: unknown, spec: ValueSpec, where: string, fallback: Span, anchor: Span = fallback): CheckedValue {
    const span = spanOf(raw as Node | null, fallback);
    const resolved = this.resolve(raw, span);
    if (resolved === 'limit') {
      const skipped = checkedValue(spec, null, span, false);
      skipped.ok = false;
      return skipped;
    }
    const node = resolved;
    const empty = node === null || (isScalar(node) && node.value === null && ((node as Scalar & { source?: string }).source ?? '') === '');
    // One object per value, always of the same shape: the walk visits every value of a
    // large strategy, and the rules read them all again.
    const checked = checkedValue(spec, node, span, empty);

    if (spec.kind === 'map') return this.checkMapValue(checked, node, spec, where, anchor);
    if (spec.kind === 'list') return this.checkList(checked, node, spec, where, span);
    // Scalars from here on (a method of its own: smaller functions are optimised sooner).
    return this.checkScalar(checked, node, spec, where, span);
  }

  /** Checks a mapping value against its spec: its keys, their values, the required fields. */
  private checkMapValue(checked: CheckedValue, node: Node | null, spec: MapSpec, where: string, anchor: Span): CheckedValue {
    // `key: ~` or `key: null` is a key with no value, as `key:` alone is.
    if (!checked.empty && !isMap(node) && !(isScalar(node) && node.value === null)) return this.mismatch(checked, where, `found ${describeNode(node)}`);
    const entries = isMap(node) ? this.checkMap(node.items as Pair[], spec) : new Map<string, CheckedEntry>();
    for (const name of this.requiredFields(spec)) {
      if (!entries.has(name) && !this.hasKey(node, name)) {
        this.issues.push({
          rule: 'missing-field',
          span: { ...anchor },
          message: `The ${spec.what} needs ${name}: ${describeSpec(spec.fields[name].value)}.`,
        });
      }
    }
    checked.empty = !isMap(node);
    checked.entries = entries;
    return checked;
  }

  /** Checks a list value against its spec, item by item (reusing the items an earlier walk did). */
  private checkList(checked: CheckedValue, node: Node | null, spec: Extract<ValueSpec, { kind: 'list' }>, where: string, span: Span): CheckedValue {
    if (checked.empty || (isScalar(node) && node.value === null)) {
      if (spec.minItems) return this.mismatch(checked, where, 'it is empty');
      checked.empty = true;
      checked.items = [];
      return checked;
    }
    if (!isSeq(node)) return this.mismatch(checked, where, `found ${describeNode(node)}`);
    if (spec.minItems && node.items.length < spec.minItems) return this.mismatch(checked, where, 'it is empty');
    const itemWhere = spec.item.kind === 'map' ? `each item of ${where}` : `an item of ${where}`;
    const list = this.memo?.listWalk(node);
    if (list && list.where === itemWhere && list.spec === spec.item && list.nodes.length === node.items.length) {
      // The same stitched list as the last walk (an edit applied in place): only the items
      // whose node changed are walked again.
      for (let index = 0; index < list.nodes.length; index++) {
        const item = node.items[index] as Node;
        if (item !== list.nodes[index]) {
          const walked = this.checkItem(item, spec.item, itemWhere, span);
          list.nodes[index] = item;
          list.checked[index] = walked.checked;
          list.issues[index] = walked.issues;
        } else {
          for (const issue of list.issues[index]) this.issues.push(issue);
        }
      }
      checked.items = list.checked;
      return checked;
    }
    const state: ListWalk | undefined = this.memo && node.items.length > 0 ? { where: itemWhere, spec: spec.item, nodes: [], checked: [], issues: [] } : undefined;
    checked.items = node.items.map((item) => {
      // An unchanged measure item of an incremental parse keeps what its walk found.
      const cached = this.memo?.itemWalk(item as Node);
      let walked: { checked: CheckedValue; issues: Issue[] };
      if (cached && cached.where === itemWhere) {
        for (const issue of cached.issues) this.issues.push(issue);
        walked = cached;
      } else {
        walked = this.checkItem(item, spec.item, itemWhere, span);
      }
      state?.nodes.push(item as Node);
      state?.checked.push(walked.checked);
      state?.issues.push(walked.issues);
      return walked.checked;
    });
    // Only a list of cached items can be walked again in place: its items move with their text.
    if (state && node.items.every((item) => this.memo!.holds(item as Node))) this.memo!.keepListWalk(node, state);
    return checked;
  }

  /**
   * Checks one item of a list, its findings pointing at the item's first line when the item
   * lacks a field; a cached item keeps what the walk found, with the issues it reported.
   */
  private checkItem(item: unknown, spec: ValueSpec, where: string, listSpan: Span): { checked: CheckedValue; issues: Issue[] } {
    const before = this.issues.length;
    const checked = this.check(item, spec, where, listSpan, this.firstLine(spanOf(item as Node | null, listSpan).start));
    const issues = this.issues.length > before ? this.issues.slice(before) : NO_ISSUES;
    this.memo?.keepItemWalk(item as Node, { where, checked, issues });
    return { checked, issues };
  }

  /** Checks a scalar value (or a value that should be one) against its spec. */
  private checkScalar(checked: CheckedValue, node: Node | null, spec: ValueSpec, where: string, span: Span): CheckedValue {
    if (node !== null && !isScalar(node)) return this.mismatch(checked, where, `found ${describeNode(node)}`);
    const scalar = node as Scalar | null;
    const value = scalar ? scalar.value : null;
    const text = scalar ? String((scalar as Scalar & { source?: string }).source ?? value ?? '') : '';
    checked.scalar = value;
    checked.text = value === null ? '' : text;
    switch (spec.kind) {
      case 'prose': {
        const reason = placeholderReason(value === null ? '' : String(value));
        if (reason) this.issues.push({ rule: 'placeholder-text', span, message: `${capitalise(where)} ${reason}: write the real text.` });
        return checked;
      }
      case 'date': {
        const year = value === null ? undefined : parseDate(value, text);
        if (year === undefined) {
          this.issues.push({
            rule: 'invalid-date',
            span,
            message:
              value === null
                ? `${capitalise(where)} has no date: write YYYY, YYYY-MM or YYYY-MM-DD.`
                : dateMessage(where, text),
          });
          checked.ok = false;
          return checked;
        }
        checked.year = year;
        return checked;
      }
      case 'year':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999) return checked;
        return this.mismatch(checked, where, value === null ? 'it is empty' : `"${excerpt(text)}" is not a year`);
      case 'amount': {
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return checked;
        const digits = typeof value === 'string' ? writtenOutAmount(value) : undefined;
        return this.mismatch(checked, where, value === null ? 'it is empty' : digits ? `"${excerpt(text)}" is not: write ${digits}, without separators` : `"${excerpt(text)}" is not`);
      }
      case 'currency':
        if (typeof value === 'string' && CURRENCY.test(value)) return checked;
        return this.mismatch(checked, where, value === null ? 'it is empty' : `"${excerpt(text)}" is not`);
      case 'enum':
        if (typeof value === 'string' && spec.values.includes(value)) return checked;
        return this.mismatch(checked, where, value === null ? 'it is empty' : `"${excerpt(text)}" is not one of them`);
      case 'id':
        if (typeof value === 'string' && ID.test(value)) return checked;
        return this.mismatch(checked, where, value === null ? 'it is empty' : `"${excerpt(text)}" is not`);
      case 'clause':
      case 'measure-ref':
        if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return checked;
        return this.mismatch(checked, where, value === null ? 'it is empty' : `found ${describeNode(node)}`);
    }
    return checked;
  }

  /** A value of the wrong type: reported, and marked to count as absent from then on. */
  private mismatch(checked: CheckedValue, where: string, detail: string): CheckedValue {
    this.issues.push({
      rule: 'type-mismatch',
      span: checked.span,
      message: `${capitalise(where)} should be ${describeSpec(checked.spec)}; ${detail}.`,
    });
    checked.ok = false;
    return checked;
  }

  private checkMap(pairs: Pair[], spec: MapSpec): Map<string, CheckedEntry> {
    const entries = new Map<string, CheckedEntry>();
    // The first place of each key that is not a known field (known ones are in entries):
    // made only when there is one, as most mappings of a large strategy have none.
    let unknown: Map<string, Span> | undefined;
    for (let index = 0; index < pairs.length; index++) {
      const pair = pairs[index];
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const key = keyText(keyNode);
      const keyRange = keyNode?.range;
      const keySpan = keyRange ? { start: keyRange[0], end: keyRange[1] } : spanOf(pair.value as Node | null, { start: 0, end: 0 });
      if (key !== undefined && key.startsWith('x-')) continue;
      const first = key === undefined ? undefined : (entries.get(key)?.keySpan ?? unknown?.get(key));
      if (first) {
        this.issues.push({
          rule: 'duplicate-key',
          span: keySpan,
          message: `"${excerpt(key ?? '')}" appears more than once in the ${spec.what}; only the first counts. Remove or rename this one.`,
          related: [{ span: first, message: `first "${excerpt(key ?? '')}"` }],
        });
        continue;
      }
      const field: FieldSpec | undefined = key !== undefined && Object.prototype.hasOwnProperty.call(spec.fields, key) ? spec.fields[key] : undefined;
      if (!field || key === undefined) {
        if (key !== undefined) (unknown ??= new Map()).set(key, keySpan);
        this.issues.push(this.unknownKey(key, keySpan, spec));
        continue;
      }
      // The value's own place, or where it would be written (right after the key).
      const valueFallback = (pair.value as Node | null)?.range ? keySpan : { start: keySpan.end, end: keySpan.end };
      const checked = this.check(pair.value, field.value, this.whereOf(spec, key), valueFallback, keySpan);
      entries.set(key, { key, keySpan, value: checked });
      if (field.value.kind === 'amount') index += this.splitAmount(pairs, index, checked, this.whereOf(spec, key));
    }
    return entries;
  }

  /**
   * `{ amount: 1,500,000, currency: EUR }`: in flow style the commas end the amount at 1 and
   * make keys of 500 and 000. The amount is then a type-mismatch over all it was meant to
   * be (never the figure 1), and the pieces are not unknown keys. Returns how many pieces.
   */
  private splitAmount(pairs: Pair[], index: number, checked: CheckedValue, where: string): number {
    const value = (pairs[index] as Pair).value as Node | null;
    if (!checked.ok || !isScalar(value) || typeof value.value !== 'number' || !value.range) return 0;
    let count = 0;
    let end = value.range[1];
    for (let next = index + 1; next < pairs.length; next++) {
      const pair = pairs[next];
      const key = isPair(pair) ? (pair.key as Node | null) : null;
      const written = isScalar(key) ? (key as Scalar & { source?: string }).source : undefined;
      const empty = isPair(pair) && (pair.value === null || (isScalar(pair.value) && pair.value.value === null && !(pair.value as Scalar & { source?: string }).source));
      if (!key?.range || written === undefined || !/^\d{3}$/.test(written) || !empty) break;
      count++;
      end = key.range[1];
    }
    if (count === 0) return 0;
    const text = this.lines.text.slice(value.range[0], end);
    checked.span = { start: value.range[0], end };
    const digits = writtenOutAmount(text.replace(/,\s+/g, ','));
    this.mismatch(checked, where, `"${excerpt(text)}" is not${digits ? `: write ${digits}, without separators` : ''}`);
    return count;
  }

  /** Whether a mapping has a key at all, x- keys and failed values included. */
  private hasKey(node: Node | null, name: string): boolean {
    return isMap(node) && node.items.some((pair) => keyText(pair.key) === name);
  }

  private unknownKey(key: string | undefined, keySpan: Span, spec: MapSpec): Issue {
    if (key === undefined) {
      return { rule: 'unknown-key', span: keySpan, message: `This name is not plain text; the ${spec.what} does not accept it.` };
    }
    if (key === '<<') {
      // YAML 1.1 merge keys: YAML 1.2, which this file is read as, has none, so nothing is merged.
      return {
        rule: 'unknown-key',
        span: keySpan,
        message: `Merging with << is not supported: nothing is merged into this ${spec.what}. Write its fields out in full.`,
      };
    }
    const known = Object.keys(spec.fields);
    const elsewhere = spec.elsewhere && Object.prototype.hasOwnProperty.call(spec.elsewhere, key) ? spec.elsewhere[key] : undefined;
    if (elsewhere) {
      return { rule: 'unknown-key', span: keySpan, message: `"${excerpt(key)}" does not belong in the ${spec.what}: ${elsewhere}. Move it there.` };
    }
    const suggestion = closest(key, known);
    const allowed = known.length <= 12 ? ` Known fields: ${known.join(', ')}.` : '';
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : allowed;
    return {
      rule: 'unknown-key',
      span: keySpan,
      message: `"${excerpt(key)}" is not a field of the ${spec.what}.${hint} (Names starting with x- are your own and never checked.)`,
      data: suggestion ? { kind: 'replace', replacement: suggestion } : undefined,
    };
  }
}

function describeNode(node: unknown): string {
  if (isMap(node)) return 'a group of fields';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'nothing';
    if (typeof node.value === 'number') return 'a number';
    if (typeof node.value === 'boolean') return 'true/false';
    return 'text';
  }
  return 'something else';
}

/** An invalid date's message, with the date written out when the text is one a reader would recognise. */
function dateMessage(where: string, text: string): string {
  const fix = writtenOutDate(text);
  const form = 'not a date in the form YYYY, YYYY-MM or YYYY-MM-DD';
  return fix ? `${capitalise(where)} is "${excerpt(text)}", ${form}: write ${fix}.` : `${capitalise(where)} is "${excerpt(text)}", ${form}, or not a real date.`;
}

export function capitalise(text: string): string {
  return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}
