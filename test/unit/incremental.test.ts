/**
 * The incremental analysis gives exactly the findings and coverage of a from-scratch
 * analysis, after every edit of random edit sequences over the example strategies.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analysis, analyze, ParseCache } from '../../server/src/analyze';
import { seededRandom } from '../../bench/generate';
import { loadDefaultSchema } from '../../server/src/schema/file';

const ROOT = path.join(__dirname, '..', '..', '..');
const schema = loadDefaultSchema();

function examples(): Array<[string, string]> {
  const files: Array<[string, string]> = [['clean fixture', fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'clean.strategy.yaml'), 'utf8')]];
  const folder = path.join(ROOT, 'examples');
  if (fs.existsSync(folder)) {
    for (const name of fs.readdirSync(folder).filter((file) => file.endsWith('.strategy.yaml')).sort()) {
      files.push([name, fs.readFileSync(path.join(folder, name), 'utf8')]);
    }
  }
  return files;
}

const SNIPPETS = ['x', ' ', '\n', '- ', '  ', 'TODO', '1.iv', '#', ':', 'id: NEW-1', '\n      - id: NEW-2\n        title: New\n        addresses: [6.ii]\n', '"', '[', ']', '{', 'lead: ', 'depends-on: [OPN-1]', '\n  ', '&a ', '*a', '\t', '---\n'];

function edit(text: string, next: () => number): string {
  const choice = next();
  const at = Math.floor(next() * (text.length + 1));
  if (choice < 0.35) {
    return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
  }
  if (choice < 0.6) {
    return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 12)));
  }
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  if (choice < 0.75) {
    lines.splice(line, 1);
  } else if (choice < 0.9) {
    const count = 1 + Math.floor(next() * 9);
    lines.splice(line, 0, ...lines.slice(line, line + count));
  } else {
    lines[line] = lines[line].replace(/\S.*$/, (content) => content.replace(/[A-Za-z]+/, 'changed'));
  }
  return lines.join('\n');
}

function comparable(analysis: Analysis): unknown {
  return {
    findings: analysis.findings.map((f) => [f.rule, f.severity, f.span.start, f.span.end, f.message, JSON.stringify(f.related ?? []), JSON.stringify(f.data ?? null)]),
    addressed: analysis.coverage.addressed,
    sections: analysis.model.sections.map((s) => [s.recommendation.section, s.keySpan.start, s.measures.map((m) => [m.id?.text, m.firstLine.start, m.addresses.map((a) => a.span.start)])]),
  };
}

describe('incremental analysis', () => {
  let incrementalRuns = 0;
  let reusedItems = 0;

  for (const [name, original] of examples()) {
    for (const seed of [1, 2, 3]) {
      it(`equals a full analysis after every edit of a random sequence (${name}, seed ${seed})`, function () {
        this.timeout(120_000);
        // Seeded, so that a failure can be replayed.
        const next = seededRandom(seed * 7919 + name.length);
        const cache = new ParseCache();
        cache.minLength = 0;
        let text = original;
        for (let step = 0; step < 40; step++) {
          const incremental = analyze(text, schema, undefined, cache);
          if (cache.lastMode === 'incremental') {
            incrementalRuns++;
            reusedItems += cache.lastReused;
          }
          const scratch = analyze(text, schema);
          assert.deepStrictEqual(comparable(incremental), comparable(scratch), `step ${step} of seed ${seed}:\n${text}`);
          // Mostly small edits, as a drafter types; every few steps a restore, so that the
          // text keeps coming back to a shape the incremental parse handles.
          text = step % 15 === 14 ? original : edit(text, next);
        }
      });
    }
  }

  it('took the incremental path and reused items in those sequences', () => {
    assert.ok(incrementalRuns > 20, `only ${incrementalRuns} incremental runs`);
    assert.ok(reusedItems > 100, `only ${reusedItems} items reused`);
  });

  it('reparses only the edited item of a large strategy', () => {
    const lines: string[] = [];
    for (const line of fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'clean.strategy.yaml'), 'utf8').split('\n')) {
      lines.push(line);
      if (line === '    measures:' && lines.length > 60) {
        for (let i = 0; i < 400; i++) lines.push(`      - id: BULK-${i}`, `        title: Bulk measure ${i}`, '        addresses: [7.ii]', '        lead: Agency', '        indicators:', `          - { name: Count ${i}, target: ${i} }`);
      }
    }
    const text = lines.join('\n');
    const cache = new ParseCache();
    analyze(text, schema, undefined, cache);
    assert.strictEqual(cache.lastMode, 'incremental');
    const edited = text.replace('title: Bulk measure 200', 'title: TODO');
    const result = analyze(edited, schema, undefined, cache);
    assert.strictEqual(cache.lastMode, 'incremental');
    const itemCount = result.model.measures.length;
    assert.strictEqual(cache.lastReused, itemCount - 1, 'every item but the edited one is reused');
    assert.deepStrictEqual(comparable(result), comparable(analyze(edited, schema)));
    assert.ok(result.findings.some((finding) => finding.rule === 'placeholder-text'));
  });
});
