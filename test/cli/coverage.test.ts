/** `dgs coverage`: the coverage matrix as JSON, and the reports. */
import * as assert from 'assert';
import { CLEAN, errorLines, removeFolder, runDgs, SUITE_TIMEOUT_MS, tempFolder } from './helpers';

// OPN-1 no longer addresses 1.iii, COH-1 also addresses 1.ii, and the measure of leadership (line 30) has no id.
const PARTIAL = CLEAN.replace('[1.i, 1.ii, 1.iii]', '[1.i, 1.ii]')
  .replace('[6.i, 6.ii, 6.iii, 6.iv]', '[6.i, 6.ii, 6.iii, 6.iv, 1.ii]')
  .replace('{ id: LEA-1, ', '{ ');

describe('dgs coverage', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;
  before(() => {
    folder = tempFolder({ 'plan.strategy.yaml': PARTIAL });
  });
  after(() => removeFolder(folder));

  it('json: addressed and missing units, each unit with its measures, and a summary', () => {
    const result = runDgs(['coverage', 'plan.strategy.yaml', '--format', 'json'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepStrictEqual(Object.keys(report), ['path', 'addressed', 'addressedStrict', 'weak', 'notApplicable', 'missing', 'units', 'summary', 'report']);
    // addressedStrict, weak, notApplicable and missing partition the 26 clauses (spec §7.1).
    assert.strictEqual(report.addressedStrict.length + report.weak.length + report.notApplicable.length + report.missing.length, 26);
    assert.deepStrictEqual(report.addressed, [...report.addressedStrict, ...report.weak].sort((a: string, b: string) => report.addressed.indexOf(a) - report.addressed.indexOf(b)));
    assert.strictEqual(report.path, 'plan.strategy.yaml');
    assert.deepStrictEqual(report.missing, ['1.iii']);
    assert.strictEqual(report.addressed.length, 25);
    assert.deepStrictEqual(report.summary, { addressed: 25, total: 26 });
    assert.strictEqual(report.units.length, 26);
    assert.deepStrictEqual(report.units[1], { ref: '1.ii', recommendation: 1, section: 'openness', addressed: true, status: 'addressed', measures: ['OPN-1', 'COH-1'] });
    assert.deepStrictEqual(report.units[2], { ref: '1.iii', recommendation: 1, section: 'openness', addressed: false, status: 'missing', measures: [] });
    assert.deepStrictEqual(report.units[8], { ref: '5', recommendation: 5, section: 'leadership', addressed: true, status: 'addressed', measures: ['(measure at line 30)'] });
    // The reviewer's figures: a status per recommendation, the clause texts, the measures.
    assert.strictEqual(report.report.summary.unitsAddressed, 25);
    const openness = report.report.parts[0].recommendations[0];
    assert.strictEqual(openness.status, 'partial');
    assert.strictEqual(openness.units[2].ref, '1.iii');
    assert.strictEqual(openness.units[2].status, 'none');
    assert.match(openness.units[2].text, /^taking steps to address existing "digital divides"/);
  });

  it('markdown is the default, and html is a page', () => {
    const markdown = runDgs(['coverage', 'plan.strategy.yaml'], folder);
    assert.strictEqual(markdown.status, 0, markdown.stderr);
    assert.match(markdown.stdout, /plan\.strategy\.yaml/);
    const html = runDgs(['coverage', 'plan.strategy.yaml', '--format', 'html'], folder);
    assert.strictEqual(html.status, 0, html.stderr);
    assert.match(html.stdout, /<!doctype html>/i);
  });

  it('is exit 2 for a missing file, a folder, or more than one file', () => {
    for (const args of [['missing.strategy.yaml'], ['.'], ['plan.strategy.yaml', 'plan.strategy.yaml'], []]) {
      const result = runDgs(['coverage', ...args], folder);
      assert.strictEqual(result.status, 2, args.join(' '));
      assert.strictEqual(errorLines(result).length, 1, result.stderr);
      assert.match(errorLines(result)[0], /^dgs coverage: /);
    }
  });
});
