/** `.dgs.yaml` as the command line reads it: severities, off, patterns, and a broken file. */
import * as assert from 'assert';
import { CLEAN, errorLines, removeFolder, runDgs, SUITE_TIMEOUT_MS, tempFolder } from './helpers';

// One measure without lead (missing-lead, warning) and one without indicators (missing-indicator, info).
const FINDINGS = CLEAN.replace(', lead: Agency for Digitisation, indicators: [{ name: Accessible services, baseline: 0, target: 90%, by: 2030 }] }', ' }');

interface JsonOutput {
  files: { path: string; diagnostics: { rule: string; severity: string }[] }[];
}

function diagnostics(stdout: string): { rule: string; severity: string }[] {
  return (JSON.parse(stdout) as JsonOutput).files.flatMap((file) => file.diagnostics.map(({ rule, severity }) => ({ rule, severity })));
}

describe('dgs check: .dgs.yaml', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;
  before(() => {
    folder = tempFolder({
      'default/plan.strategy.yaml': FINDINGS,
      'strict/.dgs.yaml': 'rules:\n  missing-lead: error\n  missing-indicator: off\n',
      'strict/nested/plan.strategy.yaml': FINDINGS,
      'patterns/.dgs.yaml': 'files: ["plans/*.yaml"]\n',
      'patterns/plans/first.yaml': CLEAN,
      'patterns/plans/second.strategy.yaml': CLEAN,
      'patterns/elsewhere/third.yaml': CLEAN,
      'broken/.dgs.yaml': 'rules:\n  missing-leed: off\n',
      'broken/plan.strategy.yaml': CLEAN,
      'unparsable/.dgs.yaml': 'rules: [missing-lead\n',
      'unparsable/plan.strategy.yaml': CLEAN,
      'badschema/.dgs.yaml': 'schema: ./no-such-schema.yaml\n',
      'badschema/plan.strategy.yaml': CLEAN,
    });
  });
  after(() => removeFolder(folder));

  it('without configuration, the default severities apply', () => {
    const result = runDgs(['check', 'default/plan.strategy.yaml', '--format', 'json'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.deepStrictEqual(diagnostics(result.stdout), [
      { rule: 'missing-lead', severity: 'warning' },
      { rule: 'missing-indicator', severity: 'info' },
    ]);
  });

  it('the nearest .dgs.yaml above the file changes a severity and turns a rule off', () => {
    const result = runDgs(['check', 'strict/nested/plan.strategy.yaml', '--format', 'json'], folder);
    assert.strictEqual(result.status, 1, 'missing-lead is now an error');
    assert.deepStrictEqual(diagnostics(result.stdout), [{ rule: 'missing-lead', severity: 'error' }]);
    assert.strictEqual(result.stderr, '');
  });

  it('the text output shows the configured severity', () => {
    const result = runDgs(['check', 'strict'], folder);
    assert.match(result.stdout, /^strict\/nested\/plan\.strategy\.yaml:13:\d+: error missing-lead: /m);
    assert.match(result.stdout, /^1 error, 0 warnings, 0 notes in 1 file$/m);
  });

  it('a folder is searched with the configuration\'s files patterns, relative to its folder', () => {
    const result = runDgs(['check', 'patterns', '--format', 'json'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.deepStrictEqual(
      (JSON.parse(result.stdout) as JsonOutput).files.map((file) => file.path),
      ['patterns/plans/first.yaml', 'patterns/plans/second.strategy.yaml'],
    );
  });

  const broken: [string, string, RegExp][] = [
    ['an unknown rule', 'broken', /^broken\/\.dgs\.yaml:2:3: unknown rule "missing-leed"; did you mean "missing-lead"\?$/],
    ['YAML that does not parse', 'unparsable', /^unparsable\/\.dgs\.yaml:\d+:\d+: \S/],
    // A schema that cannot be read is reported where .dgs.yaml names it.
    ['a schema file that does not exist', 'badschema', /^badschema\/\.dgs\.yaml:1:9: the schema file \S*no-such-schema\.yaml does not exist; the bundled OECD schema is used$/],
  ];
  for (const [what, name, line] of broken) {
    it(`a .dgs.yaml with ${what} is exit 2 with one line naming the file and line`, () => {
      const result = runDgs(['check', `${name}/plan.strategy.yaml`], folder);
      assert.strictEqual(result.status, 2);
      const lines = errorLines(result);
      assert.strictEqual(lines.length, 1, result.stderr);
      assert.match(lines[0], line);
      // The file is still checked, with the settings that could be read.
      assert.match(result.stdout, /in 1 file$/m);
    });
  }

  it('the same broken configuration is reported once for many files', () => {
    const result = runDgs(['check', 'broken', 'broken/plan.strategy.yaml'], folder);
    assert.strictEqual(result.status, 2);
    assert.strictEqual(errorLines(result).length, 1, result.stderr);
  });
});
