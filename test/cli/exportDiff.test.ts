/** `dgs export` and `dgs diff` as a user runs them: the real program, real files, a real git repository. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as mammoth from 'mammoth';
import * as path from 'path';
import { CLEAN, errorLines, removeFolder, runDgs, SUITE_TIMEOUT_MS, tempFolder } from './helpers';

function git(folder: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: folder, encoding: 'utf8' });
  assert.strictEqual(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
}

describe('dgs export and dgs diff', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;

  beforeEach(() => {
    folder = tempFolder({ 'city.strategy.yaml': CLEAN });
  });
  afterEach(() => removeFolder(folder));

  it('writes a Word document that reads back with its headings and measures', async () => {
    const result = runDgs(['export', 'city.strategy.yaml', '--format', 'docx', '--output', 'city.docx'], folder, { SOURCE_DATE_EPOCH: '1780000000' });
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(result.stdout, '');
    const bytes = fs.readFileSync(path.join(folder, 'city.docx'));
    assert.strictEqual(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip package');
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    assert.match(html, /<h1>(<a id="[^"]+"><\/a>)?Part II\. Objectives of the strategy<\/h1>/);
    assert.match(html, /<h3>(<a id="[^"]+"><\/a>)?OPN-1  Accessibility standard<\/h3>/);
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    assert.match(text, /Date of this document\s+2026-05-28/, 'SOURCE_DATE_EPOCH fixes the date');
  });

  it('writes an Excel workbook of both tables, the same bytes on every run', () => {
    const first = runDgs(['export', 'city.strategy.yaml', '--format', 'xlsx', '--output', 'city.xlsx'], folder, { SOURCE_DATE_EPOCH: '1780000000' });
    assert.strictEqual(first.status, 0, first.stderr);
    assert.strictEqual(first.stdout, '');
    const bytes = fs.readFileSync(path.join(folder, 'city.xlsx'));
    assert.strictEqual(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'a zip package');
    const text = bytes.toString('utf8');
    assert.ok(text.includes('<sheet name="Measures" sheetId="1" r:id="rId1"/><sheet name="Clauses" sheetId="2" r:id="rId2"/>'));
    assert.ok(text.includes('<t>Accessibility standard</t>'), 'a measure title, in the stored (uncompressed) sheet');
    const again = runDgs(['export', 'city.strategy.yaml', '--format', 'xlsx', '--output', 'again.xlsx'], folder, { SOURCE_DATE_EPOCH: '1780000000' });
    assert.strictEqual(again.status, 0, again.stderr);
    assert.ok(fs.readFileSync(path.join(folder, 'again.xlsx')).equals(bytes));
  });

  it('writes CSV to standard output, measures by default and clauses on request', () => {
    const measures = runDgs(['export', 'city.strategy.yaml', '-f', 'csv'], folder);
    assert.strictEqual(measures.status, 0, measures.stderr);
    const lines = measures.stdout.split('\r\n');
    assert.strictEqual(lines[0], '\ufeffSection,Recommendation,Id,Title,Lead,Due,Budget amount,Currency,Business case,Status,Clauses');
    assert.strictEqual(lines[1], 'openness,1,OPN-1,Accessibility standard,Agency for Digitisation,,,,no,,1.i 1.ii 1.iii');
    assert.strictEqual(lines.length, 1 + 12 + 1);
    const clauses = runDgs(['export', 'city.strategy.yaml', '--format=csv', '--table', 'clauses', '--output', 'clauses.csv'], folder);
    assert.strictEqual(clauses.status, 0, clauses.stderr);
    const written = fs.readFileSync(path.join(folder, 'clauses.csv'), 'utf8');
    assert.ok(written.startsWith('\ufeffClause,Recommendation,Section,Text,Status,Measures\r\n1.i,1,openness,"adopting open and inclusive processes,'));
    assert.strictEqual(written.split('\r\n').length, 1 + 26 + 1);
  });

  it('explains a wrong use in one line, with exit status 2', () => {
    const cases: Array<[string[], RegExp]> = [
      [['export', 'city.strategy.yaml'], /^dgs export: say which document to make with --format \(docx, xlsx, csv\)$/],
      [['export', 'city.strategy.yaml', '-f', 'docx'], /^dgs export: a Word document is not text: name the file to write with --output/],
      [['export', 'city.strategy.yaml', '-f', 'docx', '-t', 'clauses', '-o', 'x.docx'], /^dgs export: --table chooses the table of a CSV export/],
      [['export', 'city.strategy.yaml', '-f', 'xlsx'], /^dgs export: a workbook is not text: name the file to write with --output/],
      [['export', 'city.strategy.yaml', '-f', 'xlsx', '-t', 'clauses', '-o', 'x.xlsx'], /^dgs export: --table chooses the table of a CSV export; a workbook holds both$/],
      [['export', 'city.strategy.yaml', '-f', 'pdf'], /^dgs export: the option -f must be one of docx, xlsx, csv, not "pdf"$/],
      [['export', 'missing.strategy.yaml', '-f', 'csv'], /^dgs export: cannot read missing\.strategy\.yaml: no such file or folder$/],
      [['diff', 'city.strategy.yaml'], /^dgs diff: name the old and the new version/],
      [['diff', 'git:HEAD:city.strategy.yaml', 'city.strategy.yaml'], /^dgs diff: cannot read git:HEAD:city\.strategy\.yaml: /],
    ];
    for (const [args, message] of cases) {
      const result = runDgs(args, folder);
      assert.strictEqual(result.status, 2, args.join(' '));
      assert.deepStrictEqual(errorLines(result).length, 1, result.stderr);
      assert.match(errorLines(result)[0], message);
    }
  });

  it('compares two files, and a committed version read with git:REV:PATH', () => {
    git(folder, 'init', '-q');
    fs.mkdirSync(path.join(folder, 'strategies'));
    fs.renameSync(path.join(folder, 'city.strategy.yaml'), path.join(folder, 'strategies', 'city.strategy.yaml'));
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'first draft');
    const changed = CLEAN.replace('title: Peer reviews, addresses: [8]', 'title: Peer reviews with neighbours, addresses: [8], status: planned').replace(
      '      - { id: PRC-1, title: Agile procurement rules, addresses: [11], lead: Procurement Agency, indicators: [{ name: Agile contracts, baseline: 0, target: 30, by: 2030 }] }\n',
      '',
    );
    assert.notStrictEqual(changed, CLEAN);
    fs.writeFileSync(path.join(folder, 'strategies', 'city.strategy.yaml'), changed);
    const sub = path.join(folder, 'strategies');
    const json = runDgs(['diff', 'git:HEAD:city.strategy.yaml', 'city.strategy.yaml', '--format', 'json'], sub);
    assert.strictEqual(json.status, 0, json.stderr);
    const result = JSON.parse(json.stdout);
    assert.strictEqual(result.before.file, 'git:HEAD:city.strategy.yaml');
    assert.deepStrictEqual(result.measures.removed.map((measure: { id: string }) => measure.id), ['PRC-1']);
    assert.deepStrictEqual(result.measures.changed, [
      { id: 'INT-1', title: 'Peer reviews with neighbours', renamed: { before: 'Peer reviews', after: 'Peer reviews with neighbours' }, status: { after: 'planned' } },
    ]);
    assert.deepStrictEqual(result.clauses.map((change: { ref: string; kind: string }) => [change.ref, change.kind]), [['11', 'lost']]);
    assert.deepStrictEqual(result.findings.introduced.map((finding: { rule: string }) => finding.rule).sort(), ['clause-not-addressed', 'empty-section']);

    const markdown = runDgs(['diff', 'git:HEAD:strategies/city.strategy.yaml', 'strategies/city.strategy.yaml', '-f', 'markdown'], folder);
    assert.strictEqual(markdown.status, 0, markdown.stderr);
    assert.match(markdown.stdout, /^## Strategy changes: Digital Government Strategy 2026-2030\n/);
    assert.match(markdown.stdout, /### Clauses no longer addressed \(1\)\n\n- \*\*11\*\*: addressed → not addressed \(was \*\*PRC-1\*\*\)/);

    const unknown = runDgs(['diff', 'git:no-such-branch:city.strategy.yaml', 'city.strategy.yaml'], sub);
    assert.strictEqual(unknown.status, 2);
    assert.match(unknown.stderr, /^dgs diff: cannot read git:no-such-branch:city\.strategy\.yaml: /);
  });
});
