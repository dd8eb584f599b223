/** `dgs schema`: a JSON Schema that other YAML tools can use, agreeing with dgs on what is wrong. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { renderSkeleton } from '../../server/src/core/skeleton';
import { clausePattern, strategyJsonSchema } from '../../server/src/core/jsonSchema';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { CLEAN, removeFolder, REPO_ROOT, runDgs, SUITE_TIMEOUT_MS, tempFolder } from './helpers';

type Validate = ((data: unknown) => boolean) & { errors?: unknown };

describe('dgs schema', function () {
  this.timeout(SUITE_TIMEOUT_MS);
  let folder: string;
  let printed: Record<string, unknown>;
  let validate: Validate;
  before(() => {
    folder = tempFolder();
    const result = runDgs(['schema'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    printed = JSON.parse(result.stdout);
    validate = new Ajv({ strict: false, allErrors: true }).compile(printed) as Validate;
  });
  after(() => removeFolder(folder));

  it('prints a draft-07 JSON Schema that ajv compiles, the same as strategyJsonSchema', () => {
    assert.strictEqual(printed.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepStrictEqual(printed, JSON.parse(JSON.stringify(strategyJsonSchema(loadDefaultSchema()))));
  });

  it('a clean strategy validates', () => {
    assert.ok(validate(parse(CLEAN)), JSON.stringify(validate.errors));
  });

  it('the clean example of the project, examples/national.strategy.yaml, validates', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'national.strategy.yaml'), 'utf8');
    assert.ok(validate(parse(text)), JSON.stringify(validate.errors));
  });

  it('the skeleton of dgs init validates', () => {
    assert.ok(validate(parse(renderSkeleton(loadDefaultSchema(), 2026))), JSON.stringify(validate.errors));
  });

  it('x- keys are allowed at every level', () => {
    const text = CLEAN.replace('strategy:\n', 'x-owner: me\nstrategy:\n  x-note: { any: [thing] }\n').replace('  openness:\n', '  x-draft: true\n  openness:\n    x-reviewed: no\n');
    assert.ok(validate(parse(text)), JSON.stringify(validate.errors));
  });

  it('an empty section is not a type error (dgs warns about it)', () => {
    assert.ok(validate(parse(CLEAN.replace(/ {2}procurement:\n(?: {4}.*\n)+/, '  procurement:\n'))), JSON.stringify(validate.errors));
  });

  const broken: [string, (text: string) => string][] = [
    ['a value not allowed', (text) => text.replace('level: national', 'level: federal')],
    ['a misspelled key', (text) => text.replace('  openness:', '  opennes:')],
    ['an unknown clause', (text) => text.replace('[1.i, 1.ii, 1.iii]', '[1.i, 1.iv]')],
    ['a clause with the wrong part numeral', (text) => text.replace('[1.i, 1.ii, 1.iii]', '[III.1.i, 1.ii, 1.iii]')],
    ['a missing required field', (text) => text.replace('  government: Republic of Examplia\n', '')],
    ['a measure without addresses', (text) => text.replace('addresses: [4], ', '')],
    ['a measure with an empty addresses list', (text) => text.replace('addresses: [4]', 'addresses: []')],
    ['a bad measure id', (text) => text.replace('id: OPN-1', 'id: 1-OPN')],
    ['a text where a year is due', (text) => text.replace('from: 2026', 'from: soon')],
    ['a malformed date', (text) => text.replace('target: 90%, by: 2030 }', 'target: 90%, by: 2027-13 }')],
    ['a lowercase currency', (text) => text.replace('  lead: Ministry of Digital Affairs\nobjectives', '  lead: Ministry of Digital Affairs\n  business-case-threshold: { amount: 10, currency: eur }\nobjectives')],
    ['no strategy block', (text) => text.replace(/^strategy:\n(?: {2}.*\n)+/m, '')],
  ];
  for (const [what, breakIt] of broken) {
    it(`does not validate a strategy with ${what}`, () => {
      const text = breakIt(CLEAN);
      assert.notStrictEqual(text, CLEAN, 'the fixture changed');
      assert.strictEqual(validate(parse(text)), false);
    });
  }

  it('the clause pattern accepts the references dgs resolves, and no other', () => {
    const pattern = new RegExp(clausePattern(loadDefaultSchema()));
    for (const good of ['1.i', '1.iii', '4', '6', '10.v', '12.ii', 'II.1.iii', 'IV.10.v', 'III.5']) assert.ok(pattern.test(good), good);
    for (const bad of ['1.iv', '4.i', '13', 'III.1.i', 'II.10.v', '1.I', ' 1.i', '1.']) assert.ok(!pattern.test(bad), bad);
  });

  it('carries the field documentation of the schema file', () => {
    const strategy = (printed.properties as Record<string, { properties: Record<string, { description?: string }> }>).strategy;
    assert.strictEqual(strategy.properties.lead.description, `${loadDefaultSchema().fields['strategy.lead'].doc} (Related to clauses 6.iv, 7.i.)`);
  });
});
