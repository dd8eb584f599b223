/**
 * Coverage a reviewer can trust, through the real `dgs` program: on the city's and the
 * nation's drafts (test/helpers/trustFixtures.ts), `dgs check --format json` gives exactly
 * the findings written in the fixtures, at their places, with the documented coverage lists,
 * and `dgs coverage --format json` the documented status of every clause; the text output
 * says the same coverage in words.
 */
import * as assert from 'assert';
import { RULES } from '../../server/src/core/rules';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { describe as describeExpected } from '../helpers/annotations';
import { expectedLists, statusOf, TRUST_FIXTURES, unsaidMessages } from '../helpers/trustFixtures';
import { removeFolder, runDgs, SUITE_TIMEOUT_MS, tempFolder } from './helpers';

const refs = loadDefaultSchema().units.map((unit) => unit.ref);

interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number } };
}

describe('coverage a reviewer can trust, through dgs check and dgs coverage', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;
  before(() => {
    folder = tempFolder(Object.fromEntries(TRUST_FIXTURES.map((fixture) => [fixture.name, fixture.text])));
  });
  after(() => removeFolder(folder));

  for (const fixture of TRUST_FIXTURES) {
    describe(fixture.name, () => {
      it('dgs check --format json: exactly the findings of the fixture, the messages it documents, and the coverage lists', () => {
        const result = runDgs(['check', fixture.name, '--format', 'json'], folder);
        // The check fails on an error (the nation's invalid dates, amount, clause), not on warnings (the city).
        const errors = fixture.findings.filter((finding) => RULES.find((rule) => rule.id === finding.rule)?.severity === 'error');
        assert.strictEqual(result.status, errors.length > 0 ? 1 : 0, result.stderr);
        const [file] = JSON.parse(result.stdout).files as Array<{ diagnostics: JsonDiagnostic[]; coverage: Record<string, string[]> }>;
        const actual = file.diagnostics.map((diagnostic) => `${diagnostic.rule}@${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`).sort();
        assert.deepStrictEqual(actual, describeExpected(fixture.findings));
        assert.deepStrictEqual(unsaidMessages(fixture, file.diagnostics), []);
        assert.ok(file.diagnostics.every((diagnostic) => !diagnostic.message.includes('`')), 'no backticks');
        const { addressed, addressedStrict, weak, notApplicable, missing } = file.coverage;
        assert.deepStrictEqual({ addressed, addressedStrict, weak, notApplicable, missing }, expectedLists(fixture, refs));
      });

      it('dgs coverage --format json: every clause with its documented status', () => {
        const result = runDgs(['coverage', fixture.name, '--format', 'json'], folder);
        assert.strictEqual(result.status, 0, result.stderr);
        const report = JSON.parse(result.stdout) as { units: Array<{ ref: string; status: string }>; weak: string[]; notApplicable: string[]; missing: string[] };
        assert.deepStrictEqual(
          report.units.map((unit) => [unit.ref, unit.status]),
          refs.map((ref) => [ref, statusOf(fixture, ref)]),
        );
        const lists = expectedLists(fixture, refs);
        assert.deepStrictEqual([report.weak, report.notApplicable, report.missing], [lists.weak, lists.notApplicable, lists.missing]);
      });

      it('dgs check: the coverage line counts what is addressed, says which are weak, not applicable and missing', () => {
        const lists = expectedLists(fixture, refs);
        const result = runDgs(['check', fixture.name], folder);
        const line = result.stdout.split('\n').find((text) => text.startsWith(`${fixture.name}: coverage`));
        assert.ok(line, result.stdout);
        assert.ok(line.includes(`coverage ${lists.addressed.length}/26 clauses addressed (${lists.weak.length} without a lead or an indicator with a target: ${lists.weak.join(', ')})`), line);
        assert.ok(line.includes(`${lists.notApplicable.length} not applicable: ${lists.notApplicable.join(', ')}`), line);
        assert.ok(line.endsWith(`missing: ${lists.missing.join(', ')}`), line);
      });
    });
  }
});
