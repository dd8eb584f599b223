/**
 * YAML parsing with a bound on nesting. The `yaml` composer recurses once per level of
 * nesting, so a file nested thousands of levels deep exhausts the stack; and when the stack
 * runs out while V8 is compiling a regular expression, the whole process aborts (a fatal
 * "out of memory", which no `catch` sees). The parser underneath is not recursive, so the
 * token stream is watched as it is parsed: the first place that nests deeper than
 * MAX_NESTING levels stops the parse with a NestingTooDeepError, before the composer goes
 * there. That also keeps such a file cheap: nothing after that place is read.
 */
import { Composer, CST, Document, DocumentOptions, Lexer, ParseOptions, Parser, SchemaOptions, YAMLParseError } from 'yaml';

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

/** `parseAllDocuments` of the `yaml` package, bounded in nesting; errors are not prettified. */
export function parseAllDocumentsBounded(source: string, options: YamlOptions = {}): Document.Parsed[] {
  const composer = new Composer({ ...options, prettyErrors: false });
  return Array.from(composer.compose(boundedTokens(source))) as Document.Parsed[];
}

/** `parseDocument` of the `yaml` package, bounded in nesting; errors are not prettified. */
export function parseDocumentBounded(source: string, options: YamlOptions = {}): Document.Parsed {
  const composer = new Composer({ ...options, prettyErrors: false });
  let document: Document.Parsed | undefined;
  for (const next of composer.compose(boundedTokens(source), true, source.length)) {
    if (!document) {
      document = next as Document.Parsed;
    } else {
      document.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // `compose(…, true)` always yields a document, an empty one for an empty source.
  return document!;
}
