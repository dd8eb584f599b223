/** `dgs suggest`: the clauses each measure's text supports, as text and as JSON. */
import * as assert from 'assert';
import { removeFolder, runDgs, SUITE_TIMEOUT_MS, tempFolder } from './helpers';

const PLAN = `# dgs-strategy
strategy: { title: Plan, government: Testland, level: local, period: { from: 2026, to: 2030 }, status: draft, lead: City Hall }
implementation:
  procurement:
    summary: How the city buys technology.
    measures:
      - id: PRO-1
        title: Agile procurement of cloud services
        description: Framework agreements with suppliers.
        addresses: [11]
      - id: PRO-2
        title: TODO name the measure
        addresses: [11]
`;

describe('dgs suggest', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;
  before(() => {
    folder = tempFolder({ 'plan.strategy.yaml': PLAN, 'copy.strategy.yaml': PLAN });
  });
  after(() => removeFolder(folder));

  it('json: per file and measure, at most five suggestions, best first, each with clause, score and evidence', () => {
    const result = runDgs(['suggest', 'plan.strategy.yaml', 'copy.strategy.yaml', '--format', 'json'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepStrictEqual(Object.keys(report), ['files']);
    assert.deepStrictEqual(report.files.map((file: { path: string }) => file.path), ['plan.strategy.yaml', 'copy.strategy.yaml']);
    const [first, placeholder] = report.files[0].measures;
    assert.strictEqual(first.id, 'PRO-1');
    assert.deepStrictEqual(Object.keys(first.suggestions[0]), ['clause', 'score', 'evidence']);
    assert.strictEqual(first.suggestions[0].clause, '11');
    assert.ok(first.suggestions[0].evidence.includes('Agile procurement'));
    assert.ok(first.suggestions.length <= 5);
    const scores = first.suggestions.map((suggestion: { score: number }) => suggestion.score);
    assert.deepStrictEqual(scores, [...scores].sort((a, b) => b - a));
    assert.deepStrictEqual(placeholder, { id: 'PRO-2', suggestions: [] });
  });

  it('text: one line per measure, and says so when no clause stands out', () => {
    const result = runDgs(['suggest', 'plan.strategy.yaml'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.match(result.stdout, /^plan\.strategy\.yaml\n {2}PRO-1: 11 \(\d+\.\d: "Agile procurement"/);
    assert.match(result.stdout, /\n {2}PRO-2: no clause stands out\n/);
  });

  it('is in the help, and fails with exit 2 without a file or with an unreadable one', () => {
    assert.match(runDgs(['--help'], folder).stdout, /suggest FILE\.\.\./);
    assert.match(runDgs(['suggest', '--help'], folder).stdout, /^Usage: dgs suggest FILE\.\.\./);
    assert.strictEqual(runDgs(['suggest'], folder).status, 2);
    assert.strictEqual(runDgs(['suggest', 'missing.strategy.yaml'], folder).status, 2);
  });
});
