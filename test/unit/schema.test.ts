/** The schema data: verbatim from the Recommendation, the shape the spec fixes, clear errors when broken. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/core/analyze';
import { defaultSchemaPath, loadDefaultSchema } from '../../server/src/host/schemaFile';
import { parseSchema, SchemaError } from '../../server/src/core/schema/parse';
import { freeMeasureId, renderSectionTemplate } from '../../server/src/core/templates';

const ROOT = path.join(__dirname, '..', '..', '..');
const schema = loadDefaultSchema();
const SCHEMA_TEXT = fs.readFileSync(defaultSchemaPath(), 'utf8');

/** Whitespace aside, and without the Markdown emphasis the source text carries. */
function normalise(text: string): string {
  return text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
}

const SOURCE = normalise(fs.readFileSync(path.join(ROOT, 'server', 'schema', 'oecd-legal-0406.source.txt'), 'utf8'));

describe('schema', () => {
  it('is read from the pristine copy of the Recommendation that the project keeps', () => {
    const seed = path.join(ROOT, '..', 'shared', 'seeds', '000_e4f347be7a3f5982.txt');
    if (fs.existsSync(seed)) assert.strictEqual(normalise(fs.readFileSync(seed, 'utf8')), SOURCE);
    assert.ok(SOURCE.includes('Recommendation of the Council on Digital Government Strategies'));
  });

  it('has the instrument', () => {
    assert.strictEqual(schema.instrument.id, 'OECD/LEGAL/0406');
    assert.strictEqual(schema.instrument.adopted, '2014-07-15');
    assert.ok(SOURCE.includes(schema.instrument.title));
  });

  it('has the four definitions of Part I, verbatim', () => {
    assert.deepStrictEqual(
      schema.definitions.map((definition) => definition.term),
      ['E-Government', 'Digital Government', 'Digital technologies', 'Public value'],
    );
    for (const definition of schema.definitions) {
      assert.ok(SOURCE.includes(normalise(definition.text)), `definition of ${definition.term} is not verbatim`);
      assert.ok(definition.text.startsWith(definition.term));
    }
  });

  it('has the three parts with their lead-ins, verbatim', () => {
    assert.deepStrictEqual(
      schema.parts.map((part) => [part.key, part.numeral, part.recommendations.map((r) => r.number)]),
      [
        ['objectives', 'II', [1, 2, 3, 4]],
        ['development', 'III', [5, 6, 7, 8]],
        ['implementation', 'IV', [9, 10, 11, 12]],
      ],
    );
    for (const part of schema.parts) assert.ok(SOURCE.includes(`${part.numeral}. ${normalise(part.leadIn)}`), `lead-in of ${part.key}`);
  });

  it('has the twelve recommendations with the section keys and sub-clauses of the spec', () => {
    const table = schema.recommendations.map((r) => `${r.number} ${r.part.key} ${r.section} ${r.clauses.map((c) => c.id).join(',') || '—'}`);
    assert.deepStrictEqual(table, [
      '1 objectives openness i,ii,iii',
      '2 objectives engagement i,ii',
      '3 objectives data-driven-culture i,ii',
      '4 objectives security-and-privacy —',
      '5 development leadership —',
      '6 development coherence i,ii,iii,iv',
      '7 development governance i,ii',
      '8 development international-cooperation —',
      '9 implementation business-cases i,ii',
      '10 implementation project-capacity i,ii,iii,iv,v',
      '11 implementation procurement —',
      '12 implementation legal-frameworks i,ii',
    ]);
  });

  it('has every recommendation and clause text verbatim, in the Recommendation\'s order', () => {
    let cursor = 0;
    for (const recommendation of schema.recommendations) {
      const at = SOURCE.indexOf(`${recommendation.number}. ${normalise(recommendation.text)}`, cursor);
      assert.ok(at >= cursor, `recommendation ${recommendation.number} is not verbatim`);
      cursor = at;
      for (const clause of recommendation.clauses) {
        const clauseAt = SOURCE.indexOf(`${clause.id}) ${normalise(clause.text)}`, cursor);
        assert.ok(clauseAt >= cursor, `clause ${clause.ref} is not verbatim`);
        cursor = clauseAt;
      }
    }
  });

  it('has the 26 coverage units', () => {
    assert.strictEqual(schema.units.length, 26);
    assert.deepStrictEqual(
      schema.units.filter((unit) => !unit.clause).map((unit) => unit.ref),
      ['4', '5', '8', '11'],
    );
  });

  it('every field doc names clauses the schema has', () => {
    for (const [field, doc] of Object.entries(schema.fields)) {
      assert.ok(doc.doc.length > 0, field);
      for (const ref of doc.clauses) assert.ok(schema.unitByRef.has(ref), `${field}: ${ref}`);
    }
  });

  it('every section template, filled in, is a section with no error and covers its clauses', () => {
    for (const recommendation of schema.recommendations) {
      const body = renderSectionTemplate(recommendation, freeMeasureId(recommendation.idPrefix, new Set()));
      const text = [
        'strategy:',
        '  title: T',
        '  government: G',
        '  level: national',
        '  period: { from: 2026, to: 2030 }',
        '  status: draft',
        '  lead: L',
        `${recommendation.part.key}:`,
        `  ${recommendation.section}:`,
        ...body.split('\n').map((line) => `    ${line}`),
      ].join('\n');
      const findings = analyze(text, schema).findings;
      assert.deepStrictEqual(findings.filter((f) => f.severity === 'error'), [], recommendation.section);
      // The template names every clause of its section; it addresses none until its title is written (spec §7.1).
      const notAddressed = findings.filter((f) => f.rule === 'clause-not-addressed');
      assert.strictEqual(notAddressed.length, recommendation.units.length, recommendation.section);
      assert.ok(notAddressed.every((f) => /names it but its title is still a placeholder/.test(f.message)), recommendation.section);
      assert.ok(findings.some((f) => f.rule === 'placeholder-text'), 'the template leaves placeholders to fill');
    }
  });

  describe('a broken schema file is a clear error naming the file and the place', () => {
    const cases: Array<[string, (text: string) => string, RegExp, number]> = [
      ['a YAML error', (text) => text.replace('format-version: 1', 'format-version: [1'), /broken\.yaml:\d+:\d+: invalid schema/, -1],
      ['a missing clause text', (text) => text.replace(/(- id: ii\n\s+)text: >-\n\s+updating[^\n]*\n/, '$1x: 1\n'), /clause 1\.ii needs `text`/, -1],
      ['a duplicated section key', (text) => text.replace('section: engagement', 'section: openness'), /section key `openness` is used twice/, 61],
      ['a bad clause numeral', (text) => text.replace('- id: iii\n', '- id: 3\n'), /does not match/, -1],
      ['a field doc naming an unknown clause', (text) => text.replace('clauses: ["6.iv", "7.i"]', 'clauses: ["6.v"]'), /names clause 6\.v/, -1],
    ];
    for (const [name, breakIt, message, line] of cases) {
      it(name, () => {
        const broken = breakIt(SCHEMA_TEXT);
        assert.notStrictEqual(broken, SCHEMA_TEXT, 'the test did not break the schema');
        assert.throws(
          () => parseSchema(broken, 'broken.yaml'),
          (error: unknown) => {
            assert.ok(error instanceof SchemaError);
            assert.match(error.message, message);
            assert.match(error.message, /^broken\.yaml:\d+:\d+: /);
            if (line >= 0) assert.strictEqual(error.line + 1, line);
            return true;
          },
        );
      });
    }
  });
});
