/**
 * `dgs check --format sarif` writes SARIF 2.1.0 that validates against the standard's JSON
 * schema, as shipped in the @microsoft/jest-sarif package (no network at test time), and
 * says the same as the JSON output: one result per finding, at the same places.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { REPO_ROOT } from '../helpers/paths';


const ROOT = REPO_ROOT;
const DGS = path.join(ROOT, 'bin', 'dgs.js');
const SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index?: number }; region: SarifRegion } }>;
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string }> } };
    artifacts?: Array<{ location: { uri: string } }>;
    results: SarifResult[];
  }>;
}
interface JsonReport {
  files: Array<{
    path: string;
    diagnostics: Array<{ rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
  }>;
}

function validator(): ValidateFunction {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as { $schema: string };
  assert.strictEqual(schema.$schema, 'http://json-schema.org/draft-04/schema#', 'the schema is draft-04, which ajv-draft-04 reads');
  // The schema's `language` pattern has a lone `]` that is only valid without the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 10)
    .map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`)
    .join('\n');
}

function dgs(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [DGS, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SEVERITY_TO_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };

describe('SARIF output', function () {
  this.timeout(120_000);
  const validate = validator();
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-sarif-'));
    fs.mkdirSync(path.join(folder, 'strategies', 'région'), { recursive: true });
    for (const name of ['national.strategy.yaml', 'draft.strategy.yaml', 'regional.strategy.yaml']) {
      fs.copyFileSync(path.join(ROOT, 'examples', name), path.join(folder, 'strategies', name));
    }
    fs.writeFileSync(path.join(folder, 'strategies', 'broken.strategy.yaml'), '# dgs-strategy\nstrategy:\n  title: [unclosed\n  lead: x\n');
    fs.writeFileSync(path.join(folder, 'strategies', 'empty.strategy.yaml'), '');
    fs.writeFileSync(
      path.join(folder, 'strategies', 'région', 'stratégie numérique.strategy.yaml'),
      '# dgs-strategy\nstrategy:\n  title: "Stratégie numérique — 2026 😀"\n  government: Région\n  level: regional\n  period: { from: 2026, to: 2030 }\n  status: adopted\n  lead: Conseil régional\n',
    );
  });

  after(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const cases: Array<{ name: string; files: string[]; status: number; results: 'none' | 'some' }> = [
    { name: 'a clean strategy', files: ['strategies/national.strategy.yaml'], status: 0, results: 'none' },
    { name: 'a draft with errors and warnings', files: ['strategies/draft.strategy.yaml'], status: 1, results: 'some' },
    { name: 'broken YAML', files: ['strategies/broken.strategy.yaml'], status: 1, results: 'some' },
    { name: 'an empty file', files: ['strategies/empty.strategy.yaml'], status: 1, results: 'some' },
    { name: 'a path with accents and spaces, and emoji in the text (warnings only)', files: ['strategies/région/stratégie numérique.strategy.yaml'], status: 0, results: 'some' },
    { name: 'a whole folder', files: ['strategies/'], status: 1, results: 'some' },
  ];

  for (const testCase of cases) {
    it(`validates against the SARIF 2.1.0 schema: ${testCase.name}`, () => {
      const run = dgs(['check', '--format', 'sarif', ...testCase.files], folder);
      assert.strictEqual(run.status, testCase.status, run.stderr);
      const log = JSON.parse(run.stdout) as SarifLog;
      assert.ok(validate(log), describeErrors(validate.errors));
      assert.strictEqual(log.version, '2.1.0');
      assert.strictEqual(log.runs.length, 1);
      const results = log.runs[0].results;
      assert.ok(testCase.results === 'none' ? results.length === 0 : results.length > 0, `${results.length} results`);
    });
  }

  it('says what the JSON output says: the same findings, at the same places, with rules the run describes', () => {
    const files = ['strategies/'];
    const sarif = JSON.parse(dgs(['check', '--format', 'sarif', ...files], folder).stdout) as SarifLog;
    const json = JSON.parse(dgs(['check', '--format', 'json', ...files], folder).stdout) as JsonReport;
    const run = sarif.runs[0];
    const fromSarif = run.results.map((result) => {
      const location = result.locations[0].physicalLocation;
      assert.ok(result.ruleIndex === undefined || run.tool.driver.rules[result.ruleIndex].id === result.ruleId, `ruleIndex of ${result.ruleId}`);
      return `${decodeURIComponent(location.artifactLocation.uri)}:${location.region.startLine}:${location.region.startColumn} ${result.level} ${result.ruleId} ${result.message.text}`;
    });
    const fromJson = json.files.flatMap((file) =>
      file.diagnostics.map(
        (diagnostic) =>
          `${file.path.split(path.sep).join('/')}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${SEVERITY_TO_LEVEL[diagnostic.severity]} ${diagnostic.rule} ${diagnostic.message}`,
      ),
    );
    assert.ok(fromJson.length > 10);
    assert.deepStrictEqual([...fromSarif].sort(), [...fromJson].sort());
    assert.ok(run.results.some((result) => decodeURIComponent(result.locations[0].physicalLocation.artifactLocation.uri) === 'strategies/région/stratégie numérique.strategy.yaml'));
  });

  it('writes a valid log to --output, as the CI workflow in docs/ci.md does', () => {
    const output = path.join(folder, 'dgs.sarif');
    const run = dgs(['check', '--format', 'sarif', '--output', output, 'strategies/'], folder);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.strictEqual(run.stdout, '');
    const log = JSON.parse(fs.readFileSync(output, 'utf8')) as SarifLog;
    assert.ok(validate(log), describeErrors(validate.errors));
  });

  it('rejects what is not SARIF 2.1.0, so that the validation above means something', () => {
    const log = JSON.parse(dgs(['check', '--format', 'sarif', 'strategies/draft.strategy.yaml'], folder).stdout) as SarifLog;
    const broken: Array<[string, (copy: SarifLog) => void]> = [
      ['a wrong version', (copy) => (copy.version = '2.0.0')],
      ['a result without a message', (copy) => delete (copy.runs[0].results[0] as Partial<SarifResult>).message],
      ['an unknown level', (copy) => (copy.runs[0].results[0].level = 'fatal')],
      ['a region starting at line 0', (copy) => (copy.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0)],
      ['a run without a tool', (copy) => delete (copy.runs[0] as Partial<SarifLog['runs'][number]>).tool],
    ];
    for (const [name, change] of broken) {
      const copy = JSON.parse(JSON.stringify(log)) as SarifLog;
      change(copy);
      assert.strictEqual(validate(copy), false, name);
    }
  });
});
