/**
 * The editor knows `not-applicable` (spec §7.2): completion offers the key with a snippet, a
 * whole entry on a new item, and only the section's own clauses not yet declared; hover
 * explains the key and its fields, and on a declared clause gives its text verbatim and how
 * it counts, a placeholder reason included. Fixtures mark the cursor with `$0`.
 */
import * as assert from 'assert';
import { analyze } from '../../server/src/core/analyze';
import { completeAt } from '../../server/src/features/completion';
import { hoverAt } from '../../server/src/features/hover';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { lines } from './fixHelpers';

const schema = loadDefaultSchema();

function atCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('$0');
  assert.ok(offset >= 0, 'the fixture marks the cursor with $0');
  return { text: marked.slice(0, offset) + marked.slice(offset + 2), offset };
}

function completions(marked: string): Array<{ label: string; insert: string }> {
  const { text, offset } = atCursor(marked);
  return completeAt(analyze(text, schema), offset).map((entry) => ({ label: entry.label, insert: entry.insert.plain }));
}

function hover(marked: string): string {
  const { text, offset } = atCursor(marked);
  const result = hoverAt(analyze(text, schema), offset);
  assert.ok(result, 'a hover');
  return result.contents;
}

const LEGAL = (notApplicable: string[], cursorLine?: string): string =>
  lines(
    '# dgs-strategy',
    'implementation:',
    '  legal-frameworks:',
    '    summary: The city has no legislative power.',
    ...(cursorLine !== undefined ? [cursorLine] : []),
    ...notApplicable,
    '    measures:',
    '      - id: LEG-1',
    '        title: Review of the by-laws',
    '        addresses: [12.i]',
  );

describe('not-applicable in the editor', () => {
  it('completion offers the key in a section, with a snippet for the first clause not addressed, its reason to write', () => {
    const offered = completions(LEGAL([], '    $0'));
    const key = offered.find((entry) => entry.label === 'not-applicable');
    assert.deepStrictEqual(key?.insert, 'not-applicable:\n      - ');
    const snippet = offered.find((entry) => entry.label === 'not-applicable (template)');
    assert.deepStrictEqual(snippet?.insert, 'not-applicable:\n      - clause: 12.ii\n        reason: TODO say why clause 12.ii does not apply to this strategy');
  });

  it('completion offers a whole entry on a new item of the list', () => {
    const offered = completions(LEGAL(['    not-applicable:', '      - clause: 12.ii', '        reason: The region assesses new legislation.', '      $0']));
    assert.deepStrictEqual(offered.map((entry) => entry.insert), ['- clause: 12.i\n        reason: TODO say why clause 12.i does not apply to this strategy']);
  });

  it('completion of a declared clause offers only the section\'s own clauses not declared yet', () => {
    assert.deepStrictEqual(completions(LEGAL(['    not-applicable:', '      - clause: $0'])).map((entry) => entry.label), ['12.i', '12.ii']);
    const second = LEGAL(['    not-applicable:', '      - clause: 12.ii', '        reason: The region assesses new legislation.', '      - clause: $0']);
    assert.deepStrictEqual(completions(second).map((entry) => entry.label), ['12.i']);
  });

  it('completion in a measure\'s addresses still offers every clause', () => {
    const text = LEGAL([]).replace('addresses: [12.i]', 'addresses: [12.i, $0]');
    assert.strictEqual(completions(text).length, schema.units.length - 1);
  });

  it('hover on the key and its fields says what they are for', () => {
    assert.match(hover(LEGAL(['    not-$0applicable:', '      - clause: 12.ii', '        reason: The region does it.'])), /Clauses of this section that do not apply to this strategy, each with the reason/);
    assert.match(hover(LEGAL(['    not-applicable:', '      - clause: 12.ii', '        rea$0son: The region does it.'])), /Why the clause does not apply to this strategy/);
  });

  it('hover on a declared clause: its text verbatim, and that it counts as not applicable', () => {
    const text = hover(LEGAL(['    not-applicable:', '      - clause: 12.i$0i', '        reason: The region assesses new legislation.']));
    assert.ok(text.includes("including assessment of the implications of new legislations on governments' digital needs as part of the regulatory impact assessment process."), text);
    assert.ok(text.includes('**Declared not applicable.** Coverage: not applicable: The region assesses new legislation.'), text);
  });

  it('hover on a clause declared with a placeholder reason: it still counts as not addressed', () => {
    const text = hover(LEGAL(['    not-applicable:', '      - clause: 12.i$0i', '        reason: TBC']));
    assert.ok(text.includes('Coverage: not addressed (declared not applicable, but the declaration has only a placeholder for its reason ("TBC"): the clause counts as not addressed until the reason is written)'), text);
  });
});
