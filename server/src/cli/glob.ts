/**
 * Glob patterns, small on purpose: `*` (any characters but `/`), `?` (one character but
 * `/`) and `**` (any number of folders). Paths are compared with `/` as the separator. As
 * in the shell, a name starting with a dot is matched only by a pattern that writes the dot.
 */

const GLOB_CHARS = /[*?]/;

export function hasGlobChars(text: string): boolean {
  return GLOB_CHARS.test(text);
}

/** A regular expression that matches a whole relative path against the pattern. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      const next = pattern[i + 2];
      if (atSegmentStart && next === '/') {
        // `**/` is zero or more whole folders.
        source += '(?:(?!\\.)[^/]+/)*';
        i += 3;
        continue;
      }
      if (atSegmentStart && next === undefined) {
        // A trailing `**` is everything below.
        source += '(?:(?!\\.)[^/]*)(?:/(?!\\.)[^/]*)*';
        i += 2;
        continue;
      }
      // `**` inside a name is no more than `*`.
      source += atSegmentStart ? '(?!\\.)[^/]*' : '[^/]*';
      i += 2;
      continue;
    }
    const atSegmentStart = i === 0 || pattern[i - 1] === '/';
    if (char === '*') source += atSegmentStart ? '(?!\\.)[^/]*' : '[^/]*';
    else if (char === '?') source += atSegmentStart ? '[^/.]' : '[^/]';
    else source += char.replace(/[\\^$.|+(){}[\]]/g, '\\$&');
    i++;
  }
  return new RegExp(`^${source}$`);
}

/** Whether a pattern can only match within a fixed number of folder levels (no `**`). */
export function patternDepth(pattern: string): number {
  return pattern.includes('**') ? Infinity : pattern.split('/').filter((segment) => segment !== '').length;
}

/** A `files` pattern of the configuration, matched against a path relative to the configuration file's folder. */
export function configPatternMatcher(pattern: string): (relativePath: string) => boolean {
  const regExp = globToRegExp(pattern.replace(/^(\.\/)+/, '').replace(/^\/+/, ''));
  return (relativePath) => regExp.test(relativePath);
}
