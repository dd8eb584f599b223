/**
 * YAML parsing with a bound on nesting. The `yaml` composer recurses once per level of
 * nesting, so a file nested thousands of levels deep exhausts the stack; and when the stack
 * runs out while V8 is compiling a regular expression, the whole process aborts (a fatal
 * "out of memory", which no `catch` sees). The parser underneath is not recursive, so the
 * token stream is watched as it is parsed: the first place that nests deeper than
 * MAX_NESTING levels stops the parse with a NestingTooDeepError, before the composer goes
 * there. That also keeps such a file cheap: nothing after that place is read.
 */
import { Composer, CST, Document, DocumentOptions, isScalar, Lexer, ParseOptions, Parser, SchemaOptions, visit, YAMLParseError } from 'yaml';

/**
 * Far more than any strategy, configuration or schema needs (about ten), and about a quarter
 * of the depth at which the composer runs out of a default stack.
 */
export const MAX_NESTING = 256;

export class NestingTooDeepError extends RangeError {
  constructor(readonly offset: number) {
    super(`the values nest more than ${MAX_NESTING} levels deep`);
    this.name = 'NestingTooDeepError';
  }
}

export type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions & { prettyErrors?: false };

/** The parser's tokens, stopped with a NestingTooDeepError where the nesting gets too deep. */
export function* boundedTokens(source: string): Generator<CST.Token, void> {
  const parser = new Parser();
  for (const lexeme of new Lexer().lex(source)) {
    const start = parser.offset;
    yield* parser.next(lexeme);
    if (parser.stack.length > MAX_NESTING) throw new NestingTooDeepError(start);
  }
  yield* parser.end();
}

/**
 * The composer's options, with its duplicate-key check turned off: the `yaml` package
 * compares every key of a mapping with every key before it, so a mapping of 40,000 keys
 * costs 800 million comparisons. When `uniqueKeys` is wanted (the `yaml` default), the
 * same check is done here with one set per mapping, in linear time.
 */
function composerOptions(options: YamlOptions): { composer: YamlOptions; unique: boolean } {
  if (typeof options.uniqueKeys === 'function') return { composer: { ...options, prettyErrors: false }, unique: false };
  return { composer: { ...options, uniqueKeys: false, prettyErrors: false }, unique: options.uniqueKeys !== false };
}

/** Adds the `yaml` package's DUPLICATE_KEY errors, found in one pass, in the order of the text. */
export function checkUniqueKeys(document: Document.Parsed): void {
  const duplicates: YAMLParseError[] = [];
  visit(document, {
    Map: (_key, map) => {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) {
          const range = pair.key.range ?? [0, 0];
          duplicates.push(new YAMLParseError([range[0], range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else {
          seen.add(pair.key.value);
        }
      }
    },
  });
  if (duplicates.length === 0) return;
  document.errors.push(...duplicates);
  document.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

/**
 * Runs the parser without a stack trace for its errors: they are read for their place and
 * message only, and a text that is not YAML at all gives one on every line (capturing a
 * trace each took seconds on a large file).
 */
export function withoutTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** `parseAllDocuments` of the `yaml` package, bounded in nesting; errors are not prettified. */
export function parseAllDocumentsBounded(source: string, options: YamlOptions = {}): Document.Parsed[] {
  const { composer: composed, unique } = composerOptions(options);
  const documents = withoutTraces(() => Array.from(new Composer(composed).compose(boundedTokens(source))) as Document.Parsed[]);
  if (unique) documents.forEach(checkUniqueKeys);
  return documents;
}

/** `parseDocument` of the `yaml` package, bounded in nesting; errors are not prettified. */
export function parseDocumentBounded(source: string, options: YamlOptions = {}): Document.Parsed {
  const { composer: composed, unique } = composerOptions(options);
  const composer = new Composer(composed);
  let document: Document.Parsed | undefined;
  withoutTraces(() => {
    for (const next of composer.compose(boundedTokens(source), true, source.length)) {
      if (!document) {
        document = next as Document.Parsed;
      } else {
        document.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
        break;
      }
    }
  });
  // `compose(…, true)` always yields a document, an empty one for an empty source.
  if (unique) checkUniqueKeys(document!);
  return document!;
}

/**
 * How much structure a file may have: lines with content, block indicators (`- `, `: `,
 * `? `) and flow indicators (`,` `[` `]` `{` `}`, counted twice: a flow item costs the
 * parser about twice what a line does). Every YAML node the parser builds is at least
 * one of these, and the parser's memory and time grow with their number, not with the
 * bytes: a megabyte of one-character list items costs about 300 MB to parse, a megabyte
 * of prose almost nothing. 600,000 is about 25,000 measures of a typical strategy (the
 * benchmark's 10,000 measures are 225,000), and the most a file of any shape can cost
 * stays under about 1 GB of memory (test/reliability/memory.test.ts measures it).
 */
export const MAX_STRUCTURE = 600_000;

/** The structure of a text, as MAX_STRUCTURE counts it; counting stops past `limit`. */
export function structureSize(text: string, limit: number = MAX_STRUCTURE): number {
  let units = 0;
  let content = false;
  for (let i = 0; i < text.length && units <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      if (content) units++;
      content = false;
    } else if (code === 32 || code === 9) {
      continue;
    } else {
      content = true;
      if (code === 44 || code === 91 || code === 93 || code === 123 || code === 125) {
        units += 2;
      } else if (code === 45 || code === 58 || code === 63) {
        const next = text.charCodeAt(i + 1);
        if (Number.isNaN(next) || next === 32 || next === 10 || next === 13 || next === 9) units++;
      }
    }
  }
  return content ? units + 1 : units;
}

/**
 * The structure of TEXT, from that of OLD (OLD_SIZE, counted to the end) and where the two
 * differ (`[start, oldEnd)` of OLD became `[start, newEnd)` of TEXT): the count is a sum over
 * lines, so only the lines the edit touched are counted again, whole, in both versions.
 */
export function editedStructureSize(old: string, oldSize: number, text: string, start: number, oldEnd: number, newEnd: number): number {
  // The start of the edit's line (a search for the last '\r' would run to the text's start when it has none).
  let from = start;
  while (from > 0 && old.charCodeAt(from - 1) !== 10 && old.charCodeAt(from - 1) !== 13) from--;
  return oldSize - structureSize(old.slice(from, lineEndAfter(old, oldEnd)), Infinity) + structureSize(text.slice(from, lineEndAfter(text, newEnd)), Infinity);
}

/** Just past the line break that ends the line `offset` is on (a CR LF pair whole), or the text's end. */
export function lineEndAfter(text: string, offset: number): number {
  for (let at = offset; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10) return at + 1;
    if (code === 13) return text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
  }
  return text.length;
}
