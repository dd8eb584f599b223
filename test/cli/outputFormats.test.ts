/** The text, JSON and SARIF output of `dgs check`: shape and exact places, from the real program. */
import * as assert from 'assert';
import { removeFolder, runDgs, SUITE_TIMEOUT_MS, tempFolder } from './helpers';

// Line numbers (0-based) are on the right; the emoji on line 16 is two UTF-16 code units.
const SMALL = `strategy:
  title: Plan
  government: Examplia
  level: federal
  period: { from: 2026, to: 2030 }
  status: draft
  lead: Ministry
objectives:
  openness:
    summary: Open government.
    measures:
      - id: OPN-1
        title: Open data
        addresses: [1.i, 1.iv]
        lead: Agency
        indicators: [{ name: Datasets, baseline: 0, target: 100, by: 2030 }]
      - { id: OPN-2, title: "🙂", addresses: [1.v], lead: Agency, indicators: [{ name: Smiles, baseline: 0, target: 1, by: 2030 }] }
`;

type Place = [string, string, number, number, number, number];

/** [rule, severity, start line, start character, end line, end character], 0-based, in output order. */
const EXPECTED: Place[] = [
  ['missing-section', 'warning', 0, 0, 0, 9],
  ['missing-section', 'warning', 0, 0, 0, 9],
  ['type-mismatch', 'error', 3, 9, 3, 16],
  ['missing-section', 'warning', 7, 0, 7, 10],
  ['missing-section', 'warning', 7, 0, 7, 10],
  ['missing-section', 'warning', 7, 0, 7, 10],
  ['clause-not-addressed', 'warning', 8, 2, 8, 10],
  ['clause-not-addressed', 'warning', 8, 2, 8, 10],
  ['unknown-clause', 'error', 13, 25, 13, 29],
  ['unknown-clause', 'error', 16, 46, 16, 49],
];

interface JsonPosition {
  line: number;
  character: number;
}
interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: JsonPosition; end: JsonPosition };
}
interface JsonOutput {
  files: { path: string; diagnostics: JsonDiagnostic[]; coverage: { addressed: string[]; missing: string[] } }[];
}

describe('dgs check: output formats', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;
  before(() => {
    folder = tempFolder({ 'small.strategy.yaml': SMALL, 'sub/dup.strategy.yaml': SMALL.replace('id: OPN-1', 'id: OPN-2') });
  });
  after(() => removeFolder(folder));

  it('json: the shape of the specification, with 0-based LSP positions', () => {
    const result = runDgs(['check', 'small.strategy.yaml', '--format', 'json'], folder);
    assert.strictEqual(result.status, 1);
    const output = JSON.parse(result.stdout) as JsonOutput;
    assert.deepStrictEqual(Object.keys(output), ['files']);
    assert.strictEqual(output.files.length, 1);
    const [file] = output.files;
    assert.deepStrictEqual(Object.keys(file), ['path', 'diagnostics', 'coverage']);
    assert.strictEqual(file.path, 'small.strategy.yaml');
    const places = file.diagnostics.map((d): Place => [d.rule, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
    assert.deepStrictEqual(places, EXPECTED);
    for (const diagnostic of file.diagnostics) {
      assert.deepStrictEqual(Object.keys(diagnostic), ['rule', 'severity', 'message', 'range']);
      assert.ok(diagnostic.message.length > 0);
    }
    assert.match(file.diagnostics[2].message, /federal/);
    assert.match(file.diagnostics[8].message, /1\.iv/);
    assert.deepStrictEqual(file.coverage.addressed, ['1.i']);
    assert.strictEqual(file.coverage.missing.length, 25);
    assert.deepStrictEqual(file.coverage.missing.slice(0, 3), ['1.ii', '1.iii', '2.i']);
  });

  it('json: related places are given for a duplicated id', () => {
    const result = runDgs(['check', 'sub/dup.strategy.yaml', '--format', 'json'], folder);
    const output = JSON.parse(result.stdout) as { files: { path: string; diagnostics: (JsonDiagnostic & { related?: unknown[] })[] }[] };
    assert.strictEqual(output.files[0].path, 'sub/dup.strategy.yaml');
    const duplicate = output.files[0].diagnostics.find((d) => d.rule === 'duplicate-id');
    assert.ok(duplicate, 'a duplicate-id finding');
    assert.deepStrictEqual(duplicate.range, { start: { line: 16, character: 14 }, end: { line: 16, character: 19 } });
  });

  it('text: one line per finding with 1-based line and column, then coverage and summary', () => {
    const result = runDgs(['check', 'small.strategy.yaml'], folder);
    assert.strictEqual(result.status, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.strictEqual(lines.length, EXPECTED.length + 2);
    EXPECTED.forEach(([rule, severity, line, character], index) => {
      const prefix = `small.strategy.yaml:${line + 1}:${character + 1}: ${severity} ${rule}: `;
      assert.ok(lines[index].startsWith(prefix), `${lines[index]} starts with ${prefix}`);
    });
    assert.strictEqual(lines[EXPECTED.length], `small.strategy.yaml: coverage 1/26 clauses addressed; missing: ${['1.ii', '1.iii', '2.i', '2.ii', '3.i', '3.ii', '4', '5', '6.i', '6.ii', '6.iii', '6.iv', '7.i', '7.ii', '8', '9.i', '9.ii', '10.i', '10.ii', '10.iii', '10.iv', '10.v', '11', '12.i', '12.ii'].join(', ')}`);
    assert.strictEqual(lines[EXPECTED.length + 1], '3 errors, 7 warnings, 0 notes in 1 file');
    assert.doesNotMatch(result.stdout, /\x1b\[/, 'no colour when not a terminal');
  });

  it('text: no colour even when FORCE-like variables are set, since stdout is a pipe', () => {
    const result = runDgs(['check', 'small.strategy.yaml'], folder, { NO_COLOR: undefined, FORCE_COLOR: '1' });
    assert.doesNotMatch(result.stdout, /\x1b\[/);
  });

  it('sarif: SARIF 2.1.0 with every rule and 1-based regions', () => {
    const result = runDgs(['check', 'small.strategy.yaml', '--format', 'sarif'], folder);
    assert.strictEqual(result.status, 1);
    const log = JSON.parse(result.stdout);
    assert.strictEqual(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.strictEqual(log.version, '2.1.0');
    assert.strictEqual(log.runs.length, 1);
    const [run] = log.runs;
    const driver = run.tool.driver;
    assert.strictEqual(driver.name, 'dgs');
    assert.strictEqual(driver.version, require('../../../package.json').version);
    assert.match(driver.informationUri, /^https:\/\//);

    const { RULES, ruleDocUrl } = require('../../server/src/core/rules') as typeof import('../../server/src/core/rules');
    assert.strictEqual(driver.rules.length, RULES.length);
    assert.deepStrictEqual(driver.rules.map((rule: { id: string }) => rule.id), RULES.map((rule) => rule.id));
    const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };
    driver.rules.forEach((descriptor: Record<string, any>, index: number) => {
      const rule = RULES[index];
      assert.strictEqual(descriptor.shortDescription.text, rule.description);
      assert.ok(descriptor.fullDescription.text.startsWith(rule.description));
      assert.strictEqual(descriptor.helpUri, ruleDocUrl(rule.id));
      assert.strictEqual(descriptor.defaultConfiguration.level, levels[rule.severity]);
      assert.strictEqual(descriptor.properties.clause, rule.clause);
    });
    const missingLead = driver.rules.find((descriptor: { id: string }) => descriptor.id === 'missing-lead');
    assert.match(missingLead.fullDescription.text, /7\.i/);

    assert.strictEqual(run.artifacts.length, 1);
    assert.strictEqual(run.artifacts[0].location.uri, 'small.strategy.yaml');
    assert.strictEqual(run.results.length, EXPECTED.length);
    run.results.forEach((result: Record<string, any>, index: number) => {
      const [rule, severity, line, character, endLine, endCharacter] = EXPECTED[index];
      assert.strictEqual(result.ruleId, rule);
      assert.strictEqual(result.ruleIndex, RULES.findIndex((candidate) => candidate.id === rule));
      assert.strictEqual(result.level, levels[severity]);
      assert.ok(result.message.text.length > 0);
      const location = result.locations[0].physicalLocation;
      assert.strictEqual(location.artifactLocation.uri, 'small.strategy.yaml');
      assert.deepStrictEqual(location.region, { startLine: line + 1, startColumn: character + 1, endLine: endLine + 1, endColumn: endCharacter + 1 });
    });
  });

  it('sarif: paths in sub-folders use forward slashes, relative to the working folder', () => {
    const result = runDgs(['check', 'sub', '--format', 'sarif'], folder);
    const log = JSON.parse(result.stdout);
    assert.strictEqual(log.runs[0].artifacts[0].location.uri, 'sub/dup.strategy.yaml');
    assert.ok(log.runs[0].results.every((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === 'sub/dup.strategy.yaml'));
  });
});
