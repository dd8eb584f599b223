/** `dgs init`: a complete skeleton with no error, and no overwriting by accident. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/core/analyze';
import { renderSkeleton } from '../../server/src/core/skeleton';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { errorLines, removeFolder, runDgs, SUITE_TIMEOUT_MS, tempFolder } from './helpers';

describe('dgs init', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => removeFolder(folder));

  it('writes national.strategy.yaml: every part and section, no error, only placeholders to fill', () => {
    const result = runDgs(['init'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Wrote national\.strategy\.yaml/);
    const text = fs.readFileSync(path.join(folder, 'national.strategy.yaml'), 'utf8');
    assert.strictEqual(text.split('\n')[0], '# dgs-strategy');

    const schema = loadDefaultSchema();
    const analysis = analyze(text, schema);
    assert.deepStrictEqual(analysis.findings.filter((finding) => finding.severity === 'error'), []);
    const rules = new Set(analysis.findings.map((finding) => finding.rule));
    assert.deepStrictEqual([...rules].sort(), ['clause-not-addressed', 'placeholder-text']);
    assert.deepStrictEqual(analysis.model.parts.map((part) => part.part.key), schema.parts.map((part) => part.key));
    assert.deepStrictEqual(analysis.model.sections.map((section) => section.recommendation.section), schema.recommendations.map((r) => r.section));
    // The skeleton addresses nothing until the drafter writes the measures: 0 of 26.
    assert.strictEqual(analysis.coverage.addressed.length, 0);
    assert.strictEqual(analysis.coverage.missing.length, schema.units.length);
    const ids = analysis.model.measures.map((measure) => measure.id?.text);
    assert.strictEqual(new Set(ids).size, schema.recommendations.length, 'one measure per section, ids unique');
    assert.ok(analysis.model.strategy?.period, 'a valid period');
  });

  it('the skeleton passes dgs check (warnings only), and fails with --max-warnings 0', () => {
    runDgs(['init', 'plan.strategy.yaml'], folder);
    const check = runDgs(['check', 'plan.strategy.yaml'], folder);
    assert.strictEqual(check.status, 0, check.stdout);
    assert.match(check.stdout, /^0 errors, \d+ warnings, 0 notes in 1 file$/m);
    assert.strictEqual(runDgs(['check', 'plan.strategy.yaml', '--max-warnings', '0'], folder).status, 1);
  });

  it('takes --level, --government, --from and --to, and its skeleton addresses 0 of 26 clauses', () => {
    const written = runDgs(['init', 'city.strategy.yaml', '--level', 'local', '--government', 'City of Examplia: Digital', '--from', '2027', '--to', '2030'], folder);
    assert.strictEqual(written.status, 0, written.stderr);
    const text = fs.readFileSync(path.join(folder, 'city.strategy.yaml'), 'utf8');
    const strategy = analyze(text, loadDefaultSchema()).model.strategy!;
    assert.deepStrictEqual([strategy.entries.get('level')?.value.scalar, strategy.entries.get('government')?.value.scalar, strategy.period], ['local', 'City of Examplia: Digital', { keySpan: strategy.period!.keySpan, from: 2027, to: 2030 }]);
    const check = JSON.parse(runDgs(['check', 'city.strategy.yaml', '--format', 'json'], folder).stdout);
    assert.deepStrictEqual([check.files[0].coverage.addressed.length, check.files[0].coverage.missing.length], [0, 26]);
    const coverage = JSON.parse(runDgs(['coverage', 'city.strategy.yaml', '--format', 'json'], folder).stdout);
    assert.deepStrictEqual([coverage.summary.addressed, coverage.summary.total], [0, 26]);
    assert.strictEqual(runDgs(['init', 'bad.strategy.yaml', '--from', '2030', '--to', '2026'], folder).status, 2);
    assert.strictEqual(runDgs(['init', 'bad.strategy.yaml', '--level', 'federal'], folder).status, 2);
  });

  it('refuses to overwrite a file, and --force overwrites it', () => {
    const target = path.join(folder, 'national.strategy.yaml');
    fs.writeFileSync(target, 'my draft\n');
    const refused = runDgs(['init'], folder);
    assert.strictEqual(refused.status, 2);
    assert.deepStrictEqual(errorLines(refused), ['dgs init: national.strategy.yaml already exists; it was left unchanged (use --force to overwrite it)']);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'my draft\n');

    const forced = runDgs(['init', '--force'], folder);
    assert.strictEqual(forced.status, 0, forced.stderr);
    assert.match(fs.readFileSync(target, 'utf8'), /^# dgs-strategy\n/);
  });

  it('writes to the file named, and is exit 2 when its folder does not exist', () => {
    assert.strictEqual(runDgs(['init', 'regional.strategy.yaml'], folder).status, 0);
    assert.ok(fs.existsSync(path.join(folder, 'regional.strategy.yaml')));
    const missing = runDgs(['init', 'no/such/folder/plan.strategy.yaml'], folder);
    assert.strictEqual(missing.status, 2);
    assert.deepStrictEqual(errorLines(missing), ['dgs init: cannot write no/such/folder/plan.strategy.yaml: no such file or folder']);
  });

  it('the skeleton is built from the schema: every section template and id prefix appears', () => {
    const schema = loadDefaultSchema();
    const text = renderSkeleton(schema, 2030);
    for (const recommendation of schema.recommendations) {
      assert.ok(text.includes(`  ${recommendation.section}:\n`), recommendation.section);
      assert.ok(text.includes(`- id: ${recommendation.idPrefix}-1\n`), recommendation.idPrefix);
    }
    assert.match(text, /period:\n {4}from: 2030\n {4}to: 2034\n/);
  });
});
