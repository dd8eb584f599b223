/** `dgs import`: a document in, a strategy file out that dgs check reads; no overwriting by accident. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { buildDocx } from '../import/docxFixture';
import { errorLines, removeFolder, runDgs, SUITE_TIMEOUT_MS, tempFolder, writeFiles } from './helpers';

const MARKDOWN = `# Digital Riverton 2025–2028

City of Riverton. Draft.

## Open services

- **Accessible forms.** Led by the Web Team, by Q4 2026. Budget: EUR 850,000.
- **Help points in libraries.** Lead: Community Services. By June 2026.

## Foreword

A word from the Mayor.
`;

describe('dgs import', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;
  beforeEach(() => {
    folder = tempFolder({ 'plan.md': MARKDOWN, 'plan.txt': MARKDOWN.replace(/[#*]/g, ''), 'notes.pdf': 'not a document dgs reads' });
  });
  afterEach(() => removeFolder(folder));

  it('writes the strategy file named by --output, says what it found, and dgs check reads it', () => {
    const result = runDgs(['import', 'plan.md', '--output', 'riverton.strategy.yaml'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Wrote riverton\.strategy\.yaml: /);
    assert.match(result.stdout, /Next: dgs check riverton\.strategy\.yaml/);
    const text = fs.readFileSync(path.join(folder, 'riverton.strategy.yaml'), 'utf8');
    assert.strictEqual(text.split('\n')[0], '# dgs-strategy');
    const data = parse(text);
    assert.strictEqual(data.strategy.government, 'City of Riverton');
    assert.strictEqual(data.strategy.status, 'draft');
    assert.ok(JSON.stringify(data).includes('Accessible forms'));
    const check = runDgs(['check', 'riverton.strategy.yaml', '--format', 'json'], folder);
    const rules = new Set<string>(JSON.parse(check.stdout).files[0].diagnostics.map((finding: { rule: string }) => finding.rule));
    assert.ok(!rules.has('yaml-syntax') && !rules.has('unknown-key'), [...rules].join(', '));
  });

  it('reads text and Word documents too', async () => {
    writeFiles(folder, { 'plan.docx': await buildDocx('title: Digital Riverton 2025–2028\nh1: Open services\nul: **Accessible forms.** Led by the Web Team, by Q4 2026.\n') });
    for (const name of ['plan.txt', 'plan.docx']) {
      const result = runDgs(['import', name], folder);
      assert.strictEqual(result.status, 0, result.stderr);
      assert.strictEqual(parse(result.stdout).strategy.title, 'Digital Riverton 2025–2028', name);
    }
  });

  it('without --output, the strategy goes to standard output', () => {
    const result = runDgs(['import', 'plan.md'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.match(result.stdout, /^# dgs-strategy\n/);
    assert.deepStrictEqual(fs.readdirSync(folder).sort(), ['notes.pdf', 'plan.md', 'plan.txt']);
  });

  it('leaves an existing file alone unless --force', () => {
    writeFiles(folder, { 'mine.strategy.yaml': 'kept\n' });
    const refused = runDgs(['import', 'plan.md', '-o', 'mine.strategy.yaml'], folder);
    assert.strictEqual(refused.status, 2);
    assert.deepStrictEqual(errorLines(refused), ['dgs import: mine.strategy.yaml already exists; it was left unchanged (use --force to overwrite it)']);
    assert.strictEqual(fs.readFileSync(path.join(folder, 'mine.strategy.yaml'), 'utf8'), 'kept\n');
    assert.strictEqual(runDgs(['import', 'plan.md', '-o', 'mine.strategy.yaml', '--force'], folder).status, 0);
    assert.match(fs.readFileSync(path.join(folder, 'mine.strategy.yaml'), 'utf8'), /^# dgs-strategy/);
  });

  it('says which formats it reads, and that a broken Word file cannot be read (exit 2)', () => {
    const pdf = runDgs(['import', 'notes.pdf'], folder);
    assert.strictEqual(pdf.status, 2);
    assert.match(pdf.stderr, /dgs reads Word \(\.docx\), Markdown \(\.md\) and text \(\.txt\) documents/);
    writeFiles(folder, { 'broken.docx': 'this is not a zip file' });
    const broken = runDgs(['import', 'broken.docx'], folder);
    assert.strictEqual(broken.status, 2);
    assert.match(broken.stderr, /^dgs import: cannot read broken\.docx as a Word document: /);
    const missing = runDgs(['import', 'absent.md'], folder);
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /cannot read absent\.md: no such file or folder/);
  });

  it('has its help', () => {
    const result = runDgs(['import', '--help'], folder);
    assert.strictEqual(result.status, 0);
    assert.match(result.stdout, /^Usage: dgs import DOCUMENT \[options\]/);
  });
});
