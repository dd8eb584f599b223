/**
 * Suppression comments: `# dgs-disable-next-line RULE[, RULE…]` silences the rules on the
 * next line; `# dgs-disable RULE[, RULE…]` anywhere silences them in the whole file.
 */
import { LineIndex } from './text/lineIndex';

export interface Suppressions {
  file: Set<string>;
  /** Line number → rules silenced on that line. */
  lines: Map<number, Set<string>>;
}

/**
 * The directive and what follows it. The rule list is checked apart, one character class
 * over the rest of the line: a pattern that also trims the list (`\s+(…+?)\s*$`) tries every
 * split of a run of spaces, and a comment followed by thousands of spaces took seconds.
 */
const DIRECTIVE = /^\s*#\s*dgs-disable(-next-line)?(?=\s)([\s\S]*)$/;
const RULE_LIST = /^[A-Za-z0-9_,\s-]*$/;

export function readSuppressions(lines: LineIndex): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  const text = lines.text;
  if (!text.includes('dgs-disable')) return result;
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (!content.includes('dgs-disable')) continue;
    const match = DIRECTIVE.exec(content);
    if (!match || !RULE_LIST.test(match[2])) continue;
    const rules = match[2].split(/[\s,]+/).filter((rule) => rule.length > 0);
    if (rules.length === 0) continue;
    if (match[1]) {
      const set = result.lines.get(line + 1) ?? new Set<string>();
      for (const rule of rules) set.add(rule);
      result.lines.set(line + 1, set);
    } else {
      for (const rule of rules) result.file.add(rule);
    }
  }
  return result;
}

export function isSuppressed(suppressions: Suppressions, rule: string, line: number): boolean {
  return suppressions.file.has(rule) || suppressions.lines.get(line)?.has(rule) === true;
}
