/** The language server's side of "DGS: Import a strategy document": arguments checked, the importer run. */
import { Schema } from '../core/schema/types';
import { formatOf, importDocument } from './index';
import { ImportDocumentArguments, ImportDocumentResult } from './protocol';
import { DEFAULT_SUGGEST } from './suggest';

/** The largest document the editor may send, as base64 text. */
export const MAX_IMPORT_BASE64 = 70 * 1024 * 1024;

function isArguments(value: unknown): value is ImportDocumentArguments {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.fileName === 'string' && typeof record.content === 'string' && (record.target === undefined || typeof record.target === 'string');
}

/** The strategy for the document the client sent, or a sentence saying why there is none. */
export async function runImportCommand(argument: unknown, schemaFor: (target: string | undefined) => Schema): Promise<ImportDocumentResult> {
  if (!isArguments(argument)) return { error: 'The import was asked for without a document.' };
  const format = formatOf(argument.fileName);
  if (!format) return { error: `${argument.fileName} is not a Word (.docx), Markdown (.md) or text (.txt) document; save it in one of these formats first.` };
  if (argument.content.length > MAX_IMPORT_BASE64) return { error: `${argument.fileName} is too large to import (more than 50 MB).` };
  try {
    const result = await importDocument(Buffer.from(argument.content, 'base64'), format, schemaFor(argument.target), { suggest: DEFAULT_SUGGEST, source: argument.fileName });
    return { text: result.text, measures: result.summary.measures, sections: result.summary.sections, unplaced: result.summary.unplaced, warnings: result.warnings };
  } catch (error) {
    const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
    return { error: `${argument.fileName} could not be read: ${reason}` };
  }
}
