/**
 * `dgs export FILE --format docx|xlsx|csv [--table measures|clauses] [--output FILE]`: the
 * strategy as the Word document that goes round for approval, or as a workbook or a table for
 * a spreadsheet.
 */
import * as path from 'path';
import { EXPORT_FORMATS, exportStrategy, ExportFormat, TABLE_NAMES, TableName } from '../export';
import { HELP_OPTION, OptionSpec, parseArgs } from './args';
import { CliError, CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { configErrorLine, invalidUtf8Message, loadStrategyFile } from './strategyFile';
import { packageInfo } from '../host/packageInfo';
import { writeReport } from './output';

export const EXPORT_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', values: EXPORT_FORMATS },
  { name: 'table', short: 't', values: TABLE_NAMES },
  { name: 'output', short: 'o' },
  HELP_OPTION,
];

/**
 * Today's date, YYYY-MM-DD, as the document states it; SOURCE_DATE_EPOCH (seconds) fixes it
 * for reproducible builds (https://reproducible-builds.org/specs/source-date-epoch/).
 */
export function documentDate(env: Record<string, string | undefined>): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}

export async function runExport(argv: readonly string[], io: CliIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, EXPORT_OPTIONS, 'export');
  if (positionals.length !== 1) {
    throw new CliError(positionals.length === 0 ? 'name the strategy file, such as: dgs export national.strategy.yaml --format docx --output strategy.docx' : 'name one strategy file only');
  }
  const format = options.get('format') as ExportFormat | undefined;
  if (!format) throw new CliError(`say which document to make with --format (${EXPORT_FORMATS.join(', ')})`);
  const table = options.get('table') as TableName | undefined;
  if (table && format !== 'csv') throw new CliError(`--table chooses the table of a CSV export; a ${format === 'xlsx' ? 'workbook' : 'Word document'} holds both`);
  const output = options.get('output');
  if (format === 'docx' && output === undefined) throw new CliError('a Word document is not text: name the file to write with --output, such as --output strategy.docx');
  if (format === 'xlsx' && output === undefined) throw new CliError('a workbook is not text: name the file to write with --output, such as --output strategy.xlsx');
  const { file, configErrors } = loadStrategyFile(path.resolve(io.cwd, positionals[0]), io.cwd);
  for (const error of configErrors) io.stderr.write(`${configErrorLine(error, io.cwd)}\n`);
  const encoding = invalidUtf8Message(file);
  if (encoding) io.stderr.write(`${encoding}\n`);
  if (file.analysis.model.syntaxErrors) {
    io.stderr.write(`dgs export: ${file.path} is not valid YAML, so this document may be incomplete; dgs check ${file.path} shows where\n`);
  }
  const bytes = await exportStrategy(file.analysis, format, { file: file.path, date: documentDate(io.env ?? process.env), version: packageInfo().version, table });
  if (output === undefined) {
    io.stdout.write(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  } else {
    writeReport(bytes, output, io, [file.absolute]);
  }
  return configErrors.length > 0 ? EXIT_USAGE : EXIT_OK;
}
