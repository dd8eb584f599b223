/**
 * The tables derived from the rule registry are what the generator gives: the rule
 * settings of package.json and the index of docs/rules/README.md.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULE_IDS, RULES } from '../../server/src/core/rules';
import { withRuleSettings, withRulesIndex } from '../../server/src/core/rules/tables';
import { REPO_ROOT } from '../helpers/paths';

const ROOT = REPO_ROOT;

describe('tables generated from the rule registry', () => {
  it('package.json has one setting per rule, in the registry order (npm run generate:rules)', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    assert.strictEqual(manifest, withRuleSettings(manifest, RULES), 'package.json is out of date: run npm run generate:rules');
  });

  it('docs/rules/README.md indexes every rule, in the registry order (npm run generate:rules)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
    assert.strictEqual(readme, withRulesIndex(readme, RULES), 'docs/rules/README.md is out of date: run npm run generate:rules');
  });

  it('the rule ids are the typed list, once each, in the registry order', () => {
    assert.deepStrictEqual(RULES.map((rule) => rule.id), [...RULE_IDS]);
  });
});
