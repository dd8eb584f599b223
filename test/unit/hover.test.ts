/**
 * Hover on a section key names the measures that address each clause; a large strategy
 * has hundreds per clause, so the hover names the first few and counts the rest.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/core/analyze';
import { HOVER_MEASURES, hoverAt } from '../../server/src/features/hover';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';

const ROOT = path.join(__dirname, '..', '..', '..');
const schema = loadDefaultSchema();
const CLEAN = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'clean.strategy.yaml'), 'utf8');

/** The clean fixture with `count` more measures addressing 1.ii. */
function withMeasures(count: number): string {
  const extra: string[] = [];
  for (let i = 0; i < count; i++) extra.push(`      - id: EXTRA-${i}`, `        title: Extra measure ${i}`, '        addresses: [1.ii]', '        lead: Agency', '        indicators:', '          - { name: Count, target: 1 }');
  return CLEAN.replace('    measures:\n', `    measures:\n${extra.join('\n')}\n`);
}

function sectionHover(text: string): string {
  const analysis = analyze(text, schema);
  const hover = hoverAt(analysis, text.indexOf('openness:') + 2);
  assert.ok(hover, 'a hover on the section key');
  return hover.contents;
}

describe('hover on a section key', () => {
  it('names every measure of a clause addressed by a few', () => {
    const text = sectionHover(withMeasures(HOVER_MEASURES - 1));
    const ids = Array.from({ length: HOVER_MEASURES - 1 }, (_, i) => `\`EXTRA-${i}\``);
    assert.ok(text.includes(`- 1.ii: addressed by ${ids.join(', ')}, \`OPN-2\`\n`), text);
  });

  it('names the first measures of a clause addressed by many, and counts the rest', () => {
    const text = sectionHover(withMeasures(40));
    const ids = Array.from({ length: HOVER_MEASURES }, (_, i) => `\`EXTRA-${i}\``);
    assert.ok(text.includes(`- 1.ii: addressed by ${ids.join(', ')} and ${40 + 1 - HOVER_MEASURES} more\n`), text);
    assert.ok(!text.includes('EXTRA-39'), 'the last measure is counted, not named');
  });
});
