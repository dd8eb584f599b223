/** The words every export uses for the same facts, so that the Word file, the spreadsheet and the diff agree. */
import { ClauseCoverageStatus } from '../core/coverage';
import { BudgetInfo, ExportData, ExportMeasure } from './data';

/** `4 500 000 EUR`: digits grouped by thin spaces, readable in every language. */
export function formatAmount(amount: number): string {
  const [whole, fraction] = String(amount).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  const grouped = sign + groups.join('\u202f');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

export function formatBudget(budget: BudgetInfo): string {
  if (budget.amount === undefined) return budget.currency ? `amount not given (${budget.currency})` : 'amount not given';
  return `${formatAmount(budget.amount)}${budget.currency ? ` ${budget.currency}` : ''}`;
}

/** A measure's status as written, or "not set", and why it addresses nothing when it does not (spec §7.1). */
export function measureStatusText(measure: ExportMeasure): string {
  const status = measure.status ?? 'not set';
  if (measure.inactive === 'placeholder') return `${status}; its title is still a placeholder, so it addresses no clause yet`;
  if (measure.inactive === 'dropped') return `${status}: it addresses no clause`;
  return status;
}

/** The title page's facts, label and value, in the order a reader looks for them. */
export function strategyFacts(data: ExportData): Array<[string, string]> {
  const strategy = data.strategy;
  const facts: Array<[string, string]> = [
    ['Government', strategy.government ?? 'not named'],
    ['Level', strategy.level ?? 'not set'],
    ['Period', strategy.period ? `${strategy.period.from} to ${strategy.period.to}` : 'not set'],
    ['Status', strategy.status ?? 'not set'],
  ];
  if (strategy.adoptedOn) facts.push(['Adopted on', strategy.adoptedOn]);
  facts.push(['Lead', strategy.lead ?? 'not named'], ['Date of this document', data.generated.date], ['Made with', `dgs ${data.generated.version}`]);
  return facts;
}

/** A clause's status in the four words of format 1.1 (§7.1), as the core defines it. */
export type ClauseStatus = ClauseCoverageStatus;

/** How the Word document says each status. */
export const CLAUSE_STATUS_WORDS: Record<ClauseStatus, string> = {
  addressed: 'Addressed',
  weak: 'Addressed, lacks a lead or an indicator',
  'not-applicable': 'Not applicable',
  missing: 'Not addressed',
};
