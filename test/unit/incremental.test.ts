/**
 * The incremental analysis gives exactly the findings and coverage of a from-scratch
 * analysis, after every edit of random edit sequences over the example strategies.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analysis, analyze, StrategyDocument } from '../../server/src/analyze';
import { seededRandom } from '../../bench/generate';
import { loadDefaultSchema } from '../../server/src/schema/file';
import { isMap, isPair, isScalar, isSeq } from 'yaml';

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

/** The clean fixture with `count` more measures in each of its later sections (or only the first of them). */
function bulkStrategy(count: number, lists = Infinity): string {
  const lines: string[] = [];
  let filled = 0;
  for (const line of fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'clean.strategy.yaml'), 'utf8').split('\n')) {
    lines.push(line);
    if (line === '    measures:' && lines.length > 60 && filled++ < lists) {
      for (let i = 0; i < count; i++) {
        lines.push(`      - id: BULK-${i}`, `        title: Bulk measure ${i}`, '        addresses: [7.ii]', '        lead: Agency', '        indicators:', `          - { name: Count ${i}, target: ${i} }`);
        if (i % 7 === 3) lines.push('        depends-on: [BULK-1]', '');
        if (i % 5 === 2) lines.push('        # A comment ends this measure.');
      }
    }
  }
  return lines.join('\n');
}

const TYPED = ['x', 'TODO', ' ', 'e', '1', ', 9.ii', ', 99.x', 'BULK-', '\n        due: 2031', '\n        lead: Agency', '\n        # note', ':', '#', '- ', '"', "'", '\n      ', '\n', '\n          ', '\n        le', '[', ']', '{', '}', '|', '>', '? ', '*', '!', '%', '@', '`', '\t', '&a ', '\r'];

/** A keystroke or a paste somewhere inside a measure item (never on its dash). */
function typeInItem(text: string, next: () => number): string {
  const items = [...text.matchAll(/^ {6}- id: BULK-\d+\n/gm)];
  const item = items[Math.floor(next() * items.length)];
  const end = text.indexOf('\n      - ', item.index! + 1);
  const from = item.index! + 8;
  const at = from + Math.floor(next() * ((end === -1 ? text.length : end) - from));
  if (next() < 0.3) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 4)));
  return text.slice(0, at) + TYPED[Math.floor(next() * TYPED.length)] + text.slice(at);
}

/** A YAML tree as plain data: kinds, values and ranges. */
function tree(node: unknown): unknown {
  if (isPair(node)) return [tree(node.key), tree(node.value)];
  if (isMap(node) || isSeq(node)) return { kind: isMap(node) ? 'map' : 'seq', range: node.range, items: node.items.map(tree) };
  if (isScalar(node)) return { value: node.value, range: node.range };
  return node === null || node === undefined ? null : String(node);
}

describe('incremental analysis', () => {
  let incrementalRuns = 0;
  let inPlaceRuns = 0;
  let typedInPlace = 0;
  let reusedItems = 0;

  for (const [name, original] of examples()) {
    for (const seed of [1, 2, 3]) {
      it(`equals a full analysis after every edit of a random sequence (${name}, seed ${seed})`, function () {
        this.timeout(120_000);
        // Seeded, so that a failure can be replayed.
        const next = seededRandom(seed * 7919 + name.length);
        const document = new StrategyDocument({ minLength: 0 });
        let text = original;
        for (let step = 0; step < 40; step++) {
          const incremental = document.analyze(text, schema);
          if (document.stats.mode === 'in-place') inPlaceRuns++;
          if (document.stats.mode !== 'full') {
            incrementalRuns++;
            reusedItems += document.stats.reused;
          }
          const scratch = analyze(text, schema);
          assert.deepStrictEqual(comparable(incremental), comparable(scratch), `step ${step} of seed ${seed}:\n${text}`);
          if (!scratch.model.syntaxErrors) assert.deepStrictEqual(tree(incremental.model.documents[0]?.contents), tree(scratch.model.documents[0]?.contents), `tree at step ${step} of seed ${seed}`);
          // Mostly small edits, as a drafter types; every few steps a restore, so that the
          // text keeps coming back to a shape the incremental parse handles.
          text = step % 15 === 14 ? original : edit(text, next);
        }
      });
    }
  }

  it('took the incremental path and reused items in those sequences', () => {
    assert.ok(incrementalRuns > 20, `only ${incrementalRuns} incremental runs`);
    assert.ok(inPlaceRuns > 10, `only ${inPlaceRuns} edits applied in place`);
    assert.ok(reusedItems > 100, `only ${reusedItems} items reused`);
  });

  for (const seed of [11, 12, 13]) {
    it(`applies typing inside the items of a large strategy in place, as a full analysis would see it (seed ${seed})`, function () {
      this.timeout(120_000);
      const next = seededRandom(seed);
      const original = bulkStrategy(40, 1);
      let text = original;
      const document = new StrategyDocument({ minLength: 0 });
      document.analyze(text, schema);
      let mended = text;
      for (let step = 0; step < 80; step++) {
        // A keystroke that breaks the YAML is mended by the next one, as a drafter would;
        // a broken text is parsed whole.
        text = step % 20 === 19 ? original : mended !== text ? mended : typeInItem(text, next);
        const incremental = document.analyze(text, schema);
        if (document.stats.mode === 'in-place') typedInPlace++;
        const scratch = analyze(text, schema);
        assert.deepStrictEqual(comparable(incremental), comparable(scratch), `step ${step} of seed ${seed}`);
        assert.deepStrictEqual(tree(incremental.model.documents[0].contents), tree(scratch.model.documents[0].contents), `tree at step ${step} of seed ${seed}`);
        assert.deepStrictEqual(incremental.model.lines.lineStarts, scratch.model.lines.lineStarts, `lines at step ${step} of seed ${seed}`);
        if (!scratch.findings.some((finding) => finding.rule === 'yaml-syntax')) mended = text;
      }
    });
  }

  it('applied most of that typing in place', () => {
    assert.ok(typedInPlace > 40, `only ${typedInPlace} of 240 edits applied in place`);
  });

  it('reparses only the edited item of a large strategy', () => {
    const text = bulkStrategy(400);
    const document = new StrategyDocument();
    document.analyze(text, schema);
    assert.strictEqual(document.stats.mode, 'incremental');
    const edited = text.replace('title: Bulk measure 200', 'title: TODO');
    const result = document.analyze(edited, schema);
    assert.strictEqual(document.stats.mode, 'in-place');
    // Applied in place: the edited item alone was parsed again; the 3,200 bulk items but one were reused.
    assert.ok(document.stats.reused >= 400 * 8 - 1, `only ${document.stats.reused} items reused`);
    assert.deepStrictEqual(comparable(result), comparable(analyze(edited, schema)));
    assert.ok(result.findings.some((finding) => finding.rule === 'placeholder-text'));
  });
});
