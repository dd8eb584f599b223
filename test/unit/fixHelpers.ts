/**
 * What the quick-fix tests share: a schema with short templates (so that expected texts
 * stay readable), the checks every fix must pass (it parses, keeps every comment, fixes
 * what it claims, and is not offered again), and ways to find and apply an action.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { analyze, Analysis } from '../../server/src/core/analyze';
import { applyEdits, CodeActionResult, computeCodeActions } from '../../server/src/features/codeActions';
import { defaultSchemaPath, loadDefaultSchema } from '../../server/src/host/schemaFile';
import { parseSchema } from '../../server/src/core/schema/parse';
import { Schema } from '../../server/src/core/schema/types';

export const SCHEMA = loadDefaultSchema();

/** A template as short as a real one can be while still nesting a list in a list item. */
export const SHORT_TEMPLATE = ['summary: TODO', 'measures:', '  - id: {{id}}', '    addresses: [{{clauses}}]', '    indicators:', '      - name: TODO', '        target: TODO'];

/** The OECD schema with every section's template replaced by SHORT_TEMPLATE. */
export const SHORT: Schema = (() => {
  const text = fs.readFileSync(defaultSchemaPath(), 'utf8');
  const template = `template: |-\n${SHORT_TEMPLATE.map((line) => `          ${line}\n`).join('')}`;
  const replaced = text.replace(/template: \|-\n(?: {10}.*\n)+/g, template);
  assert.notStrictEqual(replaced, text, 'the schema templates were not found');
  return parseSchema(replaced, 'short-templates.yaml');
})();

export function wholeText(text: string): { start: number; end: number } {
  return { start: 0, end: text.length };
}

/** Every comment in the text: a line's text from its `#` that starts a comment. */
export function commentsOf(text: string): string[] {
  const comments: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /(^|\s)(#.*)$/.exec(line);
    if (match) comments.push(match[2].trimEnd());
  }
  return comments;
}

export function assertCommentsKept(before: string, after: string): void {
  const remaining = commentsOf(after);
  for (const comment of commentsOf(before)) {
    const index = remaining.indexOf(comment);
    assert.ok(index >= 0, `the comment ${JSON.stringify(comment)} was lost`);
    remaining.splice(index, 1);
  }
}

function count(analysis: Analysis, rule: string): number {
  return analysis.findings.filter((finding) => finding.rule === rule).length;
}

/** The edited text parses, keeps every comment, and has no more duplicate keys than before. */
export function assertWellFormed(before: string, after: string, schema: Schema): Analysis {
  const analysis = analyze(after, schema);
  const syntax = analysis.findings.filter((finding) => finding.rule === 'yaml-syntax');
  assert.deepStrictEqual(syntax.map((finding) => finding.message), [], `the edited text does not parse:\n${after}`);
  assert.ok(count(analysis, 'duplicate-key') <= count(analyze(before, schema), 'duplicate-key'), `the edit made a duplicate key:\n${after}`);
  assertCommentsKept(before, after);
  if (before.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after), 'a line ending without \\r in a CRLF file');
  return analysis;
}

/** Every action offered anywhere in the text: the quick fixes of each finding, and the source actions. */
export function allActions(analysis: Analysis): CodeActionResult[] {
  const actions: CodeActionResult[] = [];
  const seen = new Set<string>();
  const add = (action: CodeActionResult) => {
    const key = `${action.kind}\u0000${action.title}\u0000${JSON.stringify(action.edits)}`;
    if (!seen.has(key)) actions.push(action);
    seen.add(key);
  };
  for (const finding of analysis.findings) computeCodeActions(analysis, finding.span, ['quickfix']).forEach(add);
  computeCodeActions(analysis, wholeText(analysis.model.text), ['source']).forEach(add);
  return actions;
}

/** The one action with this title (offered at the place of a finding, or as a source action). */
export function actionTitled(analysis: Analysis, title: string): CodeActionResult {
  const actions = allActions(analysis);
  const matching = actions.filter((action) => action.title === title);
  if (matching.length !== 1) assert.fail(`expected one action "${title}"; offered: ${actions.map((action) => action.title).join(' | ')}`);
  return matching[0];
}

/**
 * The actions like this one still offered: quick fixes at the findings of the rules it
 * fixed, or the source action of its kind.
 */
function offeredAgain(analysis: Analysis, action: CodeActionResult): CodeActionResult[] {
  const same = (other: CodeActionResult) => other.title === action.title && other.kind === action.kind;
  if (action.kind !== 'quickfix') return computeCodeActions(analysis, wholeText(analysis.model.text), [action.kind]).filter(same);
  const rules = new Set((action.diagnostics ?? []).map((finding) => finding.rule));
  return analysis.findings.filter((finding) => rules.has(finding.rule)).flatMap((finding) => computeCodeActions(analysis, finding.span, ['quickfix']).filter(same));
}

/**
 * The action fixed what it claims: none of its findings is reported again (same rule and
 * fix data; for a replacement, nothing of that rule where it was), the text is well formed,
 * and the same action is not offered again.
 */
export function assertFixed(before: string, after: string, action: CodeActionResult, schema: Schema): Analysis {
  const analysis = assertWellFormed(before, after, schema);
  assert.ok((action.diagnostics ?? []).length > 0, `the action "${action.title}" names no finding it fixes`);
  for (const fixed of action.diagnostics ?? []) {
    const again = analysis.findings.filter(
      (finding) =>
        finding.rule === fixed.rule &&
        (JSON.stringify(finding.data) === JSON.stringify(fixed.data) && fixed.data?.kind !== 'replace' || (fixed.data?.kind === 'replace' && finding.span.start === fixed.span.start)),
    );
    assert.deepStrictEqual(again.map((finding) => finding.message), [], `"${action.title}" left its finding`);
  }
  assert.deepStrictEqual(offeredAgain(analysis, action).map((other) => other.title), [], `"${action.title}" is still offered after it was applied`);
  return analysis;
}

/** Applies the action with this title and checks that it did its job; returns the new text. */
export function applyFix(text: string, title: string, schema: Schema = SHORT): string {
  const action = actionTitled(analyze(text, schema), title);
  const after = applyEdits(text, action.edits);
  assertFixed(text, after, action, schema);
  return after;
}

/** Lines joined with `\n` and a final newline: fixtures read as the file they stand for. */
export function lines(...content: string[]): string {
  return content.map((line) => `${line}\n`).join('');
}
