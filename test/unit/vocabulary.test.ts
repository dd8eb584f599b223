/** The clause mapper's vocabulary: one entry per coverage unit, well formed, loaded beside the schema. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAX_GIST_LENGTH, parseVocabulary } from '../../server/src/core/mapper/vocabulary';
import { stemsOf } from '../../server/src/core/mapper/text';
import { defaultSchemaPath, loadDefaultSchema, loadSchemaFile, vocabularyPathOf } from '../../server/src/host/schemaFile';
import { SchemaError } from '../../server/src/core/schema/parse';

const schema = loadDefaultSchema();
const FILE = vocabularyPathOf(defaultSchemaPath());
const TEXT = fs.readFileSync(FILE, 'utf8');

function brokenBy(edit: (text: string) => string): SchemaError {
  try {
    parseVocabulary(edit(TEXT), 'broken.vocabulary.yaml', schema);
  } catch (error) {
    if (error instanceof SchemaError) return error;
    throw error;
  }
  throw new Error('the vocabulary was accepted');
}

describe('vocabulary', () => {
  it('is loaded with the default schema and has an entry for each of the 26 units', () => {
    assert.ok(schema.vocabulary, 'no vocabulary beside the schema');
    assert.deepStrictEqual([...schema.vocabulary.units.keys()].sort(), schema.units.map((unit) => unit.ref).sort());
    assert.strictEqual(schema.units.length, 26);
  });

  it('gives every unit a short gist and several terms, none repeated within a unit', () => {
    for (const entry of schema.vocabulary!.units.values()) {
      assert.ok(entry.gist.length > 5 && entry.gist.length <= MAX_GIST_LENGTH, `${entry.ref}: gist "${entry.gist}"`);
      assert.ok(entry.terms.length >= 10, `${entry.ref} has only ${entry.terms.length} terms`);
      for (const term of entry.terms) assert.ok(stemsOf(term).length > 0, `${entry.ref}: "${term}" has no content word`);
    }
  });

  it('reads the related units both ways, named once on either side', () => {
    assert.ok(TEXT.includes('    related: ["5"]\n'), 'the vocabulary names 5 as related to 6.i');
    assert.ok(schema.vocabulary!.units.get('6.i')!.related.includes('5'));
    assert.ok(schema.vocabulary!.units.get('5')!.related.includes('6.i'));
    for (const entry of schema.vocabulary!.units.values()) for (const other of entry.related) assert.ok(schema.vocabulary!.units.get(other)!.related.includes(entry.ref), `${entry.ref} ~ ${other}`);
  });

  it('never passes a gist off as the Recommendation: no gist is a clause text or part of one', () => {
    for (const entry of schema.vocabulary!.units.values()) {
      for (const unit of schema.units) assert.ok(!unit.text.toLowerCase().includes(entry.gist.toLowerCase()), `${entry.ref}'s gist is quoted from ${unit.ref}`);
    }
    assert.match(TEXT, /THESE ARE THE PROJECT'S OWN WORDS, NOT THE RECOMMENDATION'S/);
  });

  it('says what is wrong, with the line, when a unit is missing, unknown, or malformed', () => {
    assert.match(brokenBy((text) => text.replace(/\n  12\.ii:[\s\S]*$/, '\n')).message, /broken\.vocabulary\.yaml:\d+:\d+: .*no entry for 12\.ii/);
    assert.match(brokenBy((text) => text.replace('\n  1.ii:', '\n  1.vii:')).message, /`1\.vii` is not a coverage unit/);
    assert.match(brokenBy((text) => text.replace('gist: political leadership and commitment', 'gist: ""')).message, /gist.*unit 5 must be a non-empty text/);
    assert.match(brokenBy((text) => text.replace('      - hackathon\n', '      - hackathon\n      - Hackathon\n')).message, /unit 2\.ii lists the term "Hackathon" twice/);
    assert.match(brokenBy((text) => text.replace('instrument: OECD/LEGAL/0406', 'instrument: OECD/LEGAL/0999')).message, /for OECD\/LEGAL\/0999/);
    assert.match(brokenBy((text) => text.replace('    related: ["5"]\n', '    related: ["5", 6.ix]\n')).message, /names `6\.ix` as related, which is not a coverage unit/);
    assert.match(brokenBy((text) => text.replace('    related: ["5"]\n', '    related: [6.i]\n')).message, /unit 6\.i names itself as related/);
    const long = brokenBy((text) => text.replace('gist: political leadership and commitment', `gist: ${'x'.repeat(MAX_GIST_LENGTH + 1)}`));
    assert.match(long.message, /a gist is a label/);
    assert.strictEqual(long.line, TEXT.split('\n').findIndex((line) => line.includes('gist: political leadership')));
  });

  it('comes with a custom schema when NAME.vocabulary.yaml is beside it, and is absent otherwise', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-vocabulary-'));
    try {
      const schemaFile = path.join(folder, 'national.yaml');
      fs.copyFileSync(defaultSchemaPath(), schemaFile);
      assert.strictEqual(loadSchemaFile(schemaFile).vocabulary, undefined);
      fs.writeFileSync(vocabularyPathOf(schemaFile), TEXT.replace('gist: political leadership and commitment', 'gist: the national leadership label'));
      assert.strictEqual(loadSchemaFile(schemaFile).vocabulary?.units.get('5')?.gist, 'the national leadership label');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
