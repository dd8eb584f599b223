/**
 * A strategy diff as plain text for a terminal, as Markdown for a pull-request comment, or as
 * JSON. Every line a policy officer reads says what changed in words, with measure ids and
 * clause references.
 */
import { escapeMarkdown } from '../report/markdown';
import { ClauseChange, isUnchanged, MeasureChange, MeasureSummary, StrategyDiff } from './diff';
import { CLAUSE_STATUS_WORDS, formatAmount, formatBudget } from './words';

export type DiffFormat = 'text' | 'markdown' | 'json';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'markdown', 'json'];

export function renderDiff(diff: StrategyDiff, format: DiffFormat): string {
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
  return format === 'markdown' ? renderMarkdownDiff(diff) : renderTextDiff(diff);
}

interface Words {
  /** Emphasis for an id or a reference. */
  code(text: string): string;
  /** Prose from the strategy or the schema, made safe for the format. */
  prose(text: string): string;
}

const TEXT_WORDS: Words = { code: (text) => text, prose: (text) => text };
const MARKDOWN_WORDS: Words = { code: (text) => `**${escapeMarkdown(text)}**`, prose: (text) => escapeMarkdown(text) };

function clauseLine(change: ClauseChange, words: Words): string {
  const by = change.kind === 'lost' ? change.measuresBefore : change.measuresAfter;
  const measures = by.length > 0 ? ` (${change.kind === 'lost' ? 'was ' : ''}${by.map(words.code).join(', ')})` : '';
  return `${words.code(change.ref)}: ${CLAUSE_STATUS_WORDS[change.before].toLowerCase()} → ${CLAUSE_STATUS_WORDS[change.after].toLowerCase()}${measures}`;
}

function measureSummaryLine(measure: MeasureSummary, words: Words): string {
  const clauses = measure.clauses.length > 0 ? `, addresses ${measure.clauses.join(', ')}` : ', addresses no clause';
  return `${words.code(measure.id)} ${words.prose(measure.title ?? '(no title)')} (${measure.section}${clauses})`;
}

function quoted(text: string | undefined, words: Words): string {
  return text === undefined ? 'none' : `"${words.prose(text)}"`;
}

function measureChangeLines(change: MeasureChange, words: Words): string[] {
  const lines: string[] = [];
  if (change.renamed) lines.push(`renamed from ${quoted(change.renamed.before, words)} to ${quoted(change.renamed.after, words)}`);
  if (change.rescoped) {
    const parts = [
      change.rescoped.added.length > 0 ? `now also addresses ${change.rescoped.added.join(', ')}` : '',
      change.rescoped.removed.length > 0 ? `no longer addresses ${change.rescoped.removed.join(', ')}` : '',
    ].filter(Boolean);
    lines.push(parts.join('; '));
  }
  if (change.status) lines.push(`status ${change.status.before ?? 'not set'} → ${change.status.after ?? 'not set'}`);
  if (change.budget) lines.push(`budget ${change.budget.before ? formatBudget(change.budget.before) : 'none'} → ${change.budget.after ? formatBudget(change.budget.after) : 'none'}`);
  if (change.moved) lines.push(`moved from section ${change.moved.before} to ${change.moved.after}`);
  return lines.map((line) => `${words.code(change.id)}: ${line}`);
}

function signed(amount: number): string {
  return amount > 0 ? `+${formatAmount(amount)}` : amount < 0 ? `−${formatAmount(-amount)}` : '0';
}

interface Block {
  title: string;
  lines: string[];
}

function blocks(diff: StrategyDiff, words: Words): Block[] {
  const result: Block[] = [];
  const gained = diff.clauses.filter((change) => change.kind === 'gained');
  const lost = diff.clauses.filter((change) => change.kind === 'lost');
  const other = diff.clauses.filter((change) => change.kind === 'changed');
  if (gained.length > 0) result.push({ title: `Clauses newly addressed (${gained.length})`, lines: gained.map((change) => clauseLine(change, words)) });
  if (lost.length > 0) result.push({ title: `Clauses no longer addressed (${lost.length})`, lines: lost.map((change) => clauseLine(change, words)) });
  if (other.length > 0) result.push({ title: `Clauses with another status (${other.length})`, lines: other.map((change) => clauseLine(change, words)) });
  const { added, removed, changed } = diff.measures;
  if (added.length > 0) result.push({ title: `Measures added (${added.length})`, lines: added.map((measure) => measureSummaryLine(measure, words)) });
  if (removed.length > 0) result.push({ title: `Measures removed (${removed.length})`, lines: removed.map((measure) => measureSummaryLine(measure, words)) });
  if (changed.length > 0) result.push({ title: `Measures changed (${changed.length})`, lines: changed.flatMap((change) => measureChangeLines(change, words)) });
  const { fixed, introduced } = diff.findings;
  if (fixed.length > 0) result.push({ title: `Findings fixed (${fixed.length})`, lines: fixed.map((finding) => `${finding.severity} ${finding.rule}: ${words.prose(finding.message)} (was line ${finding.line})`) });
  if (introduced.length > 0) result.push({ title: `Findings introduced (${introduced.length})`, lines: introduced.map((finding) => `${finding.severity} ${finding.rule}: ${words.prose(finding.message)} (line ${finding.line})`) });
  return result;
}

function coverageSentence(diff: StrategyDiff): string {
  const { before, after } = diff;
  return `Clauses addressed: ${before.unitsAddressed} of ${before.units} → ${after.unitsAddressed} of ${after.units}. Measures: ${before.measures} → ${after.measures}.`;
}

export function renderTextDiff(diff: StrategyDiff): string {
  const out = [`Changes from ${diff.before.file} to ${diff.after.file}`, coverageSentence(diff)];
  if (isUnchanged(diff)) out.push('', 'Nothing changed in coverage, measures, budgets or findings.');
  for (const block of blocks(diff, TEXT_WORDS)) out.push('', `${block.title}:`, ...block.lines.map((line) => `  ${line}`));
  if (diff.budget.length > 0) {
    out.push('', 'Budget totals:');
    for (const total of diff.budget) out.push(`  ${total.currency}: ${formatAmount(total.before)} → ${formatAmount(total.after)} (${signed(total.after - total.before)})`);
  }
  return `${out.join('\n')}\n`;
}

export function renderMarkdownDiff(diff: StrategyDiff): string {
  const title = diff.after.title ?? diff.before.title;
  const out = [`## Strategy changes${title ? `: ${escapeMarkdown(title)}` : ''}`, '', `From ${escapeMarkdown(diff.before.file)} to ${escapeMarkdown(diff.after.file)}. ${coverageSentence(diff)}`];
  if (isUnchanged(diff)) out.push('', 'Nothing changed in coverage, measures, budgets or findings.');
  for (const block of blocks(diff, MARKDOWN_WORDS)) out.push('', `### ${block.title}`, '', ...block.lines.map((line) => `- ${line}`));
  if (diff.budget.length > 0) {
    out.push('', '### Budget totals', '', '| Currency | Before | After | Change |', '|---|--:|--:|--:|');
    for (const total of diff.budget) out.push(`| ${total.currency} | ${formatAmount(total.before)} | ${formatAmount(total.after)} | ${signed(total.after - total.before)} |`);
  }
  return `${out.join('\n')}\n`;
}
