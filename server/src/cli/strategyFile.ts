/** Reads one strategy file with the settings that apply to it, and analyses it. */
import * as fs from 'fs';
import { Analysis, analyze, severityFor, StrategyDocument } from '../analyze';
import { ConfigError } from '../config';
import { formatConfigError, resolveSettings } from '../configFile';
import { RULES_BY_ID } from '../rules';
import { Schema } from '../schema/types';
import { decodeUtf8, DecodedText } from './decode';
import { displayPath } from './files';
import { CliError, describeFsError } from './io';

export interface CheckedFile {
  /** As shown: relative to the working folder, `/` separators. */
  path: string;
  absolute: string;
  schema: Schema;
  analysis: Analysis;
  /** Bytes read. */
  length: number;
  /** Set when some bytes were not UTF-8. */
  invalidUtf8?: DecodedText['invalid'];
}

export interface LoadedFile {
  file: CheckedFile;
  configErrors: ConfigError[];
}

/** Reads and analyses a file; a file that cannot be read is a CliError with one line. */
export function loadStrategyFile(absolute: string, cwd: string): LoadedFile {
  const shown = displayPath(absolute, cwd);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch (error) {
    throw new CliError(`cannot read ${shown}: ${describeFsError(error)}`);
  }
  if (stat.isDirectory()) throw new CliError(`cannot read ${shown}: it is a folder; name a strategy file`);
  const settings = resolveSettings(absolute);
  const { config, schema } = settings;
  if (stat.size > config.maxFileSize) {
    // Not read at all: a huge file must not exhaust memory before the limit is applied.
    const analysis = analyze('', schema, config);
    const severity = severityFor('yaml-syntax', RULES_BY_ID.get('yaml-syntax')!.severity, config);
    analysis.findings =
      severity === 'off'
        ? []
        : [
            {
              rule: 'yaml-syntax',
              severity,
              span: { start: 0, end: 0 },
              message: `This file is ${stat.size} bytes long, over the limit of ${config.maxFileSize}; it was not analysed. Split it, or raise max-file-size in .dgs.yaml.`,
            },
          ];
    return { file: { path: shown, absolute, schema, analysis, length: stat.size }, configErrors: settings.errors };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolute);
  } catch (error) {
    throw new CliError(`cannot read ${shown}: ${describeFsError(error)}`);
  }
  const decoded = decodeUtf8(bytes);
  // Read as the language server reads an open file: a large strategy item by item, with
  // the fast parser for the plain measures (the same tree and findings as one whole parse).
  const analysis = new StrategyDocument().analyze(decoded.text, schema, config);
  return {
    file: { path: shown, absolute, schema, analysis, length: bytes.length, invalidUtf8: decoded.invalid },
    configErrors: settings.errors,
  };
}

/** The line that says a file was not valid UTF-8, in the `PATH:LINE:COL:` form. */
export function invalidUtf8Message(file: CheckedFile): string | undefined {
  const invalid = file.invalidUtf8;
  if (!invalid) return undefined;
  const sequences = invalid.count === 1 ? 'a byte sequence that is' : `${invalid.count} byte sequences that are`;
  return `${file.path}:${invalid.position.line + 1}:${invalid.position.character + 1}: warning: the file has ${sequences} not valid UTF-8 (the first here); they were read as U+FFFD (�). Save the file as UTF-8.`;
}

/** A configuration problem as one line, `FILE:LINE:COL: message`, the file shown as the other paths are. */
export function configErrorLine(error: ConfigError, cwd: string): string {
  return formatConfigError({ ...error, file: displayPath(error.file, cwd) });
}
