/**
 * The bundled examples say what they claim: the complete strategies check clean and cover
 * all 26 units; the draft has exactly the gaps its `# gap: RULE` comments announce.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/core/analyze';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { REPO_ROOT } from '../helpers/paths';


const EXAMPLES = path.join(REPO_ROOT, 'examples');

function readExample(name: string): string {
  return fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
}

/** Findings as `LINE rule` (1-based lines), sorted: what a reader of the file would compare. */
function findingLines(text: string): string[] {
  const analysis = analyze(text, loadDefaultSchema());
  const keys = analysis.findings.map((finding) => `${analysis.model.lines.positionAt(finding.span.start).line + 1} ${finding.rule}`);
  return [...new Set(keys)].sort();
}

/** The `# gap: RULE[, RULE…]` comments at the end of content lines, as `LINE rule`. */
function announcedGaps(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const match = /^\s*[^#\s].*#\s*gap:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$/.exec(line);
    if (!match) return;
    for (const rule of match[1].split(/\s*,\s*/)) expected.push(`${index + 1} ${rule}`);
  });
  return expected.sort();
}

describe('examples', () => {
  const schema = loadDefaultSchema();

  for (const name of ['national.strategy.yaml', 'regional.strategy.yaml']) {
    describe(name, () => {
      const text = readExample(name);
      const analysis = analyze(text, schema);

      it('starts with the `# dgs-strategy` marker', () => {
        assert.strictEqual(text.split(/\r?\n/)[0], '# dgs-strategy');
      });

      it('has no findings of any severity', () => {
        assert.deepStrictEqual(
          analysis.findings.map((finding) => `${analysis.model.lines.positionAt(finding.span.start).line + 1} ${finding.rule}: ${finding.message}`),
          [],
        );
      });

      it('addresses all 26 coverage units', () => {
        assert.strictEqual(schema.units.length, 26);
        assert.deepStrictEqual(analysis.coverage.missing, []);
        assert.deepStrictEqual(analysis.coverage.addressed, schema.units.map((unit) => unit.ref));
      });

      it("gives every measure an id with its section's prefix, a lead and an indicator", () => {
        assert.ok(analysis.model.measures.length > 0);
        for (const measure of analysis.model.measures) {
          const prefix = measure.section.recommendation.idPrefix;
          assert.ok(measure.id?.text.startsWith(`${prefix}-`), `${measure.id?.text} should start with ${prefix}-`);
          assert.ok(measure.hasLead && measure.indicatorCount > 0, measure.id?.text);
        }
      });

      it('shows the whole format: a threshold, business cases, dependencies, all twelve sections', () => {
        const strategy = analysis.model.strategy;
        assert.ok(strategy?.threshold, 'a business-case threshold');
        assert.ok(analysis.model.measures.some((measure) => measure.businessCase), 'a measure with a business case');
        assert.ok(analysis.model.measures.some((measure) => measure.dependsOn), 'a measure with depends-on');
        assert.strictEqual(analysis.model.sections.length, 12);
      });
    });
  }

  describe('national.strategy.yaml in particular', () => {
    it('is an adopted national strategy for 2026–2030 with about 30 to 40 measures', () => {
      const analysis = analyze(readExample('national.strategy.yaml'), schema);
      const strategy = analysis.model.strategy!;
      assert.strictEqual(strategy.status?.text, 'adopted');
      assert.ok(strategy.adoptedOnPresent);
      assert.deepStrictEqual([strategy.period?.from, strategy.period?.to], [2026, 2030]);
      assert.deepStrictEqual([strategy.threshold?.amount, strategy.threshold?.currency], [1000000, 'EUR']);
      const count = analysis.model.measures.length;
      assert.ok(count >= 30 && count <= 40, `${count} measures`);
    });
  });

  describe('draft.strategy.yaml', () => {
    const text = readExample('draft.strategy.yaml');

    it('has exactly the findings its `# gap:` comments announce, on their lines', () => {
      const expected = announcedGaps(text);
      assert.ok(expected.length > 0);
      assert.deepStrictEqual(findingLines(text), expected);
    });

    it('plants every typical gap of a draft', () => {
      const planted = new Set(announcedGaps(text).map((entry) => entry.split(' ')[1]));
      for (const rule of [
        'missing-section',
        'empty-section',
        'placeholder-text',
        'unknown-clause',
        'clause-too-broad',
        'clause-not-addressed',
        'missing-lead',
        'missing-indicator',
        'business-case-required',
        'business-case-stakeholders',
        'due-outside-period',
        'unknown-key',
      ]) {
        assert.ok(planted.has(rule), `the draft should plant ${rule}`);
      }
    });

    it('leaves the units of its gaps uncovered, and only those', () => {
      const analysis = analyze(text, schema);
      assert.deepStrictEqual(analysis.coverage.missing, ['8', '10.ii', '10.v', '11']);
    });
  });

  it('holds no .dgs.yaml, which would change how the command line checks the examples', () => {
    assert.ok(!fs.existsSync(path.join(EXAMPLES, '.dgs.yaml')));
  });
});
