/**
 * The facade of the core: (text, schema, config) → the model, its coverage, its findings.
 * Pure and total: it never throws and never touches the file system.
 */
import { Config, DEFAULT_CONFIG } from './config';
import { computeCoverage, Coverage } from './coverage';
import { Finding, Issue, Severity } from './findings';
import { ParseCache } from './model/incremental';
import { MAX_NESTING, NestingTooDeepError } from './model/parseYaml';
import { buildModel, StrategyModel } from './model/strategy';
import { RULES } from './rules';
import { Schema } from './schema/types';
import { isSuppressed, readSuppressions } from './suppress';
import { boundedMessage } from './text/excerpt';
import { LineIndex } from './text/lineIndex';

export { ParseCache } from './model/incremental';

export interface Analysis {
  model: StrategyModel;
  coverage: Coverage;
  /** Findings in document order, with their configured severity; silenced ones left out. */
  findings: Finding[];
  /** The configuration the analysis ran with, for features that analyse again (fix all). */
  config: Config;
}

export function severityFor(rule: string, defaultSeverity: Severity, config: Config): Severity | 'off' {
  return config.rules[rule] ?? defaultSeverity;
}

/**
 * Analyses one version of a document. Pass the same ParseCache for successive versions of
 * one document (the language server keeps one per open document) and only the parts of
 * the text that changed are parsed again; the result is the same as without it.
 */
export function analyze(text: string, schema: Schema, config: Config = DEFAULT_CONFIG, cache?: ParseCache): Analysis {
  if (text.length > config.maxFileSize / 3 && utf8Length(text) > config.maxFileSize) return tooLarge(text, schema, config);
  let model: StrategyModel;
  try {
    model = buildModel(text, schema, cache);
  } catch (error) {
    // The YAML composer recurses; nesting thousands deep can exhaust the stack. That is a
    // finding about the file, never a crash.
    return unreadable(text, schema, error, config);
  }
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
    const rule = RULES.find((candidate) => candidate.id === issue.rule)!;
    const finding: Finding = { ...issue, message, severity: severityFor(issue.rule, rule.severity, config) as Severity };
    if (finding.related) finding.related = finding.related.map((related) => ({ ...related, message: boundedMessage(related.message) }));
    findings.push(finding);
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { model, coverage: computeCoverage(model), findings, config };
}

/** The length of a text in UTF-8 bytes, as the file on disk has it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function emptyAnalysis(text: string, schema: Schema, config: Config, finding: Finding): Analysis {
  const model = buildModel('', schema);
  const lines = new LineIndex(text);
  const stub: StrategyModel = { ...model, text, lines, rootKind: 'other' };
  return { model: stub, coverage: computeCoverage(stub), findings: [finding], config };
}

function tooLarge(text: string, schema: Schema, config: Config): Analysis {
  const lines = new LineIndex(text);
  return emptyAnalysis(text, schema, config, {
    rule: 'yaml-syntax',
    severity: 'error',
    span: { start: 0, end: lines.lineEnd(0) },
    message: `This file is ${utf8Length(text)} bytes long, over the limit of ${config.maxFileSize} bytes; it was not analysed. Split it, or raise max-file-size in .dgs.yaml.`,
  });
}

function unreadable(text: string, schema: Schema, error: unknown, config: Config): Analysis {
  const lines = new LineIndex(text);
  if (error instanceof NestingTooDeepError) {
    // Where the parse stopped: the drafter can see what nests so deep.
    const start = Math.min(error.offset, text.length);
    return emptyAnalysis(text, schema, config, {
      rule: 'yaml-syntax',
      severity: 'error',
      span: { start, end: Math.max(start, lines.lineEnd(lines.positionAt(start).line)) },
      message: `This file was not analysed: its values nest more than ${MAX_NESTING} levels deep here (a strategy needs about ten). Remove the extra brackets or indentation.`,
    });
  }
  const reason = error instanceof RangeError ? 'its nesting is too deep to read' : `it could not be read (${(error as Error)?.message ?? error})`;
  return emptyAnalysis(text, schema, config, {
    rule: 'yaml-syntax',
    severity: 'error',
    span: { start: 0, end: lines.lineEnd(0) },
    message: `This file was not analysed: ${reason}.`,
  });
}
