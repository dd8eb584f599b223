/**
 * Glob patterns, matched with picomatch (`*`, `?`, `[…]`, `{a,b}`, `**`, as in the shell
 * and in VS Code's settings). Paths are compared with `/` as the separator. As in the
 * shell, a name starting with a dot is matched only by a pattern that writes the dot.
 *
 * A pattern comes from a repository's `.dgs.yaml` as well as from the command line, so
 * its cost is bounded. Patterns compiled to one regular expression backtrack: several `*`
 * in one name, or several `**` in one path, cost a power of the path's length
 * (`**\/*a*a/**\/*a*a/b` took seconds on one long path). So a pattern is matched name by
 * name: each folder or file name of the path against one name of the pattern (with
 * picomatch, the name at most a few hundred characters long and the pattern at most
 * MAX_STARS `*` and MAX_BRACES `{…}` in it), and `**` as any number of whole folders, by keeping the set of
 * places in the pattern that the names so far can have reached. That costs at most the
 * number of names in the path times the number in the pattern.
 */
import picomatch from 'picomatch';

/** How many `*` one name of a pattern may have: `*.strategy.*` has two. Each more multiplies the worst cost by a name's length. */
export const MAX_STARS = 2;

/** How many `{a,b}` one name of a pattern may have: `*.{yaml,yml}` has one. */
export const MAX_BRACES = 2;

const OPTIONS: picomatch.PicomatchOptions = { dot: false, nonegate: true, noextglob: true, strictSlashes: true };

export class GlobPatternError extends Error {}

export function hasGlobChars(text: string): boolean {
  return picomatch.scan(text).isGlob;
}

type NamePattern = { globstar: true } | { globstar: false; matches: (name: string) => boolean };

/** The names of a pattern, each checked; a run of `**` is one. */
function compile(pattern: string): NamePattern[] {
  const names: NamePattern[] = [];
  for (const name of pattern.split('/')) {
    if (name === '' || name === '.') continue;
    if (name === '**') {
      if (!names[names.length - 1]?.globstar) names.push({ globstar: true });
      continue;
    }
    const stars = name.replace(/\*+/g, '*').split('*').length - 1;
    if (stars > MAX_STARS) throw new GlobPatternError(`the pattern ${pattern} has ${stars} * in one name, more than the ${MAX_STARS} a pattern may have there`);
    const braces = name.split('{').length - 1;
    if (braces > MAX_BRACES) throw new GlobPatternError(`the pattern ${pattern} has ${braces} {…} in one name, more than the ${MAX_BRACES} a pattern may have there`);
    // picomatch passes ( ) | + through as the regular expression's own (and `(a|aa)+c`
    // backtracks exponentially); in a pattern here they are the characters themselves.
    const matcher = picomatch(name.replace(/\*\*+/g, '*').replace(/[()|+@!]/g, '\\$&'), OPTIONS);
    names.push({ globstar: false, matches: (text) => matcher(text) });
  }
  return names;
}

/**
 * Whether a relative path (`/` separators) matches a pattern; throws a GlobPatternError
 * for a pattern too costly to match.
 */
export function globMatcher(pattern: string): (relativePath: string) => boolean {
  const names = compile(pattern);
  return (relativePath) => {
    // The places in the pattern the names read so far can have reached, `**` skipped as matching nothing.
    let places = closure(names, [0]);
    for (const name of relativePath.split('/')) {
      if (name === '') continue;
      const next: number[] = [];
      for (const at of places) {
        const here = names[at];
        if (!here) continue;
        if (here.globstar) {
          // `**` takes whole folders, none of them hidden.
          if (!name.startsWith('.')) next.push(at);
        } else if (here.matches(name)) {
          next.push(at + 1);
        }
      }
      places = closure(names, next);
      if (places.length === 0) return false;
    }
    return places.includes(names.length);
  };
}

/** The places given and those reached from them by letting a `**` match no folder, each once. */
function closure(names: NamePattern[], places: number[]): number[] {
  const reached = new Set<number>();
  for (let at of places) {
    while (!reached.has(at)) {
      reached.add(at);
      if (!names[at]?.globstar) break;
      at++;
    }
  }
  return [...reached];
}

/** Whether a pattern can only match within a fixed number of folder levels (no `**`). */
export function patternDepth(pattern: string): number {
  return pattern.includes('**') ? Infinity : pattern.split('/').filter((segment) => segment !== '' && segment !== '.').length;
}

/** A `files` pattern of the configuration, matched against a path relative to the configuration file's folder. */
export function configPatternMatcher(pattern: string): (relativePath: string) => boolean {
  return globMatcher(pattern.replace(/^(\.\/)+/, '').replace(/^\/+/, ''));
}
