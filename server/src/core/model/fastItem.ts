/**
 * A fast parser for one measure item. The `yaml` composer is general and careful, and so
 * it is slow on a large strategy: most of the time of opening a 3 MB file goes into
 * composing its ten thousand measure items, which are all written in a small, plain
 * subset of YAML. This parser reads exactly that subset, straight from the text with
 * character scanning, and builds the very node tree the composer builds for the item
 * (same classes, properties and ranges), so that nothing after the parse can tell the
 * difference. Whenever the item holds anything outside the subset, or anything it is not
 * sure about, it declines and the caller composes the item with `yaml` as before:
 * declining is always correct, a tree that differs from the composer's is a bug.
 *
 * The subset, for an item that starts with `- ` at some column and whose first line holds
 * its first key:
 * - block mappings whose keys are plain, on one line, start with a letter, a digit, `_`,
 *   `.`, `$`, `/`, `(` or a non-ASCII character and go on with those, `-`, `)` and spaces;
 * - block sequences (indented deeper than their key) of mappings, scalars and flow
 *   collections;
 * - plain scalars on one line, resolved with the schema's own tags; single- and
 *   double-quoted scalars on one line (double-quoted ones without backslash escapes);
 * - block scalars `|`, `|-`, `|+`, `>`, `>-`, `>+` without an indentation indicator,
 *   without leading blank lines and without lines of spaces, and, when folded, without
 *   more-indented lines;
 * - flow sequences and flow mappings on one line, of plain and quoted scalars (flow
 *   mapping keys plain, every flow mapping value present), possibly empty;
 * - keys without a value (a null scalar), blank lines between entries and items
 *   (`spaceBefore`), lines of spaces outside block scalars, and trailing blank lines.
 * It declines on everything else, and on what the composer would report as an error or a
 * warning: comments (any `#`, even in quotes), tabs, carriage returns and the other control
 * characters, a byte order mark, line and paragraph separators; anchors, aliases, tags,
 * directives, explicit keys and reserved characters (a value starting with `&`, `*`, `!`,
 * `%`, `?`, `:`, `@` or a backquote); multi-line plain, quoted or flow scalars and
 * collections; escapes; nested flow collections and trailing commas in them; a space
 * before a key's `:` and keys of more than 1000 characters; an item that is not a mapping,
 * a dash alone on its line or followed by more than one space, compact nested sequences
 * (`- - x`), sequences at their key's column, and nesting deeper than 64 levels.
 */
import { Document, isScalar, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

type Range = [number, number, number];

/** What this parser needs of a scalar tag of the schema (a subset of yaml's ScalarTag). */
interface ScalarTagLike {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve(value: string, onError: (message: string) => void, options: unknown): unknown;
}

const SPACE = 32;
const DASH = 45;
const COLON = 58;
const COMMA = 44;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const PIPE = 124;
const GREATER = 62;
const PLUS = 43;

/**
 * Deeper nesting is declined, so that a pathological item cannot exhaust the stack here
 * (the caller's `yaml` parse has its own bound on nesting, see parseYaml.ts).
 */
const MAX_DEPTH = 64;

/**
 * The composer's options as model/incremental.ts passes them (PARSE_OPTIONS, repeated here
 * rather than imported so that incremental.ts can import this module without a cycle). The
 * schema and the options handed to the tags come from a document made with them, exactly
 * as the composer makes its own.
 */
const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true } as const;
const DOCUMENT = new Document(undefined, OPTIONS);
const SCHEMA = DOCUMENT.schema;
const TAG_OPTIONS: unknown = DOCUMENT.options;
const STRING_TAG = (SCHEMA as unknown as Record<symbol, ScalarTagLike>)[Symbol.for('yaml.scalar')];

/**
 * The tags a plain value or key is tested against, in the schema's order: the order of
 * `findScalarTagByTest` in yaml's compose-scalar.js, which takes the first default tag
 * whose test matches (tags without a test never match there, so they are left out).
 */
const VALUE_TAGS = (SCHEMA.tags as unknown as ScalarTagLike[]).filter((tag) => tag.default === true && tag.test);
const KEY_TAGS = (SCHEMA.tags as unknown as ScalarTagLike[]).filter((tag) => (tag.default === true || tag.default === 'key') && tag.test);

/**
 * The characters each of the core schema's tests can start with. Most values (titles,
 * names, ids) start with none of them, and then no test needs to run: eight regular
 * expressions on each of the 200,000 scalars of the benchmark's largest strategy take
 * about four times as long as this one look-up. The table is only used when every tag of
 * the schema is one of these, checked by the source of its test.
 */
const FIRST_CHARACTERS: Record<string, string> = {
  '^(?:~|[Nn]ull|NULL)?$': '~Nn',
  '^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$': 'TtFf',
  '^0o[0-7]+$': '0',
  '^[-+]?[0-9]+$': '-+0123456789',
  '^0x[0-9a-fA-F]+$': '0',
  '^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$': '-+.',
  '^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$': '-+.0123456789',
  '^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$': '-+.0123456789',
};

/** For each ASCII code, whether a tag's test may match a value starting with it; undefined: test every value. */
const MAY_MATCH: boolean[] | undefined = (() => {
  const table: boolean[] = new Array(128).fill(false);
  for (const tag of [...VALUE_TAGS, ...KEY_TAGS]) {
    const first = tag.test!.flags === '' ? FIRST_CHARACTERS[tag.test!.source] : undefined;
    if (first === undefined) return undefined;
    for (const character of first) table[character.charCodeAt(0)] = true;
  }
  return table;
})();

/**
 * Whether this schema is one the parser reproduces: no compat tags (they warn), and a
 * string tag that keeps the text as it is. Otherwise every item is declined.
 */
const ENABLED = !SCHEMA.compat && STRING_TAG !== undefined && !STRING_TAG.format && STRING_TAG.resolve('a b', () => undefined, TAG_OPTIONS) === 'a b';

/*
 * The nodes. They are made by constructor functions whose prototypes inherit from yaml's
 * classes' own prototypes, so they are instances of those classes (instanceof, toJS,
 * toString and clone work as on any node), with the same own enumerable properties as the
 * composer's nodes, set in the composer's order. What yaml's constructors define on each
 * node as an own, non-enumerable property (the node type that isScalar/isMap/isSeq/isPair
 * read, and a collection's schema) sits on these prototypes instead: one definition for
 * all nodes rather than a defineProperty call per node, about a third of the parse's time.
 * yaml's own classes are left as they are. Since every property is set in the
 * constructor, V8 sizes the objects to hold them all in place.
 */
const NODE_TYPE = Symbol.for('yaml.node.type');
const SCHEMA_PROPERTY: PropertyDescriptor = { value: SCHEMA, configurable: true, enumerable: false, writable: true };

/** A prototype below a yaml class's prototype that carries the node type (and a collection's schema). */
function nodePrototype(base: object, type: string, collection: boolean): object {
  const properties: PropertyDescriptorMap = { [NODE_TYPE]: { value: Symbol.for(type) } };
  if (collection) properties.schema = SCHEMA_PROPERTY;
  return Object.create(base, properties) as object;
}

type Fields = Record<PropertyKey, unknown>;

function FastScalar(this: Fields, value: unknown, range: Range, source: string, type: Scalar.Type): void {
  this.value = value;
  this.range = range;
  this.source = source;
  this.type = type;
}
FastScalar.prototype = nodePrototype(Scalar.prototype, 'yaml.scalar', false);

function FastMap(this: Fields, items: unknown[], flow: boolean, range: Range): void {
  this.items = items;
  if (flow) this.flow = true;
  this.range = range;
}
FastMap.prototype = nodePrototype(YAMLMap.prototype, 'yaml.map', true);

function FastSeq(this: Fields, items: unknown[], flow: boolean, range: Range): void {
  this.items = items;
  if (flow) this.flow = true;
  this.range = range;
}
FastSeq.prototype = nodePrototype(YAMLSeq.prototype, 'yaml.seq', true);

function FastPair(this: Fields, key: Node, value: Node): void {
  this.key = key;
  this.value = value;
}
FastPair.prototype = nodePrototype(Pair.prototype, 'yaml.pair', false);

const ScalarNode = FastScalar as unknown as new (value: unknown, range: Range, source: string, type: Scalar.Type) => Scalar;
const MapNode = FastMap as unknown as new (items: unknown[], flow: boolean, range: Range) => YAMLMap;
const SeqNode = FastSeq as unknown as new (items: unknown[], flow: boolean, range: Range) => YAMLSeq;
const PairNode = FastPair as unknown as new (key: Node, value: Node) => Pair;


/** Whether a plain key may start with this character: letters, digits and a few safe others. */
function isKeyStart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 95 || code === 46 || code === 36 || code === 47 || code === 40 || code >= 128
  );
}

/** Whether a plain key may hold this character after its first: the above, `-`, `)` and spaces. */
function isKeyPart(code: number): boolean {
  return isKeyStart(code) || code === DASH || code === 41 || code === SPACE;
}

function isFlowIndicator(code: number): boolean {
  return code === COMMA || code === OPEN_BRACKET || code === CLOSE_BRACKET || code === OPEN_BRACE || code === CLOSE_BRACE;
}

/** Characters that make a value (block or flow) something other than a plain scalar, or an error. */
function isUnsupportedValueStart(code: number): boolean {
  switch (code) {
    case 33: // ! a tag
    case 38: // & an anchor
    case 42: // * an alias
    case 63: // ? an explicit key
    case COLON:
    case 37: // % a directive
    case 64: // @ reserved
    case 96: // ` reserved
    case COMMA:
    case CLOSE_BRACKET:
    case CLOSE_BRACE:
      return true;
    default:
      return false;
  }
}

class ItemParser {
  /**
   * The items of the collections being read: each collection pushes its items here and,
   * when it is complete, takes them off as an array of exactly their length (an array grown
   * by push keeps spare room, sixteen slots or more, and the trees are kept in memory for
   * as long as the document is open).
   */
  private readonly stack: unknown[] = [];
  /** Set by a tag's resolve when it reports a problem: the composer would report an error. */
  private resolveFailed = false;
  private readonly onResolveError = (): void => {
    this.resolveFailed = true;
  };
  /** The start of the next line not read yet. */
  pos: number;
  /** The content line found by nextLine(). */
  lineStart = 0;
  indent = 0;
  content = 0;
  lineEnd = 0;
  /** Whether blank lines came before that line. */
  blankBefore = false;
  depth = 0;

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
    private readonly ranges: Range[],
  ) {
    this.pos = start;
  }

  /** The end of the line holding `at`: its newline, or the end of the chunk. */
  lineEndAt(at: number): number {
    const newline = this.text.indexOf('\n', at);
    return newline === -1 || newline > this.end ? this.end : newline;
  }

  /** The start of the line after the line ending at `lineEnd`. */
  after(lineEnd: number): number {
    return lineEnd < this.end ? lineEnd + 1 : this.end;
  }

  /**
   * Finds the next line with content from `pos`, skipping blank lines (and lines of
   * spaces), without consuming it; false at the end of the chunk.
   */
  nextLine(): boolean {
    const text = this.text;
    const end = this.end;
    let at = this.pos;
    let blank = false;
    while (at < end) {
      let first = at;
      while (first < end && text.charCodeAt(first) === SPACE) first++;
      const lineEnd = this.lineEndAt(first);
      if (first === lineEnd) {
        // Spaces at the very end, without a line break, are no blank line to the composer.
        if (lineEnd < end) blank = true;
        at = lineEnd + 1;
        continue;
      }
      this.lineStart = at;
      this.indent = first - at;
      this.content = first;
      this.lineEnd = lineEnd;
      this.blankBefore = blank;
      return true;
    }
    this.blankBefore = blank;
    return false;
  }

  /**
   * Where the plain key at `start` ends (at its `:`): -1 when the line does not start like a
   * key or holds no `: `, so it is not a key line (it may be a value: a quoted scalar or a
   * flow collection, whose own parse declines what follows it); -2 when it is a key line,
   * but with a key outside the subset.
   */
  scanKey(start: number, lineEnd: number): number {
    const text = this.text;
    if (!isKeyStart(text.charCodeAt(start))) return -1;
    let colon = -1;
    for (let at = start; at < lineEnd; at++) {
      if (text.charCodeAt(at) === COLON && (at + 1 === lineEnd || text.charCodeAt(at + 1) === SPACE)) {
        colon = at;
        break;
      }
    }
    if (colon === -1) return -1;
    // The composer refuses implicit keys of more than 1024 characters.
    if (colon - start > 1000 || text.charCodeAt(colon - 1) === SPACE) return -2;
    for (let at = start + 1; at < colon; at++) if (!isKeyPart(text.charCodeAt(at))) return -2;
    return colon;
  }

  /**
   * A plain scalar whose text is `text[start, valueEnd)`, resolved as the composer does
   * with the schema's tags (core: null, bool, int, float or string, with their formats).
   */
  plain(start: number, valueEnd: number, rangeEnd: number, atKey: boolean): Scalar | undefined {
    const source = this.text.slice(start, valueEnd);
    const code = source.charCodeAt(0);
    let tag = STRING_TAG;
    if (MAY_MATCH === undefined || source === '' || (code < 128 && MAY_MATCH[code])) {
      const tags = atKey ? KEY_TAGS : VALUE_TAGS;
      for (let index = 0; index < tags.length; index++) {
        if (tags[index].test!.test(source)) {
          tag = tags[index];
          break;
        }
      }
    }
    const range: Range = [start, valueEnd, rangeEnd];
    this.ranges.push(range);
    if (tag === STRING_TAG) return new ScalarNode(source, range, source, Scalar.PLAIN);
    this.resolveFailed = false;
    const resolved = tag.resolve(source, this.onResolveError, TAG_OPTIONS);
    if (this.resolveFailed) return undefined;
    let node: Scalar;
    if (isScalar(resolved)) {
      // Some tags (null, bool, float) make the Scalar themselves, with properties of their own.
      node = resolved;
      node.range = range;
      node.source = source;
      node.type = Scalar.PLAIN;
    } else {
      node = new ScalarNode(resolved, range, source, Scalar.PLAIN);
    }
    if (tag.format) node.format = tag.format;
    return node;
  }

  /** A quoted or block scalar: a string, with the string tag. */
  stringScalar(value: string, start: number, valueEnd: number, rangeEnd: number, type: Scalar.Type): Scalar {
    const range: Range = [start, valueEnd, rangeEnd];
    this.ranges.push(range);
    return new ScalarNode(value, range, value, type);
  }

  /**
   * A block mapping at column `column`, whose first key starts at `start` on a line (already
   * read) ending at `lineEnd`, with its `:` at `colon`.
   */
  map(column: number, start: number, lineEnd: number, colon: number): YAMLMap | undefined {
    if (++this.depth > MAX_DEPTH) return undefined;
    const text = this.text;
    const mark = this.stack.length;
    let keyStart = start;
    let spaceBefore = false;
    let end = start;
    for (;;) {
      const key = this.plain(keyStart, colon, colon, true);
      if (!key) return undefined;
      if (spaceBefore) key.spaceBefore = true;
      let valueStart = colon + 1;
      while (valueStart < lineEnd && text.charCodeAt(valueStart) === SPACE) valueStart++;
      let value: Node | undefined;
      if (valueStart < lineEnd) {
        value = this.inline(valueStart, lineEnd, column);
      } else {
        this.pos = this.after(lineEnd);
        const more = this.nextLine();
        if (more && this.indent > column) {
          // The value is a block collection on the next lines.
          const blank = this.blankBefore;
          value = this.block();
          if (value && blank) value.spaceBefore = true;
        } else {
          // No value: the composer's null scalar sits right after the `:` and its spaces.
          value = this.plain(valueStart, valueStart, valueStart, false);
          // Blank lines after it go to the next key of this mapping; when none follows,
          // the null scalar takes them (and with them its spaceBefore).
          if (value && this.blankBefore && (!more || this.indent < column)) {
            value.spaceBefore = true;
            this.pos = more ? this.lineStart : this.end;
          }
        }
      }
      if (!value) return undefined;
      this.stack.push(new PairNode(key, value));
      end = value.range![2];
      if (!this.nextLine() || this.indent < column) break;
      // A deeper line after a value would continue it (or be an error).
      if (this.indent > column) return undefined;
      spaceBefore = this.blankBefore;
      keyStart = this.content;
      lineEnd = this.lineEnd;
      colon = this.scanKey(keyStart, lineEnd);
      if (colon < 0) return undefined;
    }
    const range: Range = [start, end, end];
    this.ranges.push(range);
    const items = this.stack.slice(mark);
    this.stack.length = mark;
    this.depth--;
    return new MapNode(items, false, range);
  }

  /** The block collection starting on the line found by nextLine(). */
  block(): YAMLMap | YAMLSeq | undefined {
    const text = this.text;
    const start = this.content;
    const lineEnd = this.lineEnd;
    if (text.charCodeAt(start) === DASH && (start + 1 === lineEnd || text.charCodeAt(start + 1) === SPACE)) {
      return this.seq(this.indent, start, lineEnd);
    }
    const colon = this.scanKey(start, lineEnd);
    return colon < 0 ? undefined : this.map(this.indent, start, lineEnd, colon);
  }

  /** A block sequence at column `column`, whose first `-` is at `start` on a line ending at `lineEnd`. */
  seq(column: number, start: number, lineEnd: number): YAMLSeq | undefined {
    if (++this.depth > MAX_DEPTH) return undefined;
    const text = this.text;
    const mark = this.stack.length;
    let dash = start;
    let spaceBefore = false;
    let end = start;
    for (;;) {
      const itemStart = dash + 2;
      // A dash alone, or followed by more than one space: outside the subset.
      if (itemStart >= lineEnd || text.charCodeAt(itemStart) === SPACE) return undefined;
      const colon = this.scanKey(itemStart, lineEnd);
      if (colon === -2) return undefined;
      const item = colon >= 0 ? this.map(column + 2, itemStart, lineEnd, colon) : this.inline(itemStart, lineEnd, column);
      if (!item) return undefined;
      if (spaceBefore) item.spaceBefore = true;
      this.stack.push(item);
      end = item.range![2];
      if (!this.nextLine() || this.indent < column) break;
      if (this.indent > column) return undefined;
      dash = this.content;
      lineEnd = this.lineEnd;
      if (text.charCodeAt(dash) !== DASH || !(dash + 1 === lineEnd || text.charCodeAt(dash + 1) === SPACE)) return undefined;
      spaceBefore = this.blankBefore;
    }
    const range: Range = [start, end, end];
    this.ranges.push(range);
    const items = this.stack.slice(mark);
    this.stack.length = mark;
    this.depth--;
    return new SeqNode(items, false, range);
  }

  /**
   * A value that starts at `start` on a line ending at `lineEnd`, in a collection at column
   * `parent`: a scalar, a flow collection or a block scalar. Moves `pos` past it.
   */
  inline(start: number, lineEnd: number, parent: number): Node | undefined {
    const text = this.text;
    const code = text.charCodeAt(start);
    switch (code) {
      case SINGLE_QUOTE:
      case DOUBLE_QUOTE: {
        const close = this.quoteEnd(start, lineEnd);
        if (close < 0 || !this.onlySpaces(close + 1, lineEnd)) return undefined;
        this.pos = this.after(lineEnd);
        return this.quoted(start, close, this.pos);
      }
      case OPEN_BRACKET:
      case OPEN_BRACE:
        return this.flow(start, lineEnd);
      case PIPE:
      case GREATER:
        return this.blockScalar(start, lineEnd, parent);
      case DASH:
        // `- ` here would be a sequence on the key's line: an error.
        if (start + 1 === lineEnd || text.charCodeAt(start + 1) === SPACE) return undefined;
        break;
      default:
        if (isUnsupportedValueStart(code)) return undefined;
    }
    // A plain scalar up to the end of the line; `: ` in it would be a mapping (an error here).
    let valueEnd = start;
    for (let at = start; at < lineEnd; at++) {
      const character = text.charCodeAt(at);
      if (character === SPACE) continue;
      if (character === COLON && (at + 1 === lineEnd || text.charCodeAt(at + 1) === SPACE)) return undefined;
      valueEnd = at + 1;
    }
    this.pos = this.after(lineEnd);
    return this.plain(start, valueEnd, this.pos, false);
  }

  /** Whether text[from, to) is only spaces. */
  onlySpaces(from: number, to: number): boolean {
    for (let at = from; at < to; at++) if (this.text.charCodeAt(at) !== SPACE) return false;
    return true;
  }

  /** The closing quote of the quoted scalar at `start`, on the same line; -1 if none, or an escape. */
  quoteEnd(start: number, lineEnd: number): number {
    const text = this.text;
    const quote = text.charCodeAt(start);
    for (let at = start + 1; at < lineEnd; at++) {
      const code = text.charCodeAt(at);
      if (code === quote) {
        // '' inside single quotes is an escaped quote.
        if (quote === SINGLE_QUOTE && at + 1 < lineEnd && text.charCodeAt(at + 1) === SINGLE_QUOTE) {
          at++;
          continue;
        }
        return at;
      }
      if (code === BACKSLASH && quote === DOUBLE_QUOTE) return -1;
    }
    return -1;
  }

  /** The quoted scalar from `start` to its closing quote at `close`. */
  quoted(start: number, close: number, rangeEnd: number): Scalar {
    const text = this.text;
    let value = text.slice(start + 1, close);
    const single = text.charCodeAt(start) === SINGLE_QUOTE;
    if (single && value.includes("'")) value = value.split("''").join("'");
    return this.stringScalar(value, start, close + 1, rangeEnd, single ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE);
  }

  /** A flow sequence or mapping on one line, from `start` (its bracket) to the end of the line. */
  flow(start: number, lineEnd: number): YAMLMap | YAMLSeq | undefined {
    const text = this.text;
    const isMap = text.charCodeAt(start) === OPEN_BRACE;
    const close = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
    const mark = this.stack.length;
    let at = start + 1;
    while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
    if (at >= lineEnd) return undefined;
    if (text.charCodeAt(at) !== close) {
      for (;;) {
        let item: Node | undefined;
        if (isMap) {
          // A plain key, right before `: `, and a value.
          if (!isKeyStart(text.charCodeAt(at))) return undefined;
          let colon = at + 1;
          while (colon < lineEnd && isKeyPart(text.charCodeAt(colon))) colon++;
          if (colon + 1 >= lineEnd || text.charCodeAt(colon) !== COLON || text.charCodeAt(colon + 1) !== SPACE || text.charCodeAt(colon - 1) === SPACE) {
            return undefined;
          }
          const key = this.plain(at, colon, colon, true);
          if (!key) return undefined;
          at = colon + 2;
          while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
          const value = this.flowScalar(at, lineEnd);
          if (!value) return undefined;
          this.stack.push(new PairNode(key, value));
          at = value.range![2];
        } else {
          item = this.flowScalar(at, lineEnd);
          if (!item) return undefined;
          this.stack.push(item);
          at = item.range![2];
        }
        if (at >= lineEnd) return undefined;
        const code = text.charCodeAt(at);
        if (code === close) break;
        if (code !== COMMA) return undefined;
        at++;
        while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
        // A trailing comma, or an unclosed collection: outside the subset.
        if (at >= lineEnd || text.charCodeAt(at) === close) return undefined;
      }
    }
    const closeEnd = at + 1;
    if (!this.onlySpaces(closeEnd, lineEnd)) return undefined;
    this.pos = this.after(lineEnd);
    const range: Range = [start, closeEnd, this.pos];
    this.ranges.push(range);
    const items = this.stack.slice(mark);
    this.stack.length = mark;
    return isMap ? new MapNode(items, true, range) : new SeqNode(items, true, range);
  }

  /**
   * A scalar inside a flow collection, from `start`; its range ends after the spaces that
   * follow it, where the next `,` or closing bracket must be.
   */
  flowScalar(start: number, lineEnd: number): Scalar | undefined {
    const text = this.text;
    if (start >= lineEnd) return undefined;
    const code = text.charCodeAt(start);
    if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
      const close = this.quoteEnd(start, lineEnd);
      if (close < 0) return undefined;
      let end = close + 1;
      while (end < lineEnd && text.charCodeAt(end) === SPACE) end++;
      return this.quoted(start, close, end);
    }
    if (isUnsupportedValueStart(code) || isFlowIndicator(code) || code === PIPE || code === GREATER) return undefined;
    if (code === DASH) {
      const next = start + 1 < lineEnd ? text.charCodeAt(start + 1) : SPACE;
      if (next === SPACE || isFlowIndicator(next)) return undefined;
    }
    let valueEnd = start;
    let at = start;
    for (; at < lineEnd; at++) {
      const character = text.charCodeAt(at);
      if (character === SPACE) continue;
      if (isFlowIndicator(character)) break;
      if (character === COLON) {
        // `:` before a space or a flow indicator would make a pair (or an error).
        const next = at + 1 < lineEnd ? text.charCodeAt(at + 1) : SPACE;
        if (next === SPACE || isFlowIndicator(next)) return undefined;
      }
      valueEnd = at + 1;
    }
    if (at >= lineEnd) return undefined;
    const character = text.charCodeAt(at);
    if (character === OPEN_BRACKET || character === OPEN_BRACE) return undefined;
    return this.plain(start, valueEnd, at, false);
  }

  /**
   * A block scalar whose header (`|` or `>`) is at `start`, in a collection at column
   * `parent`; its lines are those indented deeper than `parent` that follow.
   */
  blockScalar(start: number, lineEnd: number, parent: number): Scalar | undefined {
    const text = this.text;
    const end = this.end;
    const literal = text.charCodeAt(start) === PIPE;
    let at = start + 1;
    const chomp = at < lineEnd ? text.charCodeAt(at) : SPACE;
    const keep = chomp === PLUS;
    const strip = chomp === DASH;
    if (keep || strip) at++;
    // An indentation indicator, or anything else after the header: outside the subset.
    if (!this.onlySpaces(at, lineEnd) || lineEnd >= end) return undefined;
    let line = lineEnd + 1;
    let indent = -1;
    let value = '';
    let empty = 0;
    let lastEnd = -1;
    let stop = end;
    while (line < end) {
      let first = line;
      while (first < end && text.charCodeAt(first) === SPACE) first++;
      const contentEnd = this.lineEndAt(first);
      if (first === contentEnd) {
        // Lines of spaces, and blank lines before the first line, have rules of their own.
        if (first > line || indent === -1) return undefined;
        empty++;
        line = contentEnd + 1;
        continue;
      }
      const lineIndent = first - line;
      if (indent === -1) {
        // An empty block scalar: outside the subset.
        if (lineIndent <= parent) return undefined;
        indent = lineIndent;
        value = text.slice(line + indent, contentEnd);
      } else if (lineIndent < indent) {
        // The scalar ends; a line between its indentation and the parent's would be an error.
        if (lineIndent > parent) return undefined;
        stop = line;
        break;
      } else if (literal) {
        value += (empty === 0 ? '\n' : '\n'.repeat(empty + 1)) + text.slice(line + indent, contentEnd);
      } else {
        // More-indented lines of a folded scalar keep their line breaks: outside the subset.
        if (lineIndent > indent) return undefined;
        value += (empty === 0 ? ' ' : '\n'.repeat(empty)) + text.slice(first, contentEnd);
      }
      empty = 0;
      lastEnd = contentEnd;
      line = contentEnd + 1;
    }
    if (indent === -1) return undefined;
    let rangeEnd: number;
    if (keep) {
      // Kept: the trailing blank lines belong to the scalar, one line break each.
      value += lastEnd < end ? '\n'.repeat(empty + 1) : '\n';
      rangeEnd = stop;
    } else {
      if (!strip) value += '\n';
      rangeEnd = this.after(lastEnd);
    }
    this.pos = rangeEnd;
    return this.stringScalar(value, start, rangeEnd, rangeEnd, literal ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED);
  }
}

/**
 * Characters that put a chunk outside the subset wherever they are: `#` (comments; also
 * inside quoted scalars, for simplicity), tabs, carriage returns and the other control
 * characters but the line feed, C1 controls (NEL among them), a byte order mark, and the
 * line and paragraph separators. Tested on a slice of the chunk: faster than a loop over
 * its characters, and it cannot run past the chunk.
 */
const UNSUPPORTED_CHARACTER = /[\x00-\x09\x0b-\x1f#\x7f-\x9f\ufeff\u2028\u2029]/;

function parseItem(text: string, start: number, end: number, ranges: Range[]): Node | undefined {
  if (!ENABLED || start < 0 || end > text.length || start >= end) return undefined;
  if (UNSUPPORTED_CHARACTER.test(text.slice(start, end))) return undefined;
  const parser = new ItemParser(text, start, end, ranges);
  let dash = start;
  while (dash < end && text.charCodeAt(dash) === SPACE) dash++;
  const lineEnd = parser.lineEndAt(dash);
  if (text.charCodeAt(dash) !== DASH || dash + 2 >= lineEnd || text.charCodeAt(dash + 1) !== SPACE || text.charCodeAt(dash + 2) === SPACE) {
    return undefined;
  }
  const colon = parser.scanKey(dash + 2, lineEnd);
  if (colon < 0) return undefined;
  const map = parser.map(dash - start + 2, dash + 2, lineEnd, colon);
  // Anything after the item's mapping (another item, or a line less indented) is declined.
  if (!map || parser.nextLine()) return undefined;
  return map;
}

/**
 * Parses `text.slice(start, end)`, one item of a block sequence starting with `- ` (see
 * model/incremental.ts), into the node that yaml's composer makes of that text alone (item
 * 0 of the sequence), with ranges in offsets of the whole `text`. Every range array it
 * makes is pushed to `ranges`. Returns undefined, leaving `ranges` as it was, when the item
 * is outside the subset this parser reproduces (see the top of this file); it never throws.
 */
export function fastParseItem(text: string, start: number, end: number, ranges: Array<[number, number, number]>): Node | undefined {
  const mark = ranges.length;
  let node: Node | undefined;
  try {
    node = parseItem(text, start, end, ranges);
  } catch {
    node = undefined;
  }
  if (!node) ranges.length = mark;
  return node;
}
