/**
 * Quick fixes by example: for each fix and each layout a drafter may write (2, 3 or 4
 * spaces, flow style, empty values, comments around, CRLF, no final newline), the exact
 * text after the fix. Every case also checks what holds for every fix: the result parses,
 * keeps every comment, no longer has the finding, and is not offered the same fix again.
 */
import * as assert from 'assert';
import { analyze } from '../../server/src/core/analyze';
import {
  applyEdits,
  computeCodeActions,
  FIX_ALL_KIND,
  insertAllMissingSections,
  INSERT_MISSING_SECTIONS_KIND,
  kindRequested,
  QUICK_FIX_KIND,
} from '../../server/src/features/codeActions';
import { actionTitled, allActions, applyFix, assertFixed, assertWellFormed, lines, SCHEMA, SHORT, wholeText } from './fixHelpers';

interface FixCase {
  name: string;
  input: string;
  /** The title of the action to apply. */
  fix: string;
  output: string;
  /** Run with `\r\n` line endings in both texts. */
  crlf?: boolean;
}

/** The body SHORT_TEMPLATE gives a section at a column, for a measure id and its clauses. */
function section(column: number, unit: number, key: string, id: string, clauses: string): string[] {
  const pad = (n: number) => ' '.repeat(n);
  const c = column;
  return [
    `${pad(c)}${key}:`,
    `${pad(c + unit)}summary: TODO`,
    `${pad(c + unit)}measures:`,
    `${pad(c + 2 * unit)}- id: ${id}`,
    `${pad(c + 2 * unit + 2)}addresses: [${clauses}]`,
    `${pad(c + 2 * unit + 2)}indicators:`,
    `${pad(c + 3 * unit + 2)}- name: TODO`,
    `${pad(c + 3 * unit + 4)}target: TODO`,
  ];
}

const INSERT_SECTION: FixCase[] = [
  {
    name: '2 spaces: between two sections, above the comment of the next one',
    input: lines('objectives:', '  openness:', '    summary: Open.', '  # Recommendation 3', '  data-driven-culture:  # data', '    summary: Data.'),
    fix: 'Insert the missing section "engagement" into objectives',
    output: lines(
      'objectives:',
      '  openness:',
      '    summary: Open.',
      ...section(2, 2, 'engagement', 'ENG-1', '2.i, 2.ii'),
      '  # Recommendation 3',
      '  data-driven-culture:  # data',
      '    summary: Data.',
    ),
  },
  {
    name: '4 spaces: at the end of the part, after its own trailing comment, before the next part',
    input: lines('objectives:', '    openness:', '        summary: Open.', '        # more later', '', '# Part III', 'development:', '    leadership: {summary: x}'),
    fix: 'Insert the missing section "security-and-privacy" into objectives',
    output: lines(
      'objectives:',
      '    openness:',
      '        summary: Open.',
      '        # more later',
      ...section(4, 4, 'security-and-privacy', 'SEC-1', '4'),
      '',
      '# Part III',
      'development:',
      '    leadership: {summary: x}',
    ),
  },
  {
    name: '3 spaces: before the first section',
    input: lines('objectives:', '   engagement:', '      summary: Engage.'),
    fix: 'Insert the missing section "openness" into objectives',
    output: lines('objectives:', ...section(3, 3, 'openness', 'OPN-1', '1.i, 1.ii, 1.iii'), '   engagement:', '      summary: Engage.'),
  },
  {
    name: 'an empty part with a comment on its key line and under it',
    input: lines('objectives:   # note', '  # to do', 'development:'),
    fix: 'Insert the missing section "openness" into objectives',
    output: lines('objectives:   # note', '  # to do', ...section(2, 2, 'openness', 'OPN-1', '1.i, 1.ii, 1.iii'), 'development:'),
  },
  {
    name: 'an empty flow mapping `{}` becomes a block',
    input: lines('implementation: {}  # later'),
    fix: 'Insert the missing section "procurement" into implementation',
    output: lines('implementation:   # later', ...section(2, 2, 'procurement', 'PRC-1', '11')),
  },
  {
    name: 'a flow part gets the section in flow style, in order',
    input: lines('objectives: { openness: { summary: Open }, data-driven-culture: {} }'),
    fix: 'Insert the missing section "engagement" into objectives',
    output: lines(
      'objectives: { openness: { summary: Open }, engagement: { summary: TODO, measures: [ { id: ENG-1, addresses: [ 2.i, 2.ii ], indicators: [ { name: TODO, target: TODO } ] } ] }, data-driven-culture: {} }',
    ),
  },
  {
    name: 'blank lines between sections are kept as the file\'s style',
    input: lines('objectives:', '  openness:', '    summary: Open.', '', '  data-driven-culture:', '    summary: Data.', '', '  # dgs-disable-next-line empty-section', '  security-and-privacy:', '    summary: Safe.'),
    fix: 'Insert the missing section "engagement" into objectives',
    output: lines(
      'objectives:',
      '  openness:',
      '    summary: Open.',
      '',
      ...section(2, 2, 'engagement', 'ENG-1', '2.i, 2.ii'),
      '',
      '  data-driven-culture:',
      '    summary: Data.',
      '',
      '  # dgs-disable-next-line empty-section',
      '  security-and-privacy:',
      '    summary: Safe.',
    ),
  },
  {
    name: 'CRLF line endings',
    crlf: true,
    input: lines('objectives:', '  openness:', '    summary: Open.'),
    fix: 'Insert the missing section "engagement" into objectives',
    output: lines('objectives:', '  openness:', '    summary: Open.', ...section(2, 2, 'engagement', 'ENG-1', '2.i, 2.ii')),
  },
  {
    name: 'a measure id already used elsewhere (even under an unknown key) is not reused',
    input: lines('objectives:', '  openness:', '    summary: Open.', '  x-old:', '    measures:', '      - id: ENG-1'),
    fix: 'Insert the missing section "engagement" into objectives',
    output: lines('objectives:', '  openness:', '    summary: Open.', '  x-old:', '    measures:', '      - id: ENG-1', ...section(2, 2, 'engagement', 'ENG-2', '2.i, 2.ii')),
  },
];

const INSERT_PART: FixCase[] = [
  {
    name: 'between the strategy block and a later part',
    input: lines('strategy:', '  title: T', '', 'implementation:', '  procurement:', '    summary: Buy.'),
    fix: 'Insert the missing part "development" with its sections',
    output: lines(
      'strategy:',
      '  title: T',
      '',
      'development:',
      ...section(2, 2, 'leadership', 'LDR-1', '5'),
      ...section(2, 2, 'coherence', 'COH-1', '6.i, 6.ii, 6.iii, 6.iv'),
      ...section(2, 2, 'governance', 'GOV-1', '7.i, 7.ii'),
      ...section(2, 2, 'international-cooperation', 'INT-1', '8'),
      '',
      'implementation:',
      '  procurement:',
      '    summary: Buy.',
    ),
  },
  {
    name: 'at the end of a file without a final newline, which stays without one',
    input: 'objectives:\n  openness:\n    summary: Open.',
    fix: 'Insert the missing part "implementation" with its sections',
    output: [
      'objectives:',
      '  openness:',
      '    summary: Open.',
      'implementation:',
      ...section(2, 2, 'business-cases', 'BUS-1', '9.i, 9.ii'),
      ...section(2, 2, 'project-capacity', 'CAP-1', '10.i, 10.ii, 10.iii, 10.iv, 10.v'),
      ...section(2, 2, 'procurement', 'PRC-1', '11'),
      ...section(2, 2, 'legal-frameworks', 'LEG-1', '12.i, 12.ii'),
    ].join('\n'),
  },
  {
    // `objectives: ~` is a part with no value: present, with each of its sections missing.
    name: 'a part key with an explicitly empty value and a comment',
    input: lines('objectives: ~  # none yet'),
    fix: 'Insert the missing section "openness" into objectives',
    output: lines('objectives:   # none yet', ...section(2, 2, 'openness', 'OPN-1', '1.i, 1.ii, 1.iii')),
  },
  {
    name: 'a file of comments only: at its end, with the default of 2 spaces',
    input: lines('# dgs-strategy', '# nothing yet'),
    fix: 'Insert the missing part "development" with its sections',
    output: lines(
      '# dgs-strategy',
      '# nothing yet',
      'development:',
      ...section(2, 2, 'leadership', 'LDR-1', '5'),
      ...section(2, 2, 'coherence', 'COH-1', '6.i, 6.ii, 6.iii, 6.iv'),
      ...section(2, 2, 'governance', 'GOV-1', '7.i, 7.ii'),
      ...section(2, 2, 'international-cooperation', 'INT-1', '8'),
    ),
  },
  {
    name: 'after a byte order mark, which takes no column',
    input: '\uFEFF' + lines('objectives:', '  openness:', '    summary: Open.'),
    fix: 'Insert the missing part "development" with its sections',
    output:
      '\uFEFF' +
      lines(
        'objectives:',
        '  openness:',
        '    summary: Open.',
        'development:',
        ...section(2, 2, 'leadership', 'LDR-1', '5'),
        ...section(2, 2, 'coherence', 'COH-1', '6.i, 6.ii, 6.iii, 6.iv'),
        ...section(2, 2, 'governance', 'GOV-1', '7.i, 7.ii'),
        ...section(2, 2, 'international-cooperation', 'INT-1', '8'),
      ),
  },
  {
    name: 'CRLF, 4 spaces, before the first part',
    crlf: true,
    input: lines('strategy:', '    title: T', 'development:', '    leadership:', '        summary: Lead.'),
    fix: 'Insert the missing part "objectives" with its sections',
    output: lines(
      'strategy:',
      '    title: T',
      'objectives:',
      ...section(4, 4, 'openness', 'OPN-1', '1.i, 1.ii, 1.iii'),
      ...section(4, 4, 'engagement', 'ENG-1', '2.i, 2.ii'),
      ...section(4, 4, 'data-driven-culture', 'DAT-1', '3.i, 3.ii'),
      ...section(4, 4, 'security-and-privacy', 'SEC-1', '4'),
      'development:',
      '    leadership:',
      '        summary: Lead.',
    ),
  },
];

/** The measure SHORT_TEMPLATE gives, as a list item with its dash at a column. */
function measure(dash: number, unit: number, id: string, clause: string, seqIndent = unit): string[] {
  const pad = (n: number) => ' '.repeat(n);
  return [`${pad(dash)}- id: ${id}`, `${pad(dash + 2)}addresses: [${clause}]`, `${pad(dash + 2)}indicators:`, `${pad(dash + 2 + seqIndent)}- name: TODO`, `${pad(dash + 4 + seqIndent)}target: TODO`];
}

const ADD_MEASURE: FixCase[] = [
  {
    name: 'appended to the list, after a comment that ends it',
    input: lines('objectives:', '  openness:', '    summary: Open.', '    measures:', '      - id: OPN-1', '        addresses: [1.i, 1.ii]', '      # the next one'),
    fix: 'Add a measure for clause 1.iii to "openness"',
    output: lines('objectives:', '  openness:', '    summary: Open.', '    measures:', '      - id: OPN-1', '        addresses: [1.i, 1.ii]', '      # the next one', ...measure(6, 2, 'OPN-2', '1.iii')),
  },
  {
    name: '`measures: []` in block style becomes a block list',
    input: lines('objectives:', '  openness:', '    summary: Open.', '    measures: []'),
    fix: 'Add a measure for clause 1.i to "openness"',
    output: lines('objectives:', '  openness:', '    summary: Open.', '    measures:', ...measure(6, 2, 'OPN-1', '1.i')),
  },
  {
    name: '`measures:` with no value and a comment',
    input: lines('objectives:', '  openness:', '    measures:   # soon', '    summary: Open.'),
    fix: 'Add a measure for clause 1.i to "openness"',
    output: lines('objectives:', '  openness:', '    measures:   # soon', ...measure(6, 2, 'OPN-1', '1.i'), '    summary: Open.'),
  },
  {
    name: 'no `measures` yet, 4 spaces',
    input: lines('objectives:', '    openness:', '        summary: Open.', '    engagement:'),
    fix: 'Add a measure for clause 1.i to "openness"',
    output: lines('objectives:', '    openness:', '        summary: Open.', '        measures:', ...measure(12, 4, 'OPN-1', '1.i'), '    engagement:'),
  },
  {
    name: 'a section key with no value',
    input: lines('objectives:', '  openness:', '  engagement:'),
    fix: 'Add a measure for clause 1.i to "openness"',
    output: lines('objectives:', '  openness:', '    measures:', ...measure(6, 2, 'OPN-1', '1.i'), '  engagement:'),
  },
  {
    name: 'a flow list gets a flow item',
    input: lines('objectives:', '  openness:', '    summary: Open.', '    measures: [ { id: OPN-1, addresses: [1.i] } ]'),
    fix: 'Add a measure for clause 1.ii to "openness"',
    output: lines('objectives:', '  openness:', '    summary: Open.', '    measures: [ { id: OPN-1, addresses: [1.i] }, { id: OPN-2, addresses: [ 1.ii ], indicators: [ { name: TODO, target: TODO } ] } ]'),
  },
  {
    name: 'a flow section gets a flow `measures`',
    input: lines('objectives:', '  openness: { summary: Open }'),
    fix: 'Add a measure for clause 1.ii to "openness"',
    output: lines('objectives:', '  openness: { summary: Open, measures: [ { id: OPN-1, addresses: [ 1.ii ], indicators: [ { name: TODO, target: TODO } ] } ] }'),
  },
  {
    name: 'lists written at their key\'s column stay so',
    input: lines('objectives:', '  openness:', '    measures:', '    - id: OPN-1', '      addresses: [1.i, 1.ii]', '      indicators:', '      - name: n', '        target: t'),
    fix: 'Add a measure for clause 1.iii to "openness"',
    output: lines('objectives:', '  openness:', '    measures:', '    - id: OPN-1', '      addresses: [1.i, 1.ii]', '      indicators:', '      - name: n', '        target: t', ...measure(4, 2, 'OPN-2', '1.iii', 0)),
  },
  {
    name: 'measures separated by blank lines, CRLF',
    crlf: true,
    input: lines('objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses: [1.i]', '', '      - id: OPN-2', '        addresses: [1.ii]', '', 'development:'),
    fix: 'Add a measure for clause 1.iii to "openness"',
    output: lines('objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses: [1.i]', '', '      - id: OPN-2', '        addresses: [1.ii]', '', ...measure(6, 2, 'OPN-3', '1.iii'), '', 'development:'),
  },
];

/** The not-applicable entry the fix writes, with its dash at a column. */
function declaration(dash: number, clause: string): string[] {
  return [`${' '.repeat(dash)}- clause: ${clause}`, `${' '.repeat(dash + 2)}reason: TODO say why clause ${clause} does not apply to this strategy`];
}

const FLOW_DECLARATION = (clause: string) => `{ clause: ${clause}, reason: TODO say why clause ${clause} does not apply to this strategy }`;

const DECLARE_NOT_APPLICABLE: FixCase[] = [
  {
    name: 'between the summary and the measures, above the comment of the measures, keeping the summary\'s comment',
    input: lines('implementation:', '  legal-frameworks:', '    summary: Laws.  # short', '    # what we do', '    measures:', '      - id: LEG-1', '        addresses: [12.i]'),
    fix: 'Declare clause 12.ii not applicable',
    output: lines('implementation:', '  legal-frameworks:', '    summary: Laws.  # short', '    not-applicable:', ...declaration(6, '12.ii'), '    # what we do', '    measures:', '      - id: LEG-1', '        addresses: [12.i]'),
  },
  {
    name: 'appended to a not-applicable list already there, after its last comment',
    input: lines('objectives:', '  openness:', '    summary: Open.', '    not-applicable:', '      - clause: 1.i', '        reason: Done by the region.', '      # more to come', '    measures:', '      - id: OPN-1', '        addresses: [1.iii]'),
    fix: 'Declare clause 1.ii not applicable',
    output: lines('objectives:', '  openness:', '    summary: Open.', '    not-applicable:', '      - clause: 1.i', '        reason: Done by the region.', '      # more to come', ...declaration(6, '1.ii'), '    measures:', '      - id: OPN-1', '        addresses: [1.iii]'),
  },
  {
    name: 'a flow not-applicable list gets a flow item',
    input: lines('objectives:', '  openness:', '    summary: Open.', '    not-applicable: [ { clause: 1.i, reason: Done by the region. } ]', '    measures: [ { id: OPN-1, addresses: [1.iii] } ]'),
    fix: 'Declare clause 1.ii not applicable',
    output: lines('objectives:', '  openness:', '    summary: Open.', `    not-applicable: [ { clause: 1.i, reason: Done by the region. }, ${FLOW_DECLARATION('1.ii')} ]`, '    measures: [ { id: OPN-1, addresses: [1.iii] } ]'),
  },
  {
    name: 'a flow section gets a flow not-applicable before its measures',
    input: lines('objectives:', '  openness: { summary: Open, measures: [ { id: OPN-1, addresses: [1.i, 1.iii] } ] }  # all in one line'),
    fix: 'Declare clause 1.ii not applicable',
    output: lines('objectives:', `  openness: { summary: Open, not-applicable: [ ${FLOW_DECLARATION('1.ii')} ], measures: [ { id: OPN-1, addresses: [1.i, 1.iii] } ] }  # all in one line`),
  },
  {
    name: 'the section at the end of the file, without a final line ending, 4 spaces, lists at their key\'s column',
    input: lines('objectives:', '    openness:', '        summary: Open.', '        measures:', '        - id: OPN-1', '          addresses: [1.i, 1.iii]', '    engagement:', '        summary: Engaged.').replace(/\n$/, ''),
    fix: 'Declare clause 2.ii not applicable',
    output: lines('objectives:', '    openness:', '        summary: Open.', '        measures:', '        - id: OPN-1', '          addresses: [1.i, 1.iii]', '    engagement:', '        summary: Engaged.', '        not-applicable:', ...declaration(8, '2.ii')).replace(/\n$/, ''),
  },
  {
    name: 'a section written as a key alone, at the end of the file, CRLF',
    crlf: true,
    input: lines('# dgs-strategy', 'development:', '  leadership:   # to write'),
    fix: 'Declare clause 5 not applicable',
    output: lines('# dgs-strategy', 'development:', '  leadership:   # to write', '    not-applicable:', ...declaration(6, '5')),
  },
  {
    name: 'an empty not-applicable list, CRLF',
    crlf: true,
    input: lines('objectives:', '  engagement:', '    summary: Engaged.', '    not-applicable: []  # none yet', '    measures:', '      - id: ENG-1', '        addresses: [2.i]'),
    fix: 'Declare clause 2.ii not applicable',
    output: lines('objectives:', '  engagement:', '    summary: Engaged.', '    not-applicable:   # none yet', ...declaration(6, '2.ii'), '    measures:', '      - id: ENG-1', '        addresses: [2.i]'),
  },
];

const REPLACE: FixCase[] = [
  {
    name: 'an unknown clause, plain, with a comment after it',
    input: lines('objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses: [1.i, 1.x]  # typo'),
    fix: 'Replace "1.x" with "1.iii"',
    output: lines('objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses: [1.i, 1.iii]  # typo'),
  },
  {
    name: 'an unknown clause in single quotes stays single-quoted',
    input: lines('objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses:', "          - '1.x'"),
    fix: 'Replace "1.x" with "1.iii"',
    output: lines('objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses:', "          - '1.iii'"),
  },
  {
    name: 'an unknown clause in double quotes stays double-quoted',
    input: lines('objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses: ["1.x", 1.i]'),
    fix: 'Replace "1.x" with "1.iii"',
    output: lines('objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses: ["1.iii", 1.i]'),
  },
  {
    name: 'an anchored clause keeps its anchor',
    input: lines('objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses: [&first 1.x, 1.i]'),
    fix: 'Replace "1.x" with "1.iii"',
    output: lines('objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses: [&first 1.iii, 1.i]'),
  },
  {
    name: 'a misspelled key',
    input: lines('objectives:', '  openness:', '    sumary: Open.  # typo'),
    fix: 'Replace "sumary" with "summary"',
    output: lines('objectives:', '  openness:', '    summary: Open.  # typo'),
  },
  {
    name: 'an unknown measure id in depends-on, CRLF',
    crlf: true,
    input: lines('objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses: [1.i]', '        depends-on: [DAT-7]', '      - id: DAT-1', '        addresses: [1.ii]'),
    fix: 'Replace "DAT-7" with "DAT-1"',
    output: lines('objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses: [1.i]', '        depends-on: [DAT-1]', '      - id: DAT-1', '        addresses: [1.ii]'),
  },
];

/** A section that declares 12.ii not applicable, with a measure that addresses it anyway. */
function contradiction(declarations: string[], addresses: string[], extra: string[] = []): string {
  return lines(
    'implementation:',
    '  legal-frameworks:',
    '    summary: The city reviews its by-laws.',
    ...declarations,
    '    measures:',
    '      - id: LEG-1',
    "        title: Review of the city's by-laws",
    ...addresses,
    '        lead: City Legal Office',
    ...extra,
  );
}
const DECLARED = ['    not-applicable:', '      - clause: 12.ii', '        reason: Regulatory impact assessment is done by the region.'];

const NOT_APPLICABLE_ADDRESSED: FixCase[] = [
  {
    name: 'the clause taken out of a flow addresses, with its comma',
    input: contradiction(DECLARED, ['        addresses: [12.i, 12.ii]  # both for now']),
    fix: 'Remove 12.ii from the clauses measure LEG-1 addresses',
    output: contradiction(DECLARED, ['        addresses: [12.i]  # both for now']),
  },
  {
    name: 'the clause taken out of the front of a flow addresses',
    input: contradiction(DECLARED, ['        addresses: [ 12.ii, 12.i ]']),
    fix: 'Remove 12.ii from the clauses measure LEG-1 addresses',
    output: contradiction(DECLARED, ['        addresses: [ 12.i ]']),
  },
  {
    name: 'the clause\'s line taken out of a block addresses, CRLF',
    crlf: true,
    input: contradiction(DECLARED, ['        addresses:', '          - 12.i', '          - 12.ii']),
    fix: 'Remove 12.ii from the clauses measure LEG-1 addresses',
    output: contradiction(DECLARED, ['        addresses:', '          - 12.i']),
  },
  {
    name: 'the only declaration taken out with its key, the comments around it kept',
    input: contradiction(['    # decided on 3 March', ...DECLARED, '    # the measures'], ['        addresses: [12.i, 12.ii]']),
    fix: 'Remove the declaration that clause 12.ii does not apply',
    output: contradiction(['    # decided on 3 March', '    # the measures'], ['        addresses: [12.i, 12.ii]']),
  },
  {
    name: 'one declaration of two taken out, the other kept',
    input: contradiction([...DECLARED, '      - clause: 12.iii', '        reason: Done nationally.'], ['        addresses: [12.i, 12.ii]']),
    fix: 'Remove the declaration that clause 12.ii does not apply',
    output: contradiction(['    not-applicable:', '      - clause: 12.iii', '        reason: Done nationally.'], ['        addresses: [12.i, 12.ii]']),
  },
  {
    name: 'one declaration of a flow list taken out with its comma',
    input: contradiction(['    not-applicable: [ { clause: 12.iii, reason: Done nationally. }, { clause: 12.ii, reason: Done by the region. } ]'], ['        addresses: [12.i, 12.ii]']),
    fix: 'Remove the declaration that clause 12.ii does not apply',
    output: contradiction(['    not-applicable: [ { clause: 12.iii, reason: Done nationally. } ]'], ['        addresses: [12.i, 12.ii]']),
  },
];

function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

function runCases(title: string, cases: FixCase[]): void {
  describe(title, () => {
    for (const testCase of cases) {
      it(testCase.name, () => {
        const input = testCase.crlf ? crlf(testCase.input) : testCase.input;
        const output = testCase.crlf ? crlf(testCase.output) : testCase.output;
        assert.strictEqual(applyFix(input, testCase.fix), output);
      });
    }
  });
}

describe('quick fixes', () => {
  runCases('insert a missing section', INSERT_SECTION);
  runCases('insert a missing part', INSERT_PART);
  runCases('add a measure for a clause not addressed', ADD_MEASURE);
  runCases('declare a clause not addressed not applicable', DECLARE_NOT_APPLICABLE);
  runCases('replace with the suggestion', REPLACE);
  runCases('a clause declared not applicable that a measure addresses', NOT_APPLICABLE_ADDRESSED);

  describe('a clause declared not applicable that a measure addresses: what is not offered', () => {
    const titles = (text: string): string[] => allActions(analyze(text, SHORT)).map((action) => action.title);
    it('no removal of a declaration whose lines hold a comment', () => {
      const text = contradiction(['    not-applicable:', '      - clause: 12.ii  # see the minutes', '        reason: Done by the region.'], ['        addresses: [12.i, 12.ii]']);
      assert.ok(analyze(text, SHORT).findings.some((finding) => finding.rule === 'not-applicable-addressed'));
      assert.deepStrictEqual(titles(text).filter((title) => title.startsWith('Remove')), ['Remove 12.ii from the clauses measure LEG-1 addresses']);
    });
    it('no removal of the only clause a measure addresses (it would address nothing)', () => {
      const text = contradiction(DECLARED, ['        addresses: [12.ii]']);
      assert.deepStrictEqual(titles(text).filter((title) => title.startsWith('Remove')), ['Remove the declaration that clause 12.ii does not apply']);
    });
    it('neither is applied by fix all: which one is wrong is the drafter\'s call', () => {
      const text = contradiction(DECLARED, ['        addresses: [12.i, 12.ii]']);
      const fixAll = computeCodeActions(analyze(text, SHORT), wholeText(text), [FIX_ALL_KIND]);
      assert.ok(fixAll.every((action) => action.edits.every((edit) => !text.slice(edit.start, edit.end).includes('12.ii'))));
    });
  });

  describe('insert all missing sections', () => {
    it('inserts every missing section and part at once, in order, and then has nothing left to do', () => {
      const input = lines('# dgs-strategy', 'objectives:', '  engagement:  # kept', '    summary: x', '', 'implementation:', '  procurement:', '    summary: Buy.');
      const analysis = analyze(input, SHORT);
      const edits = insertAllMissingSections(analysis);
      const output = applyEdits(input, edits);
      assert.strictEqual(
        output,
        lines(
          '# dgs-strategy',
          'objectives:',
          ...section(2, 2, 'openness', 'OPN-1', '1.i, 1.ii, 1.iii'),
          '  engagement:  # kept',
          '    summary: x',
          ...section(2, 2, 'data-driven-culture', 'DAT-1', '3.i, 3.ii'),
          ...section(2, 2, 'security-and-privacy', 'SEC-1', '4'),
          '',
          'development:',
          ...section(2, 2, 'leadership', 'LDR-1', '5'),
          ...section(2, 2, 'coherence', 'COH-1', '6.i, 6.ii, 6.iii, 6.iv'),
          ...section(2, 2, 'governance', 'GOV-1', '7.i, 7.ii'),
          ...section(2, 2, 'international-cooperation', 'INT-1', '8'),
          '',
          'implementation:',
          ...section(2, 2, 'business-cases', 'BUS-1', '9.i, 9.ii'),
          ...section(2, 2, 'project-capacity', 'CAP-1', '10.i, 10.ii, 10.iii, 10.iv, 10.v'),
          '  procurement:',
          '    summary: Buy.',
          ...section(2, 2, 'legal-frameworks', 'LEG-1', '12.i, 12.ii'),
        ),
      );
      const after = assertWellFormed(input, output, SHORT);
      assert.deepStrictEqual(after.findings.filter((finding) => finding.rule === 'missing-section'), []);
      assert.deepStrictEqual(insertAllMissingSections(after), [], 'a second run changes nothing');
    });

    it('is one quick fix beside the single ones, and a source action', () => {
      const input = lines('objectives:', '  openness:', '    summary: Open.');
      const analysis = analyze(input, SHORT);
      const finding = analysis.findings.find((candidate) => candidate.data?.kind === 'insert-section')!;
      const quick = computeCodeActions(analysis, finding.span, [QUICK_FIX_KIND]);
      const all = quick.filter((action) => action.title.startsWith('Insert all missing sections'));
      assert.strictEqual(all.length, 1);
      assert.deepStrictEqual(all[0].edits, insertAllMissingSections(analysis));
      const source = computeCodeActions(analysis, { start: 0, end: 0 }, ['source']);
      assert.deepStrictEqual(source.map((action) => action.kind).sort(), [INSERT_MISSING_SECTIONS_KIND, FIX_ALL_KIND].sort());
      assert.deepStrictEqual(source.find((action) => action.kind === INSERT_MISSING_SECTIONS_KIND)!.edits, all[0].edits);
    });

    it('works in an empty file', () => {
      const output = applyEdits('', insertAllMissingSections(analyze('', SHORT)));
      assert.ok(output.startsWith('objectives:\n  openness:\n'), output);
      const after = assertWellFormed('', output, SHORT);
      assert.deepStrictEqual(after.findings.filter((finding) => finding.rule === 'missing-section'), []);
    });
  });

  describe('fix all', () => {
    it('applies the suggestions, then inserts what is still missing, without inserting a renamed section twice', () => {
      const input = lines(
        '# dgs-strategy',
        'objectives:',
        '  opennes:  # misspelled',
        '    summary: Open.',
        '    measures:',
        '      - id: OPN-1',
        "        addresses: [1.i, '1.x', 1.ii]",
        '        depends-on: [OPN-2]',
        '  engagement:',
        '    summary: Engage.',
        '    mesures: []',
        '  data-driven-culture:',
        '    summary: Data.',
        '  security-and-privacy:',
        '    summary: Safe.',
        'development:',
        '  leadership:',
        '    summary: Lead.',
      );
      const analysis = analyze(input, SHORT);
      const [fixAll] = computeCodeActions(analysis, { start: 0, end: 0 }, ['source.fixAll']);
      assert.strictEqual(fixAll.kind, FIX_ALL_KIND);
      const output = applyEdits(input, fixAll.edits);
      assert.strictEqual(
        output,
        lines(
          '# dgs-strategy',
          'objectives:',
          '  openness:  # misspelled',
          '    summary: Open.',
          '    measures:',
          '      - id: OPN-1',
          "        addresses: [1.i, '1.iii', 1.ii]",
          // No suggestion for the unknown reference: the only other id is the measure's own.
          '        depends-on: [OPN-2]',
          '  engagement:',
          '    summary: Engage.',
          '    measures: []',
          '  data-driven-culture:',
          '    summary: Data.',
          '  security-and-privacy:',
          '    summary: Safe.',
          'development:',
          '  leadership:',
          '    summary: Lead.',
          ...section(2, 2, 'coherence', 'COH-1', '6.i, 6.ii, 6.iii, 6.iv'),
          ...section(2, 2, 'governance', 'GOV-1', '7.i, 7.ii'),
          ...section(2, 2, 'international-cooperation', 'INT-1', '8'),
          'implementation:',
          ...section(2, 2, 'business-cases', 'BUS-1', '9.i, 9.ii'),
          ...section(2, 2, 'project-capacity', 'CAP-1', '10.i, 10.ii, 10.iii, 10.iv, 10.v'),
          ...section(2, 2, 'procurement', 'PRC-1', '11'),
          ...section(2, 2, 'legal-frameworks', 'LEG-1', '12.i, 12.ii'),
        ),
      );
      const after = assertFixed(input, output, fixAll, SHORT);
      for (const rule of ['missing-section', 'unknown-clause', 'unknown-key']) {
        assert.deepStrictEqual(after.findings.filter((finding) => finding.rule === rule).map((finding) => finding.message), [], rule);
      }
      // The unknown reference had no suggestion to apply, so it is still there.
      assert.deepStrictEqual(after.findings.filter((finding) => finding.rule === 'unknown-reference').map((finding) => finding.message), ['The measure OPN-1 depends on "OPN-2", but no measure has that id.']);
    });

    it('does not rename two keys of one mapping to the same key', () => {
      const input = lines('objectives:', '  openness:', '    sumary: a', '    summry: b');
      const [fixAll] = computeCodeActions(analyze(input, SHORT), { start: 0, end: 0 }, [FIX_ALL_KIND]);
      const output = applyEdits(input, fixAll.edits);
      const openness = output.split('\n').slice(2, 4);
      assert.deepStrictEqual(openness.filter((line) => line.trim().startsWith('summary:')).length, 1, output);
      assertWellFormed(input, output, SHORT);
    });
  });

  describe('what is not offered', () => {
    const cases: { name: string; input: string; absent: RegExp; present?: string }[] = [
      { name: 'anything, when the YAML does not parse', input: lines('objectives:', '  openness: [', 'development:'), absent: /./, present: 'yaml-syntax' },
      { name: 'a part over a key that holds something else', input: lines('objectives: 5'), absent: /part "objectives"/, present: 'missing-section' },
      { name: 'a section over a key that holds a list', input: lines('objectives:', '  openness: [a, b]'), absent: /section "openness"/, present: 'missing-section' },
      {
        name: 'a key renamed onto a key the mapping has',
        input: lines('objectives:', '  openness:', '    sumary: a', '    summary: b'),
        absent: /Replace "sumary"/,
        present: 'unknown-key',
      },
      {
        name: 'a replacement of an alias (the anchored value is elsewhere)',
        input: lines('x-clause: &typo 1.x', 'objectives:', '  openness:', '    measures:', '      - id: OPN-1', '        addresses: [*typo, 1.i]'),
        absent: /Replace/,
        present: 'unknown-clause',
      },
    ];
    for (const testCase of cases) {
      it(testCase.name, () => {
        const analysis = analyze(testCase.input, SHORT);
        if (testCase.present) assert.ok(analysis.findings.some((finding) => finding.rule === testCase.present), `no ${testCase.present} finding`);
        const titles = allActions(analysis).map((action) => action.title);
        assert.deepStrictEqual(titles.filter((title) => testCase.absent.test(title)), []);
      });
    }

    it('fixes whose finding the range does not touch', () => {
      const input = lines('objectives:', '  openness:', '    summary: Open.', '    measures:', '      - id: OPN-1', '        addresses: [1.x]');
      const analysis = analyze(input, SHORT);
      const start = input.indexOf('summary');
      const titles = computeCodeActions(analysis, { start, end: start }, [QUICK_FIX_KIND]).map((action) => action.title);
      assert.deepStrictEqual(titles, []);
      const at = input.indexOf('1.x');
      assert.ok(computeCodeActions(analysis, { start: at, end: at }, [QUICK_FIX_KIND]).some((action) => action.title === 'Replace "1.x" with "1.iii"'));
    });

    it('kinds not asked for', () => {
      assert.ok(kindRequested('source.fixAll.dgs', ['source']));
      assert.ok(kindRequested('source.fixAll.dgs', ['source.fixAll']));
      assert.ok(!kindRequested('source.fixAll.dgs', ['quickfix']));
      assert.ok(!kindRequested('quickfix', ['source']));
      assert.ok(kindRequested('quickfix', undefined));
      const analysis = analyze(lines('objectives:', '  openness:', '    summary: Open.'), SHORT);
      const kinds = new Set(computeCodeActions(analysis, wholeText(analysis.model.text), [QUICK_FIX_KIND]).map((action) => action.kind));
      assert.deepStrictEqual([...kinds], [QUICK_FIX_KIND]);
    });
  });

  describe('with the real templates', () => {
    it('inserts the schema\'s own template for a section, re-indented to 4 spaces', () => {
      const input = lines('objectives:', '    openness:', '        summary: Open.');
      const output = applyFix(input, 'Insert the missing section "engagement" into objectives', SCHEMA);
      const template = SCHEMA.sectionByKey.get('engagement')!.template.replace('{{id}}', 'ENG-1').replace('{{clauses}}', '2.i, 2.ii');
      const expected = template
        .split('\n')
        .map((line) => {
          const indent = line.length - line.trimStart().length;
          // The template's 2-space levels become 4-space levels; list items keep their dash + space.
          const levels: Record<number, number> = { 0: 8, 2: 12, 4: 14, 6: 18 };
          return ' '.repeat(levels[indent]) + line.trimStart();
        });
      assert.strictEqual(output, lines('objectives:', '    openness:', '        summary: Open.', '    engagement:', ...expected));
    });

    it('leaves a fixed finding fixed: the same fix is not offered after it is applied', () => {
      const input = lines('objectives:', '  openness:', '    summary: Open.', '    measures:', '      - id: OPN-1', '        addresses: [1.i]');
      let text = input;
      for (const clause of ['1.ii', '1.iii']) text = applyFix(text, `Add a measure for clause ${clause} to "openness"`, SCHEMA);
      const analysis = analyze(text, SCHEMA);
      // The stubs name their clauses; they address them once the drafter writes their titles (spec §7.1),
      // so the findings stay, without the fix.
      const remaining = analysis.findings.filter((finding) => finding.rule === 'clause-not-addressed');
      assert.deepStrictEqual(remaining.map((finding) => finding.data), [undefined, undefined, undefined]);
      assert.ok(remaining.every((finding) => /names it but its title is still a placeholder/.test(finding.message)));
      assert.ok(actionTitled(analyze(input, SCHEMA), 'Add a measure for clause 1.ii to "openness"'));
    });
  });
});
