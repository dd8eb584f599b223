/** How the command line shows a path. */
import * as path from 'path';

/** How a path is shown: relative to the working folder when inside it, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return toSlashes(shown);
}

export function toSlashes(file: string): string {
  return path.sep === '\\' ? file.replace(/\\/g, '/') : file;
}
