/**
 * One table per rule: cases built from a clean strategy, with the findings that must fire
 * written next to the lines they point at, and near misses that must not fire.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { RULES } from '../../server/src/core/rules';
import { actualFindings, describe as describeExpected, parseAnnotated } from '../helpers/annotations';

const schema = loadDefaultSchema();
const CLEAN = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'clean.strategy.yaml'), 'utf8');

interface Case {
  name: string;
  /** The annotated text, or edits of the clean strategy: [find, replace-with-annotations]. */
  text?: string;
  edits?: Array<[string, string]>;
  /** Compare every finding, not only those of the rule under test. */
  all?: boolean;
}

function build(testCase: Case): string {
  if (testCase.text !== undefined) return testCase.text;
  let text = CLEAN;
  for (const [find, replace] of testCase.edits ?? []) {
    assert.ok(text.includes(find), `fixture edit not found: ${find}`);
    text = text.replace(find, replace);
  }
  return text;
}

function check(rule: string, testCase: Case): void {
  const { text, expected } = parseAnnotated(build(testCase));
  const actual = actualFindings(text, schema, testCase.all ? undefined : new Set([rule]));
  assert.deepStrictEqual(actual, describeExpected(expected), `findings of ${testCase.all ? 'every rule' : rule}`);
}

const CASES: Record<string, Case[]> = {
  'yaml-syntax': [
    { name: 'an unclosed flow sequence', all: true, text: 'strategy:\n  title: [unclosed\n  lead: x\n# ^ yaml-syntax\n' },
    { name: 'a duplicated key is not a syntax error', edits: [['  lead: Ministry of Digital Affairs\n', '  lead: Ministry of Digital Affairs\n  lead: Again\n']] },
  ],
  'duplicate-key': [
    { name: 'the second key', all: true, edits: [['  lead: Ministry of Digital Affairs\n', '  lead: Ministry of Digital Affairs\n  lead: TODO\n# ^^^^ duplicate-key\n']] },
    { name: 'a duplicated section: the first counts', all: true, text: CLEAN + '  procurement:\n# ^^^^^^^^^^^ duplicate-key\n' },
    { name: 'the same key in two mappings', edits: [] },
  ],
  'unknown-key': [
    {
      name: 'a misspelled field also misses the field',
      all: true,
      edits: [['  government: Republic of Testland', '  governmnt: Republic of Testland\n# ^^^^^^^^^ unknown-key'], ['strategy:\n', 'strategy:\n#< missing-field\n']],
    },
    {
      name: 'a misspelled section is unknown, and missing; nothing under it is checked',
      all: true,
      edits: [
        ['objectives:\n  openness:\n', 'objectives:\n#< missing-section\n  opennes:\n# ^^^^^^^ unknown-key\n'],
        ['        addresses: [1.i, 1.iii]\n', '        addresses: [1.iv]\n'],
        ['        addresses: [II.1.ii]\n', '        addresses: [II.1.ii, 1.i, 1.iii]\n'],
        ['        depends-on: [OPN-1]\n', '        depends-on: [OPN-1]\n#                    ^^^^^ unknown-reference\n'],
      ],
    },
    { name: 'a key in a measure', edits: [['        lead: Statistics Office\n', '        leader: Statistics Office\n#       ^^^^^^ unknown-key\n        lead: Statistics Office\n']] },
    { name: 'x- keys are the drafter\'s own, at any level', all: true, edits: [['strategy:\n', 'x-notes: { anything: [goes, here] }\nstrategy:\n  x-owner: { name: 12 }\n'], ['        lead: Statistics Office\n', '        lead: Statistics Office\n        x-cost-centre: [1, 2]\n']] },
  ],
  'type-mismatch': [
    { name: 'a value not allowed', edits: [['  level: national', '  level: federal\n#        ^^^^^^^ type-mismatch']] },
    { name: 'a scalar where a mapping is due', all: true, edits: [['  period: { from: 2026, to: 2030 }', '  period: 2026-2030\n#         ^^^^^^^^^ type-mismatch']] },
    { name: 'text where a year is due', edits: [['  period: { from: 2026, to: 2030 }', '  period: { from: "2026", to: 2030 }\n#                 ^^^^^^ type-mismatch']] },
    {
      name: 'a scalar where a list is due counts as absent, without missing-field',
      all: true,
      edits: [['        addresses: [II.1.ii]', '        addresses: II.1.ii\n#                  ^^^^^^^ type-mismatch'], ['  openness:\n', '  openness:\n# ^^^^^^^^ clause-not-addressed\n']],
    },
    { name: 'an empty list of clauses', all: true, edits: [['        addresses: [5]', '        addresses: []\n#                  ^^ type-mismatch'], ['  leadership:\n', '  leadership:\n# ^^^^^^^^^^ clause-not-addressed\n']] },
    { name: 'no clauses at all', edits: [['        addresses: [8]', '        addresses:\n#                 ^ type-mismatch']] },
    { name: 'an indicator that is not a mapping', edits: [['          - { name: Act adopted, baseline: 0, target: yes, by: 2030 }', '          - Act adopted\n#           ^^^^^^^^^^^ type-mismatch']] },
    { name: 'an amount with thousands separators, in braces: the commas split it, and it is one mismatch, never the figure 1', all: true, edits: [['  business-case-threshold: { amount: 1000000, currency: EUR }', '  business-case-threshold: { amount: 1,000,000, currency: EUR }\n#                                    ^^^^^^^^^ type-mismatch']] },
    { name: 'a budget with separators and spaces, in braces', edits: [['        budget: { amount: 4500000, currency: EUR }', '        budget: { amount: 4, 500, 000, currency: EUR }\n#                         ^^^^^^^^^^^ type-mismatch']] },
    { name: 'a negative amount', edits: [['        budget: { amount: 4500000, currency: EUR }', '        budget: { amount: -5, currency: EUR }\n#                         ^^ type-mismatch']] },
    { name: 'a currency that is not three capitals', edits: [['        budget: { amount: 4500000, currency: EUR }', '        budget: { amount: 4500000, currency: euro }\n#                                            ^^^^ type-mismatch']] },
    { name: 'an id that does not start with a letter', edits: [['      - id: OPN-2', '      - id: 2-OPN\n#           ^^^^^ type-mismatch']] },
    { name: 'a root that is a list is one finding at line 0', all: true, text: '- strategy: x\n#< type-mismatch\n- objectives: y\n' },
    { name: 'a root that is a scalar', all: true, text: '# dgs-strategy\njust text\n#! type-mismatch\n' },
    { name: 'a root that is a written null', all: true, text: '~\n#! type-mismatch\n' },
    { name: 'a section written as null is present and empty', edits: [['  procurement:\n    summary: Digital technologies are bought well.\n    measures:\n      - id: PRC-1\n        title: Agile procurement rules\n        addresses: [11]\n        lead: Public Procurement Agency\n        indicators:\n          - { name: Contracts under the new rules, baseline: 0, target: 60%, by: 2030 }\n', '  procurement: ~\n']] },
    { name: 'a valid strategy has none', edits: [] },
  ],
  'missing-field': [
    { name: 'a strategy field', edits: [['  government: Republic of Testland\n', ''], ['strategy:\n', 'strategy:\n#< missing-field\n']] },
    { name: 'a period year', edits: [['  period: { from: 2026, to: 2030 }', '  period: { from: 2026 }\n# ^^^^^^ missing-field']] },
    { name: 'a measure field, at the measure\'s first line', edits: [['        title: Transparency act update\n', ''], ['      - id: OPN-2\n', '      - id: OPN-2\n#       ^^ missing-field\n']] },
    { name: 'an indicator target', edits: [['          - { name: Act adopted, baseline: 0, target: yes, by: 2030 }', '          - { name: Act adopted }\n#           ^ missing-field']] },
    {
      name: 'an empty file has the strategy and three parts missing, all at line 0',
      all: true,
      text: '#! missing-field, missing-section, missing-section, missing-section\n',
    },
    { name: 'a file of comments only', all: true, text: '# dgs-strategy\n# nothing yet\n#! missing-field, missing-section, missing-section, missing-section\n' },
    { name: 'a present key with no value is present', edits: [['  title: Digital Government Strategy 2026-2030', '  title:']] },
    { name: 'a mistyped value is not also missing', edits: [['  lead: Ministry of Digital Affairs', '  lead: [Ministry of Digital Affairs]']] },
  ],
  'missing-section': [
    { name: 'an absent section, at its part\'s key', edits: [['  procurement:\n    summary: Digital technologies are bought well.\n    measures:\n      - id: PRC-1\n        title: Agile procurement rules\n        addresses: [11]\n        lead: Public Procurement Agency\n        indicators:\n          - { name: Contracts under the new rules, baseline: 0, target: 60%, by: 2030 }\n', ''], ['implementation:\n', 'implementation:\n#< missing-section\n']] },
    { name: 'an absent part is one finding at the start of the file', all: true, text: CLEAN.slice(0, CLEAN.indexOf('development:')).replace('# dgs-strategy\n', '# dgs-strategy\n#! missing-section\n') + CLEAN.slice(CLEAN.indexOf('implementation:')).replace(/addresses: \[\d+(\.[ivx]+)?(, \d+\.[ivx]+)*\]/g, (match) => match) },
    { name: 'an empty part is a finding per section', edits: [['development:\n', 'development:\n#< missing-section, missing-section, missing-section, missing-section\nx-development:\n']] },
  ],
  'empty-section': [
    { name: 'no summary', edits: [['    summary: Stakeholders take part in designing services.\n', ''], ['  engagement:\n', '  engagement:\n# ^^^^^^^^^^ empty-section\n']] },
    { name: 'an empty list of measures', all: true, edits: [['    summary: We learn with other governments.\n    measures:\n      - id: INT-1\n        title: Cross-border services\n        addresses: [8]\n        lead: Ministry of Foreign Affairs\n        indicators:\n          - { name: Cross-border services, baseline: 0, target: 10, by: 2030 }\n', '    summary: We learn with other governments.\n    measures: []\n'], ['  international-cooperation:\n', '  international-cooperation:\n# ^^^^^^^^^^^^^^^^^^^^^^^^^ empty-section, clause-not-addressed\n']] },
    { name: 'a section with no value', edits: [['  procurement:\n    summary: Digital technologies are bought well.\n    measures:\n      - id: PRC-1\n        title: Agile procurement rules\n        addresses: [11]\n        lead: Public Procurement Agency\n        indicators:\n          - { name: Contracts under the new rules, baseline: 0, target: 60%, by: 2030 }\n', '  procurement:\n# ^^^^^^^^^^^ empty-section\n']] },
    { name: 'a placeholder summary is placeholder-text only', edits: [['    summary: The strategy has political backing.', '    summary: TODO']] },
    { name: 'every clause declared not applicable with a reason: no measure needed', all: true, edits: [['    summary: We learn with other governments.\n    measures:\n      - id: INT-1\n        title: Cross-border services\n        addresses: [8]\n        lead: Ministry of Foreign Affairs\n        indicators:\n          - { name: Cross-border services, baseline: 0, target: 10, by: 2030 }\n', '    summary: We learn with other governments.\n    not-applicable:\n      - clause: 8\n        reason: Foreign affairs handle it in the national trade strategy.\n']] },
    {
      name: 'a declaration with a placeholder reason does not excuse the section from its measures',
      all: true,
      edits: [['    summary: We learn with other governments.\n    measures:\n      - id: INT-1\n        title: Cross-border services\n        addresses: [8]\n        lead: Ministry of Foreign Affairs\n        indicators:\n          - { name: Cross-border services, baseline: 0, target: 10, by: 2030 }\n', '    summary: We learn with other governments.\n    not-applicable:\n      - clause: 8\n        reason: to be confirmed\n#               ^^^^^^^^^^^^^^^ placeholder-text\n'], ['  international-cooperation:\n', '  international-cooperation:\n# ^^^^^^^^^^^^^^^^^^^^^^^^^ empty-section\n']],
    },
  ],
  'placeholder-text': [
    { name: 'TODO in a summary', edits: [['    summary: The strategy has political backing.', '    summary: TODO say who backs it\n#            ^^^^ placeholder-text']] },
    { name: 'an empty title', edits: [['        title: Business case method', '        title: ""\n#              ^^ placeholder-text']] },
    { name: 'TBD as a lead', edits: [['        lead: Ministry of Foreign Affairs', '        lead: tbd\n#             ^^^ placeholder-text']] },
    { name: 'lorem ipsum', edits: [['    summary: Every large project has a business case.', '    summary: Lorem ipsum dolor sit amet.\n#            ^^^^^ placeholder-text']] },
    { name: 'an ellipsis', edits: [['        title: Project portfolio office', '        title: ...\n#              ^^^ placeholder-text']] },
    { name: 'a stakeholder', edits: [['          stakeholders: [service owners, disability organisations]', '          stakeholders: [service owners, FIXME]\n#                                        ^^^^^ placeholder-text']] },
    { name: 'TBC in any case', edits: [['        lead: Ministry of Foreign Affairs', '        lead: Tbc\n#             ^^^ placeholder-text']] },
    { name: 'to be confirmed', edits: [['    summary: The strategy has political backing.', '    summary: Backing to be confirmed by cabinet.\n#            ^^^^^^^ placeholder-text']] },
    { name: 'an [insert …] marker', edits: [['        title: Project portfolio office', '        title: "[Insert name of office]"\n#              ^^^^^^^^^^^^^^^^^^^^^^^^^ placeholder-text']] },
    { name: 'n/a as the whole value', edits: [['        lead: Ministry of Foreign Affairs', '        lead: n/a\n#             ^^^ placeholder-text']] },
    { name: 'a question mark as the whole value', edits: [['        lead: Ministry of Foreign Affairs', '        lead: "?"\n#             ^^^ placeholder-text']] },
    { name: 'Spanish and Portuguese todo is text', edits: [['    summary: The strategy has political backing.', '    summary: Todo el gobierno; todo o governo; n/a-free prose; what? nothing.']] },
    { name: 'words that only contain the letters are fine', edits: [['    summary: The strategy has political backing.', '    summary: Todos los ministerios; the toolbox of XXXL projects; 3.5... no, 3.6 million.']] },
  ],
  'unknown-clause': [
    { name: 'a clause beyond the recommendation\'s', edits: [['        addresses: [1.i, 1.iii]', '        addresses: [1.i, 1.iii, 1.iv]\n#                               ^^^^ unknown-clause']] },
    { name: 'a recommendation that does not exist', edits: [['        addresses: [5]', '        addresses: [5, 13]\n#                      ^^ unknown-clause']] },
    { name: 'the wrong part numeral', edits: [['        addresses: [II.1.ii]', '        addresses: [II.1.ii, III.1.i]\n#                            ^^^^^^^ unknown-clause']] },
    { name: 'a sub-clause of a recommendation without any', edits: [['        addresses: [4]', '        addresses: [4, 4.i]\n#                      ^^^ unknown-clause']] },
    { name: 'not a reference at all', edits: [['        addresses: [8]', '        addresses: [8, "article 8"]\n#                      ^^^^^^^^^^^ unknown-clause']] },
    { name: 'the right numeral is fine', edits: [['        addresses: [8]', '        addresses: [8, III.8, IV.10.v]']] },
  ],
  'clause-too-broad': [
    { name: 'a recommendation with sub-clauses', edits: [['        addresses: [5]', '        addresses: [5, 6]\n#                      ^ clause-too-broad']] },
    { name: 'a recommendation without sub-clauses is a unit', edits: [] },
  ],
  'clause-not-addressed': [
    { name: 'one finding per unit, at the section key', edits: [['        addresses: [6.i, 6.ii, 6.iii, 6.iv]', '        addresses: [6.i, 6.iii]'], ['  coherence:\n', '  coherence:\n# ^^^^^^^^^ clause-not-addressed, clause-not-addressed\n']] },
    { name: 'a measure anywhere may address a clause', edits: [['        addresses: [6.i, 6.ii, 6.iii, 6.iv]', '        addresses: [6.i, 6.iii]'], ['        addresses: [5]', '        addresses: [5, 6.ii, 6.iv]']] },
    { name: 'a broad or unknown reference covers nothing', edits: [['        addresses: [12.i, 12.ii]', '        addresses: [12, 12.iii]'], ['  legal-frameworks:\n', '  legal-frameworks:\n# ^^^^^^^^^^^^^^^^ clause-not-addressed, clause-not-addressed\n']] },
    {
      name: 'a clause declared not applicable with a reason is not reported',
      all: true,
      edits: [['        addresses: [12.i, 12.ii]', '        addresses: [12.i]'], ['    summary: Laws let digital opportunities be seized.\n', '    summary: Laws let digital opportunities be seized.\n    not-applicable:\n      - clause: 12.ii\n        reason: The region assesses new legislation.\n']],
    },
    {
      name: 'a declaration whose reason is still a placeholder: the placeholder is reported, not the clause',
      all: true,
      edits: [
        ['        addresses: [12.i, 12.ii]', '        addresses: [12.i]'],
        ['    summary: Laws let digital opportunities be seized.\n', '    summary: Laws let digital opportunities be seized.\n    not-applicable:\n      - clause: 12.ii\n        reason: TBC\n#               ^^^ placeholder-text\n'],
      ],
    },
    {
      name: 'a declaration without a reason: the missing reason is reported, not the clause',
      all: true,
      edits: [
        ['        addresses: [12.i, 12.ii]', '        addresses: [12.i]'],
        ['    summary: Laws let digital opportunities be seized.\n', '    summary: Laws let digital opportunities be seized.\n    not-applicable:\n      - clause: 12.ii\n#       ^^^^^^ missing-field\n'],
      ],
    },
  ],
  'duplicate-id': [
    { name: 'every occurrence after the first', edits: [['      - id: ENG-1', '      - id: OPN-1\n#           ^^^^^ duplicate-id'], ['      - id: DAT-1', '      - id: OPN-1\n#           ^^^^^ duplicate-id']] },
    { name: 'a measure with a duplicated id still counts for coverage', all: true, edits: [['      - id: ENG-1', '      - id: OPN-1\n#           ^^^^^ duplicate-id']] },
  ],
  'unknown-reference': [
    { name: 'an id no measure has', edits: [['        depends-on: [OPN-1]', '        depends-on: [OPN-1, OPN-9]\n#                           ^^^^^ unknown-reference']] },
  ],
  'dependency-cycle': [
    { name: 'two measures, at the first one\'s depends-on', edits: [['        title: Transparency act update\n', '        title: Transparency act update\n        depends-on: [DAT-1]\n#       ^^^^^^^^^^ dependency-cycle\n'], ['        depends-on: [OPN-1]', '        depends-on: [OPN-2]']] },
    { name: 'a measure that depends on itself', edits: [['        depends-on: [OPN-1]', '        depends-on: [DAT-1]\n#       ^^^^^^^^^^ dependency-cycle']] },
    { name: 'a chain is not a cycle', edits: [['        title: Transparency act update\n', '        title: Transparency act update\n        depends-on: [OPN-1]\n']] },
  ],
  'missing-lead': [
    { name: 'at the measure\'s first line', edits: [['        lead: Ministry of Justice\n        indicators:\n          - { name: Act adopted', '        indicators:\n          - { name: Act adopted'], ['      - id: OPN-2\n', '      - id: OPN-2\n#       ^^ missing-lead\n']] },
  ],
  'missing-indicator': [
    { name: 'at the measure\'s first line', edits: [['        indicators:\n          - { name: Bills checked, baseline: 0, target: 100%, by: 2030 }\n', ''], ['      - id: LEG-1\n', '      - id: LEG-1\n#       ^^ missing-indicator\n']] },
    { name: 'an empty list is no indicator', edits: [['        indicators:\n          - { name: Bills checked, baseline: 0, target: 100%, by: 2030 }\n', '        indicators: []\n'], ['      - id: LEG-1\n', '      - id: LEG-1\n#       ^^ missing-indicator\n']] },
  ],
  'business-case-required': [
    { name: 'a budget at the threshold without a business case', edits: [['        business-case:\n          value: Fewer assisted-channel contacts.\n          stakeholders: [service owners, disability organisations]\n', ''], ['        budget: { amount: 4500000, currency: EUR }\n', '        budget: { amount: 1000000, currency: EUR }\n#       ^^^^^^ business-case-required\n']] },
    { name: 'reported at the budget key', edits: [['        business-case:\n          value: Fewer assisted-channel contacts.\n          stakeholders: [service owners, disability organisations]\n', ''], ['        budget: { amount: 4500000, currency: EUR }\n', '        budget: { amount: 4500000, currency: EUR }\n#       ^^^^^^ business-case-required\n']] },
    { name: 'another currency is not compared', edits: [['        business-case:\n          value: Fewer assisted-channel contacts.\n          stakeholders: [service owners, disability organisations]\n', ''], ['currency: EUR }\n        indicators', 'currency: USD }\n        indicators']] },
    { name: 'below the threshold', edits: [['        business-case:\n          value: Fewer assisted-channel contacts.\n          stakeholders: [service owners, disability organisations]\n', ''], ['        budget: { amount: 4500000', '        budget: { amount: 999999']] },
  ],
  'business-case-stakeholders': [
    { name: 'no stakeholders', edits: [['          stakeholders: [service owners, disability organisations]\n', ''], ['        business-case:\n', '        business-case:\n#       ^^^^^^^^^^^^^ business-case-stakeholders\n']] },
    { name: 'an empty list', edits: [['          stakeholders: [service owners, disability organisations]\n', '          stakeholders: []\n'], ['        business-case:\n', '        business-case:\n#       ^^^^^^^^^^^^^ business-case-stakeholders\n']] },
  ],
  'invalid-date': [
    { name: 'a month that does not exist', all: true, edits: [['        due: 2027-06', '        due: 2027-13\n#            ^^^^^^^ invalid-date']] },
    { name: 'a day that does not exist', edits: [['        due: 2027-06', '        due: 2027-02-30\n#            ^^^^^^^^^^ invalid-date']] },
    { name: 'words', edits: [['        due: 2027-06', '        due: June 2027\n#            ^^^^^^^^^ invalid-date']] },
    { name: 'a malformed date is not compared with the period', all: true, edits: [['        due: 2027-06', '        due: 2040-6\n#            ^^^^^^ invalid-date']] },
    { name: 'a year, a month and a leap day are dates', edits: [['        due: 2027-06', '        due: 2028-02-29'], ['          - { name: Act adopted, baseline: 0, target: yes, by: 2030 }', '          - { name: Act adopted, target: yes, by: 2028 }']] },
  ],
  'due-outside-period': [
    { name: 'a due date after the period', edits: [['        due: 2027-06', '        due: 2031-01\n#            ^^^^^^^ due-outside-period']] },
    { name: 'an indicator date before it', edits: [['          - { name: Act adopted, baseline: 0, target: yes, by: 2030 }', '          - { name: Act adopted, target: yes, by: 2025 }\n#                                                 ^^^^ due-outside-period']] },
    { name: 'not checked while the period is invalid', edits: [['  period: { from: 2026, to: 2030 }', '  period: { from: 2031, to: 2026 }']] },
    { name: 'the period\'s years are included', edits: [['        due: 2027-06', '        due: 2030-12-31'], ['          - { name: Act adopted, baseline: 0, target: yes, by: 2030 }', '          - { name: Act adopted, target: yes, by: 2026-01 }']] },
  ],
  'period-order': [
    { name: 'from after to, at the period key', all: true, edits: [['  period: { from: 2026, to: 2030 }', '  period: { from: 2031, to: 2026 }\n# ^^^^^^ period-order']] },
  ],
  'not-applicable-addressed': [
    {
      name: 'a clause declared not applicable that a measure addresses, at the clause',
      edits: [['    summary: Laws let digital opportunities be seized.\n', '    summary: Laws let digital opportunities be seized.\n    not-applicable:\n      - clause: 12.ii\n#               ^^^^^ not-applicable-addressed\n        reason: The region assesses new legislation.\n']],
    },
    {
      name: 'not when only a dropped measure names it',
      edits: [
        ['        addresses: [12.i, 12.ii]', '        addresses: [12.i]'],
        ['    summary: Laws let digital opportunities be seized.\n', '    summary: Laws let digital opportunities be seized.\n    not-applicable:\n      - clause: 12.ii\n        reason: The region assesses new legislation.\n'],
        ['      - id: LEG-1\n', '      - id: LEG-9\n        title: Old assessment plan\n        addresses: [12.ii]\n        status: dropped\n      - id: LEG-1\n'],
      ],
    },
  ],
  'business-case-currency': [
    { name: 'a budget in another currency than the threshold, at the currency', edits: [['        budget: { amount: 4500000, currency: EUR }', '        budget: { amount: 4500000, currency: USD }\n#                                            ^^^ business-case-currency']] },
    { name: 'no threshold, nothing to compare', edits: [['  business-case-threshold: { amount: 1000000, currency: EUR }\n', '  x-no-threshold: true\n'], ['        budget: { amount: 4500000, currency: EUR }', '        budget: { amount: 4500000, currency: USD }']] },
  ],
  'business-case-threshold-missing': [
    { name: 'budgets without a threshold, once, at the strategy key', edits: [['  business-case-threshold: { amount: 1000000, currency: EUR }\n', ''], ['strategy:\n', 'strategy:\n#< business-case-threshold-missing\n']] },
    { name: 'no budget, no threshold needed', edits: [['  business-case-threshold: { amount: 1000000, currency: EUR }\n', ''], ['        budget: { amount: 4500000, currency: EUR }\n', '']] },
  ],
  'indicator-incomplete': [
    { name: 'no baseline and no date, at the indicator', edits: [['          - { name: Bills checked, baseline: 0, target: 100%, by: 2030 }', '          - { name: Bills checked, target: 100% }\n#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ indicator-incomplete']] },
    { name: 'a block indicator without a date', edits: [['          - { name: Bills checked, baseline: 0, target: 100%, by: 2030 }', '          - name: Bills checked\n#           ^^^^^^^^^^^^^^^^^^^ indicator-incomplete\n            baseline: 0\n            target: 100%']] },
  ],
  'dependency-order': [
    { name: 'depends on a measure due later, at the reference', edits: [['        depends-on: [OPN-1]', '        due: 2026-12\n        depends-on: [OPN-1]\n#                    ^^^^^ dependency-order']] },
    { name: 'the same year is not later than a month of it', edits: [['        depends-on: [OPN-1]', '        due: 2027\n        depends-on: [OPN-1]']] },
    { name: 'an undated measure is not compared', edits: [] },
  ],
  'text-cut-by-comment': [
    { name: 'a # right after the text', edits: [['    summary: Digital technologies are bought well.', '    summary: Action plan #3: digital first\n#                        ^ text-cut-by-comment']] },
    { name: 'a # with no space after', edits: [['        lead: Public Procurement Agency', '        lead: Office of the CIO  #digital\n#                                ^ text-cut-by-comment']] },
    { name: 'a deliberate comment is fine', edits: [['        lead: Public Procurement Agency', '        lead: Public Procurement Agency  # to confirm']] },
    { name: 'a quoted text is fine', edits: [['    summary: Digital technologies are bought well.', '    summary: "Action plan #3: digital first"']] },
  ],
  'text-split-by-comma': [
    {
      name: 'an amount split in a flow mapping, at the second fragment',
      edits: [['          - { name: Bills checked, baseline: 0, target: 100%, by: 2030 }', '          - { name: Projects above EUR 500, 000 with a business case, baseline: 0, target: 80%, by: 2030 }\n#                                           ^^^^^^^^^^^^^^^^^^^^^^^^ text-split-by-comma']],
    },
    { name: 'a lower-case continuation in a list', edits: [['          stakeholders: [service owners, disability organisations]', '          stakeholders: [Ministry of Health, including its agencies]\n#                                            ^^^^^^^^^^^^^^^^^^^^^ text-split-by-comma']] },
    { name: 'a list of lower-case names is a list', edits: [] },
  ],
  'adopted-without-date': [
    { name: 'adopted without adopted-on, at the status value', all: true, edits: [['  adopted-on: 2026-03-01\n', ''], ['  status: adopted', '  status: adopted\n#         ^^^^^^^ adopted-without-date']] },
    { name: 'a draft needs no date', edits: [['  adopted-on: 2026-03-01\n', ''], ['  status: adopted', '  status: draft']] },
  ],
  'clause-mismatch': [
    {
      name: 'a clause the measure says nothing about, at the reference',
      all: true,
      edits: [
        [
          '        title: Inter-ministerial digital board\n        addresses: [5]',
          '        title: Inter-ministerial digital board\n        description: Ministers meet quarterly to set the priorities of the digital agenda.\n        addresses: [5, 12.ii]\n#                      ^^^^^ clause-mismatch',
        ],
      ],
    },
    {
      name: 'not for a clause the text speaks of, nor for a text that says too little',
      edits: [
        ['        title: Inter-ministerial digital board\n        addresses: [5]', '        title: Inter-ministerial digital board\n        description: Ministers meet quarterly to set the priorities of the digital agenda.\n        addresses: [5]'],
        ['        title: Digital spending controls\n        addresses: [7.i, 7.ii]', '        title: Digital spending controls\n        addresses: [7.i, 7.ii, 12.ii]'],
      ],
    },
  ],
};

describe('rules', () => {
  it('the clean strategy has no finding of any severity, and covers all 26 units', () => {
    assert.deepStrictEqual(actualFindings(CLEAN, schema), []);
  });

  it('every rule of the registry has a table of cases here', () => {
    assert.deepStrictEqual(Object.keys(CASES).sort(), RULES.map((rule) => rule.id).sort());
  });

  for (const [rule, cases] of Object.entries(CASES)) {
    describe(rule, () => {
      for (const testCase of cases) it(testCase.name, () => check(rule, testCase));
    });
  }
});
