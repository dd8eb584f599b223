/**
 * The realistic drafts of issue 12 ("coverage a reviewer can trust"), a city's and a
 * nation's, and what every surface must say about them: the findings are written in each
 * fixture next to the lines they point at (test/helpers/annotations.ts), the status of each
 * clause and the words some findings must use are here. The core, `dgs check` and
 * `dgs coverage` (test/cli/trust.test.ts), the language server (test/lsp/trust.test.ts) and
 * the Coverage view (test/unit/coverageView.test.ts) are each held to these same tables.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Expected, parseAnnotated } from './annotations';
import { REPO_ROOT } from './paths';

export type Status = 'addressed' | 'weak' | 'not-applicable' | 'missing';

export interface TrustFixture {
  /** The file's name under test/fixtures/trust. */
  name: string;
  /** The text without its annotation lines: what a drafter would have written. */
  text: string;
  /** The findings, every rule, as the annotations give them. */
  findings: Expected[];
  /** Each clause not `missing`, with its status; every other clause is missing. */
  statuses: Record<string, Status>;
  /** Words that a finding of the rule must say. */
  messages: Array<[rule: string, words: string]>;
  /** Measures named by a clause that they do not address (dropped or placeholder), by clause. */
  inactive: Record<string, string[]>;
  /** The note of each clause that has one in the Coverage view and the coverage answer. */
  notes: Record<string, string>;
}

function load(name: string): { text: string; findings: Expected[] } {
  const annotated = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'trust', name), 'utf8');
  const { text, expected } = parseAnnotated(annotated);
  return { text, findings: expected };
}

export const CITY: TrustFixture = {
  name: 'city.strategy.yaml',
  ...load('city.strategy.yaml'),
  statuses: {
    '1.i': 'addressed',
    '1.iii': 'addressed',
    '3.i': 'weak',
    '3.ii': 'weak',
    '4': 'addressed',
    '12.i': 'addressed',
    '12.ii': 'not-applicable',
  },
  messages: [
    ['clause-not-addressed', 'No measure addresses clause 1.ii'],
    ['clause-not-addressed', 'Measure OPN-2 names it but is dropped; a dropped measure addresses nothing.'],
    ['clause-not-addressed', 'Measure ENG-1 names it but its title is still a placeholder: write the measure.'],
    ['placeholder-text', 'The title of measure ENG-1 still holds the placeholder TBC'],
    ['missing-lead', 'The measure DAT-1 has no lead'],
    ['business-case-threshold-missing', 'Measure SEC-1 has a budget, but the strategy sets no business-case threshold'],
  ],
  inactive: { '1.ii': ['OPN-2'], '2.i': ['ENG-1'], '2.ii': ['ENG-1'] },
  notes: {
    '3.i': 'Weak: no lead',
    '3.ii': 'Weak: no lead',
    '12.ii': 'Not applicable: Regulatory impact assessment of new legislation is done by the region.',
  },
};

export const NATIONAL: TrustFixture = {
  name: 'national.strategy.yaml',
  ...load('national.strategy.yaml'),
  statuses: {
    '1.i': 'addressed',
    // OPN-2, which names it, is dropped; OPN-1 addresses it anyway.
    '1.ii': 'addressed',
    // OPN-3's title was cut short by a '#', but what is left is a real title.
    '1.iii': 'addressed',
    '2.ii': 'addressed',
    // DAT-1 has no lead.
    '3.i': 'weak',
    '3.ii': 'weak',
    '4': 'addressed',
    '5': 'addressed',
    '6.ii': 'addressed',
    '6.iii': 'addressed',
    '6.iv': 'addressed',
    // GOV-1's lead is still "[insert lead ministry]".
    '7.i': 'weak',
    '7.ii': 'weak',
    '8': 'addressed',
    '9.i': 'addressed',
    '9.ii': 'addressed',
    '10.i': 'addressed',
    '10.ii': 'addressed',
    '10.iii': 'addressed',
    // CAP-2's lead is "?".
    '10.iv': 'weak',
    // Declared not applicable, but PRC-1 addresses it: addressed, and a finding.
    '11': 'addressed',
    '12.i': 'addressed',
    '12.ii': 'not-applicable',
    // Missing: 2.i (ENG-1 is a placeholder), 6.i (COH-2 writes II.6.i), 10.v (its reason is "to be confirmed").
  },
  messages: [
    ['text-cut-by-comment', 'The title of measure OPN-3 reads "Digital inclusion programme": the # started a comment, so "#2026: no one left behind" is not part of it. Put the whole text in quotes'],
    ['text-split-by-comma', 'The comma after "Ministry of Education" split the partners of measure OPN-3 in two, and "research and innovation" became an item of its own. Put the whole text in quotes.'],
    ['invalid-date', 'The due date of measure OPN-3 is "Q4 2026", not a date in the form YYYY, YYYY-MM or YYYY-MM-DD: write 2026-12.'],
    ['invalid-date', 'The due date of measure CAP-2 is "June 2027", not a date in the form YYYY, YYYY-MM or YYYY-MM-DD: write 2027-06.'],
    ['type-mismatch', '"1.500.000" is not: write 1500000, without separators (in measure DAT-1)'],
    ['clause-not-addressed', 'No measure addresses clause 2.i'],
    ['clause-not-addressed', 'Measure ENG-1 names it but its title is still a placeholder: write the measure.'],
    ['clause-not-addressed', 'COH-2 writes II.6.i: did you mean 6.i?'],
    ['unknown-clause', 'Measure COH-2 writes II.6.i: recommendation 6 is in part III (development), not part II. Did you mean III.6.i?'],
    ['placeholder-text', 'The title of measure ENG-1 still holds the placeholder TBC'],
    ['placeholder-text', 'The lead of measure GOV-1 still holds a placeholder ([insert …])'],
    ['placeholder-text', 'An item of the partners of measure CAP-1 is still a placeholder (n/a)'],
    ['placeholder-text', 'The lead of measure CAP-2 is still a placeholder (?)'],
    ['placeholder-text', 'The reason of the declaration that clause 10.v is not applicable still says "to be confirmed": write the real text. Until the reason is written, clause 10.v counts as not addressed.'],
    ['not-applicable-addressed', 'Clause 11 is declared not applicable, but measure PRC-1 addresses it.'],
    ['business-case-currency', 'The measure SEC-1 has a budget in EUR, but the business-case threshold is in DKK'],
    ['business-case-required', 'CAP-1'],
    ['indicator-incomplete', 'The indicator "Citizens using digital self-service" of measure OPN-3 has no baseline and no date (by)'],
    ['indicator-incomplete', 'The indicator "Authorities meeting the security baseline" of measure SEC-1 has no date (by)'],
    ['dependency-order', 'The measure LDR-1 is due 2026-12 but depends on measure GOV-1, due 2027-03, later.'],
    ['dependency-order', 'The measure LEG-1 is due 2026-09 but depends on measure GOV-1, due 2027-03, later.'],
    ['missing-lead', 'The measure DAT-1 has no lead'],
  ],
  inactive: { '1.ii': ['OPN-2'], '2.i': ['ENG-1'] },
  notes: {
    '3.i': 'Weak: no lead',
    '3.ii': 'Weak: no lead',
    '7.i': 'Weak: no lead',
    '7.ii': 'Weak: no lead',
    '10.iv': 'Weak: no lead',
    '10.v': 'Declared not applicable, but the declaration has only a placeholder for its reason ("to be confirmed"): the clause counts as not addressed until the reason is written.',
    '12.ii': 'Not applicable: Regulatory impact assessment is governed by the Better Regulation Act, outside this strategy.',
  },
};

export const TRUST_FIXTURES: TrustFixture[] = [CITY, NATIONAL];

/** The status of every clause of the schema's units, in their order. */
export function statusOf(fixture: TrustFixture, ref: string): Status {
  return fixture.statuses[ref] ?? 'missing';
}

/** The JSON lists of spec §7.1 the statuses give, for units in the schema's order. */
export function expectedLists(fixture: TrustFixture, refs: string[]): { addressed: string[]; addressedStrict: string[]; weak: string[]; notApplicable: string[]; missing: string[] } {
  const having = (...statuses: Status[]) => refs.filter((ref) => statuses.includes(statusOf(fixture, ref)));
  return {
    addressed: having('addressed', 'weak'),
    addressedStrict: having('addressed'),
    weak: having('weak'),
    notApplicable: having('not-applicable'),
    missing: having('missing'),
  };
}

/** The expected words that no finding of their rule says. */
export function unsaidMessages(fixture: TrustFixture, findings: Array<{ rule: string; message: string }>): string[] {
  return fixture.messages.filter(([rule, words]) => !findings.some((finding) => finding.rule === rule && finding.message.includes(words))).map(([rule, words]) => `${rule}: ${words}`);
}
