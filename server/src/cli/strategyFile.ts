/** Reads one strategy file with the settings that apply to it, and analyses it. */
import * as path from 'path';
import { Analysis, analyze, severityFor, StrategyDocument } from '../core/analyze';
import { ConfigError } from '../core/config';
import { formatConfigError, ResolvedSettings, resolveSettings } from '../host/configFile';
import { FileReadError, readRegularFile } from '../host/readFile';
import { RULES_BY_ID } from '../core/rules';
import { Schema } from '../core/schema/types';
import { decodeUtf8, DecodedText } from './decode';
import { displayPath } from './paths';
import { CliError, describeFsError } from './io';
import { safeText } from '../core/text/safeText';

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

/**
 * The settings of each folder, read once per command: a folder of a thousand strategies
 * has its `.dgs.yaml` (and the schema it names) read once, not a thousand times.
 */
export type SettingsCache = Map<string, ResolvedSettings>;

export function settingsFor(absolute: string, cache?: SettingsCache): ResolvedSettings {
  const folder = path.dirname(absolute);
  let settings = cache?.get(folder);
  if (!settings) {
    settings = resolveSettings(absolute);
    cache?.set(folder, settings);
  }
  return settings;
}

/**
 * Reads and analyses a file; a file that cannot be read is a CliError with one line. A
 * file too large is one finding on its first line; so is a file that was `found` (in a
 * folder or by a glob) and removed before it was read.
 */
export function loadStrategyFile(absolute: string, cwd: string, cache?: SettingsCache, found = false): LoadedFile {
  const shown = displayPath(absolute, cwd);
  const settings = settingsFor(absolute, cache);
  const { config, schema } = settings;
  const unanalysed = (message: string, length: number): LoadedFile => {
    const analysis = analyze('', schema, config);
    const severity = severityFor('yaml-syntax', RULES_BY_ID.get('yaml-syntax')!.severity, config);
    analysis.findings = severity === 'off' ? [] : [{ rule: 'yaml-syntax', severity, span: { start: 0, end: 0 }, message }];
    return { file: { path: shown, absolute, schema, analysis, length }, configErrors: settings.errors };
  };
  let bytes: Buffer;
  try {
    // Not read beyond the limit: a huge file must not exhaust memory before the limit is applied.
    bytes = readRegularFile(absolute, config.maxFileSize);
  } catch (error) {
    if (error instanceof FileReadError && error.code === 'ETOOLARGE') {
      const size = error.size === undefined ? `more than ${config.maxFileSize}` : String(error.size);
      return unanalysed(`This file is ${size} bytes long, over the limit of ${config.maxFileSize}; it was not analysed. Split it, or raise max-file-size in .dgs.yaml.`, error.size ?? config.maxFileSize + 1);
    }
    if (found && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      return unanalysed('This file was removed while the check ran; it was not analysed.', 0);
    }
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new CliError(`cannot read ${safeText(shown)}: it is a folder; name a strategy file`);
    throw new CliError(`cannot read ${safeText(shown)}: ${describeFsError(error)}`);
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
  return `${safeText(file.path)}:${invalid.position.line + 1}:${invalid.position.character + 1}: warning: the file has ${sequences} not valid UTF-8 (the first here); they were read as U+FFFD (�). Save the file as UTF-8.`;
}

/** A configuration problem as one line, `FILE:LINE:COL: message`, the file shown as the other paths are. */
export function configErrorLine(error: ConfigError, cwd: string): string {
  return formatConfigError({ ...error, file: safeText(displayPath(error.file, cwd)), message: safeText(error.message) });
}
