/**
 * Importing a strategy document: bytes of a Word, Markdown or text file → a first strategy
 * file, honest about what it guessed. Pure: no file system; the command line and the
 * language server read the file and write the result.
 *
 *   document → blocks (docx.ts, markdown.ts, plainText.ts)
 *            → structure (structure.ts: title page, sections, measures, fields)
 *            → strategy (assemble.ts: the clause mapper matches sections, fills addresses)
 *            → YAML text (emit.ts)
 */
import { Schema } from '../core/schema/types';
import { assemble, ImportedStrategy, SuggestClauses } from './assemble';
import { Block, DocumentFormat } from './blocks';
import { readDocx } from './docx';
import { emitStrategy, ImportSummary, summarise } from './emit';
import { readMarkdown } from './markdown';
import { readPlainText } from './plainText';
import { DocumentStructure, readStructure } from './structure';

export { DocumentFormat } from './blocks';
export { SuggestClauses, ClauseSuggestion } from './assemble';

export interface ImportOptions {
  /** The clause mapper; without it sections stay unmatched and `addresses` empty. */
  suggest?: SuggestClauses;
  /** The document's name, for the header comment. */
  source?: string;
}

export interface ImportResult {
  text: string;
  /** What the document's shape gave, before the mapper placed sections and measures. */
  structure: DocumentStructure;
  imported: ImportedStrategy;
  summary: ImportSummary;
  /** Problems reading the document that the drafter should know of (from the Word reader). */
  warnings: string[];
}

/** The format of a document, from its file name; undefined for a format dgs cannot read. */
export function formatOf(fileName: string): DocumentFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  if (lower.endsWith('.txt') || lower.endsWith('.text')) return 'txt';
  return undefined;
}

/** Text files as UTF-8 (a byte order mark dropped), or UTF-16 when a byte order mark says so. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** A document's blocks, and the reader's warnings. */
export async function readBlocks(bytes: Uint8Array, format: DocumentFormat): Promise<{ blocks: Block[]; warnings: string[] }> {
  if (format === 'docx') return readDocx(bytes);
  const text = decodeText(bytes);
  return { blocks: format === 'md' ? readMarkdown(text) : readPlainText(text), warnings: [] };
}

/** Blocks → the strategy file. */
export function importBlocks(blocks: readonly Block[], schema: Schema, options: ImportOptions = {}): Omit<ImportResult, 'warnings'> {
  const structure = readStructure(blocks);
  const imported = assemble(structure, schema, options.suggest);
  const summary = summarise(
    imported,
    schema.recommendations.map((recommendation) => recommendation.section),
  );
  return { text: emitStrategy(imported, options.source ?? 'a document', summary), structure, imported, summary };
}

export async function importDocument(bytes: Uint8Array, format: DocumentFormat, schema: Schema, options: ImportOptions = {}): Promise<ImportResult> {
  const { blocks, warnings } = await readBlocks(bytes, format);
  return { ...importBlocks(blocks, schema, options), warnings };
}
