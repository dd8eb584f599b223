/**
 * `dgs diff`'s core: pairs of versions of the examples, each edited in one known way, and the
 * change the diff must report (and nothing else).
 */
import * as assert from 'assert';
import { diffStrategies, isUnchanged, StrategyDiff } from '../../server/src/export/diff';
import { renderDiff } from '../../server/src/export/diffRender';
import { edited, exportData, measurePath, NATIONAL } from './exportFixtures';

function diff(before: string, after: string): StrategyDiff {
  return diffStrategies(exportData(before, 'old.strategy.yaml'), exportData(after, 'new.strategy.yaml'));
}

const CAP2 = measurePath(NATIONAL, 'CAP-2');
const OPN1 = measurePath(NATIONAL, 'OPN-1');
const OPN2 = measurePath(NATIONAL, 'OPN-2');
const INT2 = measurePath(NATIONAL, 'INT-2');

describe('diff between two versions of a strategy', () => {
  it('finds nothing between a version and itself', () => {
    const result = diff(NATIONAL, NATIONAL);
    assert.ok(isUnchanged(result));
    assert.match(renderDiff(result, 'text'), /Nothing changed in coverage, measures, budgets or findings\./);
  });

  it('reports a clause lost, and the measure re-scoped, when its only measure stops addressing it; the reverse gains it', () => {
    const after = edited(NATIONAL, [[[...CAP2, 'addresses'], ['10.i']]]);
    const lost = diff(NATIONAL, after);
    assert.deepStrictEqual(
      lost.clauses.map(({ ref, kind, before, after: now, measuresBefore }) => ({ ref, kind, before, after: now, measuresBefore })),
      [{ ref: '10.ii', kind: 'lost', before: 'addressed', after: 'missing', measuresBefore: ['CAP-2'] }],
    );
    assert.deepStrictEqual(lost.measures.changed, [{ id: 'CAP-2', title: 'National portfolio dashboard of digital initiatives', rescoped: { added: ['10.i'], removed: ['10.ii'] } }]);
    assert.deepStrictEqual(lost.before.unitsAddressed - lost.after.unitsAddressed, 1);
    // The lost clause is a new finding.
    assert.deepStrictEqual(lost.findings.introduced.map((finding) => finding.rule), ['clause-not-addressed']);
    assert.deepStrictEqual(lost.findings.fixed, []);

    const gained = diff(after, NATIONAL);
    assert.deepStrictEqual(gained.clauses.map(({ ref, kind }) => ({ ref, kind })), [{ ref: '10.ii', kind: 'gained' }]);
    assert.deepStrictEqual(gained.findings.fixed.map((finding) => finding.rule), ['clause-not-addressed']);
    assert.match(renderDiff(gained, 'text'), /Clauses newly addressed \(1\):\n  10\.ii: not addressed → addressed \(CAP-2\)/);
    assert.match(renderDiff(lost, 'text'), /Clauses no longer addressed \(1\):\n  10\.ii: addressed → not addressed \(was CAP-2\)/);
  });

  it('reports a measure added and removed, with its section and clauses', () => {
    const after = edited(NATIONAL, [[INT2, undefined]]);
    const removed = diff(NATIONAL, after);
    assert.deepStrictEqual(removed.measures.removed, [
      { id: 'INT-2', title: 'Peer learning and open-source sharing with other governments', section: 'international-cooperation', clauses: ['8', '6.iii'] },
    ]);
    assert.deepStrictEqual(removed.measures.added, []);
    assert.deepStrictEqual(removed.clauses, [], '6.iii and 8 have other measures');
    assert.deepStrictEqual(diff(after, NATIONAL).measures.added.map((measure) => measure.id), ['INT-2']);
    assert.match(renderDiff(removed, 'markdown'), /### Measures removed \(1\)\n\n- \*\*INT-2\*\* Peer learning and open-source sharing with other governments \(international-cooperation, addresses 8, 6\.iii\)/);
  });

  it('reports a renamed measure (same id, new title), a new status and a new budget, and the budget totals', () => {
    const after = edited(NATIONAL, [
      [[...OPN2, 'title'], 'Open government data by default'],
      [[...OPN2, 'status'], 'done'],
      [[...OPN1, 'budget', 'amount'], 5000000],
    ]);
    const result = diff(NATIONAL, after);
    assert.deepStrictEqual(result.measures.changed, [
      { id: 'OPN-1', title: 'Accessibility standard for all public digital services', budget: { before: { amount: 4500000, currency: 'EUR' }, after: { amount: 5000000, currency: 'EUR' } } },
      { id: 'OPN-2', title: 'Open government data by default', renamed: { before: 'Open government by default on open.examplia.gov', after: 'Open government data by default' }, status: { before: 'planned', after: 'done' } },
    ]);
    assert.deepStrictEqual(result.clauses, []);
    assert.strictEqual(result.budget.length, 1);
    assert.strictEqual(result.budget[0].currency, 'EUR');
    assert.strictEqual(result.budget[0].after - result.budget[0].before, 500000);
    const text = renderDiff(result, 'text');
    assert.match(text, /OPN-2: renamed from "Open government by default on open\.examplia\.gov" to "Open government data by default"/);
    assert.match(text, /OPN-2: status planned → done/);
    assert.match(text, /OPN-1: budget 4\u202f500\u202f000 EUR → 5\u202f000\u202f000 EUR/);
    assert.match(text, /EUR: [\d\u202f]+ → [\d\u202f]+ \(\+500\u202f000\)/);
    const markdown = renderDiff(result, 'markdown');
    assert.match(markdown, /\| EUR \| [\d\u202f]+ \| [\d\u202f]+ \| \+500\u202f000 \|/);
  });

  it('reports a clause that becomes weak, and the finding fixed and introduced, matched by rule and message rather than by line', () => {
    // ENG-3 alone addresses 2.ii; without its lead the clause is only weakly addressed.
    const ENG3 = measurePath(NATIONAL, 'ENG-3');
    const after = edited(`# a comment that moves every line down\n${NATIONAL}`, [[[...ENG3, 'lead'], undefined]]);
    const result = diff(NATIONAL, after);
    assert.deepStrictEqual(result.clauses.map(({ ref, kind, before, after: now }) => ({ ref, kind, before, after: now })), [{ ref: '2.ii', kind: 'changed', before: 'addressed', after: 'weak' }]);
    assert.deepStrictEqual(result.findings.introduced.map((finding) => finding.rule), ['missing-lead']);
    assert.deepStrictEqual(result.findings.fixed, []);
    assert.deepStrictEqual(diff(after, NATIONAL).findings.fixed.map((finding) => finding.rule), ['missing-lead']);
  });

  it('reports measures dropped, and a clause they addressed that the section now declares not applicable', () => {
    const INT1 = measurePath(NATIONAL, 'INT-1');
    const after = edited(NATIONAL, [
      [[...INT1, 'status'], 'dropped'],
      [[...INT2, 'status'], 'dropped'],
      [['development', 'international-cooperation', 'not-applicable'], [{ clause: '8', reason: 'Foreign relations are a federal matter.' }]],
    ]);
    const result = diff(NATIONAL, after);
    assert.deepStrictEqual(
      result.clauses.map(({ ref, kind, before, after: now, measuresBefore, measuresAfter }) => ({ ref, kind, before, after: now, measuresBefore, measuresAfter })),
      [{ ref: '8', kind: 'lost', before: 'addressed', after: 'not-applicable', measuresBefore: ['INT-1', 'INT-2'], measuresAfter: [] }],
    );
    assert.deepStrictEqual(
      result.measures.changed.map(({ id, status, rescoped }) => ({ id, status, rescoped })),
      [
        { id: 'INT-1', status: { before: 'planned', after: 'dropped' }, rescoped: undefined },
        { id: 'INT-2', status: { before: 'in-progress', after: 'dropped' }, rescoped: undefined },
      ],
    );
    assert.match(renderDiff(result, 'text'), /Clauses no longer addressed \(1\):\n  8: addressed → not applicable \(was INT-1, INT-2\)/);
  });

  it('renders JSON that reads back as the same diff', () => {
    const result = diff(NATIONAL, edited(NATIONAL, [[INT2, undefined]]));
    assert.deepStrictEqual(JSON.parse(renderDiff(result, 'json')), JSON.parse(JSON.stringify(result)));
  });
});
