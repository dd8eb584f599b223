/**
 * From the command line's arguments to strategy files: a file is taken as named, a folder
 * is searched with the configuration's `files` patterns, a glob is expanded. Folders named
 * node_modules and folders whose name starts with a dot are not searched.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../core/config';
import { configPatternMatcher, globMatcher, GlobPatternError, hasGlobChars, patternDepth } from './glob';
import { describeFsError } from './io';
import { safeText } from '../core/text/safeText';
import { SettingsCache, settingsFor } from './strategyFile';
import { displayPath, toSlashes } from './paths';

export interface Expansion {
  /** Absolute paths, each once, in the order the arguments name them. */
  files: string[];
  /** One line per argument that names nothing usable. */
  problems: string[];
  /** One line per entry of a folder searched that could not be read: the check must fail, never pass on what it did not see. */
  unreadable: string[];
  /** One line per symbolic link not followed because it leads outside the folder searched. */
  skipped: string[];
  /** Problems with a `.dgs.yaml` read to know a folder's patterns. */
  configErrors: ConfigError[];
}

export function expandInputs(inputs: readonly string[], cwd: string, settings?: SettingsCache): Expansion {
  const result: Expansion = { files: [], problems: [], unreadable: [], skipped: [], configErrors: [] };
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    result.files.push(file);
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      if (!hasGlobChars(input)) {
        result.problems.push(`cannot read ${safeText(input)}: ${describeFsError(error)}`);
        continue;
      }
    }
    try {
      if (stat?.isFile()) {
        add(absolute);
      } else if (stat?.isDirectory()) {
        const found = searchFolder(absolute, cwd, result, settings);
        if (found.files.length === 0 && result.unreadable.length === 0) {
          result.problems.push(`no strategy files in the folder ${safeText(input)} (looked for ${found.patterns.map(safeText).join(', ')})`);
        }
        found.files.forEach(add);
      } else if (stat) {
        // A device, a pipe or a socket named as a strategy: its reader says why it is not read.
        add(absolute);
      } else {
        const matches = expandGlob(input, cwd, result);
        if (matches.length === 0) result.problems.push(`no files match ${safeText(input)}`);
        matches.forEach(add);
      }
    } catch (error) {
      if (!(error instanceof GlobPatternError)) throw error;
      result.problems.push(`cannot use ${safeText(input)}: ${error.message}`);
    }
  }
  return result;
}

/** The files of a folder that the applicable configuration's patterns match. */
function searchFolder(folder: string, cwd: string, result: Expansion, cache?: SettingsCache): { files: string[]; patterns: string[] } {
  // The configuration that applies to files directly in the folder also says which files count.
  const settings = settingsFor(path.join(folder, 'folder.strategy.yaml'), cache);
  result.configErrors.push(...settings.errors);
  const patterns = settings.config.files;
  const base = settings.config.source ? path.dirname(settings.config.source) : folder;
  const matchers: Array<(relativePath: string) => boolean> = [];
  for (const pattern of patterns) {
    try {
      matchers.push(configPatternMatcher(pattern));
    } catch (error) {
      if (!(error instanceof GlobPatternError)) throw error;
      result.configErrors.push({ file: settings.config.source ?? path.join(folder, '.dgs.yaml'), line: 0, character: 0, message: error.message });
    }
  }
  const files: string[] = [];
  walkFiles(folder, Infinity, cwd, result, (file) => {
    const relative = toSlashes(path.relative(base, file));
    if (matchers.some((matches) => matches(relative))) files.push(file);
  });
  return { files, patterns };
}

/** The files a glob matches; the part before the first segment with `*` or `?` is where the search starts. */
export function expandGlob(pattern: string, cwd: string, result: Expansion): string[] {
  const normalised = path.sep === '\\' ? pattern.replace(/\\/g, '/') : pattern;
  const segments = normalised.split('/');
  const firstGlob = segments.findIndex(hasGlobChars);
  const baseSegments = segments.slice(0, firstGlob);
  const rest = segments.slice(firstGlob).join('/');
  let baseText = baseSegments.join('/');
  if (baseText === '' && normalised.startsWith('/')) baseText = '/';
  const base = path.resolve(cwd, baseText === '' ? '.' : baseText);
  const matches = globMatcher(rest);
  const files: string[] = [];
  walkFiles(base, patternDepth(rest), cwd, result, (file) => {
    if (matches(toSlashes(path.relative(base, file)))) files.push(file);
  });
  return files;
}

/** Whether a path lies inside a folder (both real paths). */
function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Calls `visit` for every file below `root`, in name order, down to `maxDepth` levels
 * (1: the files of root itself). Folders named node_modules or starting with a dot are not
 * searched. Symbolic links are followed only when they lead inside root (a link to `/`
 * would walk the whole disk), each folder once; the others are listed in `skipped`. A
 * folder or an entry that cannot be read is listed in `unreadable`, never left out
 * silently. Anything that is neither a file nor a folder (a pipe, a device, a dangling
 * link) is visited like a file: its reader says why it cannot be read, if it is wanted.
 */
export function walkFiles(root: string, maxDepth: number, cwd: string, result: Pick<Expansion, 'unreadable' | 'skipped'>, visit: (file: string) => void): void {
  const visited = new Set<string>();
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch (error) {
    result.unreadable.push(`cannot read the folder ${safeText(displayPath(root, cwd))}: ${describeFsError(error)}`);
    return;
  }
  const walk = (folder: string, real: string, depth: number): void => {
    if (visited.has(real)) return;
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      result.unreadable.push(`cannot read the folder ${safeText(displayPath(folder, cwd))}: ${describeFsError(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let realPath = path.join(real, entry.name);
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = fs.realpathSync(full);
        } catch {
          // A dangling link (or a loop): visited like a file, so that a wanted one is reported.
          visit(full);
          continue;
        }
        if (!isInside(target, realRoot)) {
          result.skipped.push(`${safeText(displayPath(full, cwd))} is a symbolic link to ${safeText(target)}, outside ${safeText(displayPath(root, cwd))}; it is not followed`);
          continue;
        }
        realPath = target;
        try {
          isDirectory = fs.statSync(target).isDirectory();
        } catch (error) {
          result.unreadable.push(`cannot read ${safeText(displayPath(full, cwd))}: ${describeFsError(error)}`);
          continue;
        }
      }
      if (!isDirectory) visit(full);
      else if (depth < maxDepth && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full, realPath, depth + 1);
    }
  };
  walk(root, realRoot, 1);
}
