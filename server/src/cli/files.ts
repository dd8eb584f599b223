/**
 * From the command line's arguments to strategy files: a file is taken as named, a folder
 * is searched with the configuration's `files` patterns, a glob is expanded. Folders named
 * node_modules and folders whose name starts with a dot are not searched.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../config';
import { resolveSettings } from '../configFile';
import { configPatternMatcher, globMatcher, hasGlobChars, patternDepth } from './glob';
import { describeFsError } from './io';

export interface Expansion {
  /** Absolute paths, each once, in the order the arguments name them. */
  files: string[];
  /** One line per argument that names nothing usable. */
  problems: string[];
  /** Problems with a `.dgs.yaml` read to know a folder's patterns. */
  configErrors: ConfigError[];
}

/** How a path is shown: relative to the working folder when inside it, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return toSlashes(shown);
}

export function toSlashes(file: string): string {
  return path.sep === '\\' ? file.replace(/\\/g, '/') : file;
}

export function expandInputs(inputs: readonly string[], cwd: string): Expansion {
  const result: Expansion = { files: [], problems: [], configErrors: [] };
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
        result.problems.push(`cannot read ${input}: ${describeFsError(error)}`);
        continue;
      }
    }
    if (stat?.isFile()) {
      add(absolute);
    } else if (stat?.isDirectory()) {
      const found = searchFolder(absolute, result.configErrors);
      if (found.files.length === 0) result.problems.push(`no strategy files in the folder ${input} (looked for ${found.patterns.join(', ')})`);
      found.files.forEach(add);
    } else if (stat) {
      result.problems.push(`cannot read ${input}: it is neither a file nor a folder`);
    } else {
      const matches = expandGlob(input, cwd);
      if (matches.length === 0) result.problems.push(`no files match ${input}`);
      matches.forEach(add);
    }
  }
  return result;
}

/** The files of a folder that the applicable configuration's patterns match. */
function searchFolder(folder: string, configErrors: ConfigError[]): { files: string[]; patterns: string[] } {
  // The configuration that applies to files directly in the folder also says which files count.
  const settings = resolveSettings(path.join(folder, 'folder.strategy.yaml'));
  configErrors.push(...settings.errors);
  const patterns = settings.config.files;
  const base = settings.config.source ? path.dirname(settings.config.source) : folder;
  const matchers = patterns.map(configPatternMatcher);
  const files: string[] = [];
  walkFiles(folder, Infinity, (file) => {
    const relative = toSlashes(path.relative(base, file));
    if (matchers.some((matches) => matches(relative))) files.push(file);
  });
  return { files, patterns };
}

/** The files a glob matches; the part before the first segment with `*` or `?` is where the search starts. */
export function expandGlob(pattern: string, cwd: string): string[] {
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
  walkFiles(base, patternDepth(rest), (file) => {
    if (matches(toSlashes(path.relative(base, file)))) files.push(file);
  });
  return files;
}

/**
 * Calls `visit` for every file below `root`, in name order, down to `maxDepth` levels
 * (1: the files of root itself). Folder symbolic links are followed once each.
 */
export function walkFiles(root: string, maxDepth: number, visit: (file: string) => void): void {
  const visited = new Set<string>();
  const walk = (folder: string, depth: number): void => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(folder);
      if (visited.has(real)) return;
      visited.add(real);
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      let isFile = entry.isFile();
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(full);
          isFile = stat.isFile();
          isDirectory = stat.isDirectory();
        } catch {
          continue;
        }
      }
      if (isFile) visit(full);
      else if (isDirectory && depth < maxDepth && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full, depth + 1);
    }
  };
  walk(root, 1);
}
