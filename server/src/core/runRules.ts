/**
 * Runs the rule registry over a strategy model: each rule's findings with their configured
 * severity, silenced ones left out, duplicates dropped, in document order.
 */
import { Config } from './config';
import { Finding, Issue, Severity } from './findings';
import { StrategyModel } from './model/strategy';
import { RULES, RULES_BY_ID } from './rules';
import { isSuppressed, readSuppressions } from './suppress';
import { boundedMessage } from './text/excerpt';

export function severityFor(rule: string, defaultSeverity: Severity, config: Config): Severity | 'off' {
  return config.rules[rule] ?? defaultSeverity;
}

/** At most this many yaml-syntax findings per file, then one that says how many more there are. */
export const MAX_SYNTAX_FINDINGS = 100;

export function runRules(model: StrategyModel, config: Config): Finding[] {
  const issues: Issue[] = [];
  for (const rule of RULES) {
    if (model.syntaxErrors && rule.id !== 'yaml-syntax') continue;
    const severity = severityFor(rule.id, rule.severity, config);
    if (severity === 'off') continue;
    try {
      rule.check({ model, report: (issue) => issues.push({ ...issue, rule: rule.id }) });
    } catch (error) {
      issues.push({ rule: rule.id, span: { start: 0, end: 0 }, message: `Internal error in rule ${rule.id}: ${(error as Error).message}` });
    }
  }
  const suppressions = readSuppressions(model.lines);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const issue of issues) {
    const line = model.lines.positionAt(issue.span.start).line;
    if (isSuppressed(suppressions, issue.rule, line)) continue;
    // Rules quote short excerpts; this is the guard for any message that would still carry a value whole.
    const message = boundedMessage(issue.message);
    const key = `${issue.rule}\u0000${issue.span.start}\u0000${issue.span.end}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const rule = RULES_BY_ID.get(issue.rule)!;
    const finding: Finding = { ...issue, message, severity: severityFor(issue.rule, rule.severity, config) as Severity };
    if (finding.related) finding.related = finding.related.map((related) => ({ ...related, message: boundedMessage(related.message) }));
    findings.push(finding);
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return capSyntaxFindings(findings);
}

/**
 * A text that is not YAML at all (a file whose first lines were deleted, a binary pasted
 * in) can give a parser error on every line: the first hundred say where to look, and one
 * more says how many were left out.
 */
function capSyntaxFindings(findings: Finding[]): Finding[] {
  let syntax = 0;
  let last: Finding | undefined;
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (finding.rule === 'yaml-syntax' && ++syntax > MAX_SYNTAX_FINDINGS) continue;
    if (finding.rule === 'yaml-syntax') last = finding;
    kept.push(finding);
  }
  if (syntax <= MAX_SYNTAX_FINDINGS || !last) return kept;
  const more = syntax - MAX_SYNTAX_FINDINGS;
  kept.splice(kept.indexOf(last) + 1, 0, {
    rule: 'yaml-syntax',
    severity: last.severity,
    span: { ...last.span },
    message: `${more} more YAML syntax ${more === 1 ? 'error is' : 'errors are'} not listed: correct the ones above first, and check the file again.`,
  });
  return kept;
}
