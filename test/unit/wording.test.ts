/**
 * Fidelity around the verbatim text (issue 12, item 6), held on every surface a reader
 * sees: a clause is "clause 7.i", never "recommendation 7.i"; a recommendation without
 * sub-clauses is said to be one; the titles of parts and recommendations, which are dgs's
 * short titles and not the Recommendation's words, are marked so wherever they sit next to
 * its verbatim text; a field's help names the clauses it relates to, and the right ones.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/core/analyze';
import { strategyJsonSchema } from '../../server/src/core/jsonSchema';
import { hoverAt } from '../../server/src/features/hover';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { buildReportData } from '../../server/src/report/data';
import { renderHtml } from '../../server/src/report/html';
import { renderMarkdown } from '../../server/src/report/markdown';
import { REPO_ROOT } from '../helpers/paths';
import { NATIONAL, TRUST_FIXTURES } from '../helpers/trustFixtures';

const schema = loadDefaultSchema();
/** "recommendation 7.i", "Recommendations 6.iv and 7.i": a clause called a recommendation. */
const CLAUSE_AS_RECOMMENDATION = /\brecommendations?\s+\d+\.[ivx]+\b/i;

const EXAMPLES = fs.readdirSync(path.join(REPO_ROOT, 'examples')).filter((name) => name.endsWith('.strategy.yaml'));
const STRATEGIES: Array<[string, string]> = [
  ...EXAMPLES.map((name): [string, string] => [`examples/${name}`, fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8')]),
  ...TRUST_FIXTURES.map((fixture): [string, string] => [`test/fixtures/trust/${fixture.name}`, fixture.text]),
];

/** Every hover of a text: at the start of each word. */
function hovers(text: string): string[] {
  const analysis = analyze(text, schema);
  const found: string[] = [];
  for (let offset = 0; offset < text.length; offset++) {
    if (offset > 0 && /[\w.-]/.test(text[offset - 1])) continue;
    const hover = hoverAt(analysis, offset);
    if (hover) found.push(hover.contents);
  }
  return found;
}

function docsFiles(): string[] {
  const folder = path.join(REPO_ROOT, 'docs');
  const files = ['README.md', 'CHANGELOG.md'].map((name) => path.join(REPO_ROOT, name));
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) files.push(full);
    }
  };
  walk(folder);
  return files;
}

describe('wording around the verbatim text', () => {
  const titles = [...schema.parts.map((part) => part.title), ...schema.recommendations.map((recommendation) => recommendation.title)];

  for (const [name, text] of STRATEGIES) {
    describe(name, () => {
      const analysis = analyze(text, schema);
      const all = hovers(text);

      it('says "clause" for a clause in every finding, hover and report', () => {
        const data = buildReportData(analysis, { file: name, madeOn: '2026-12-06', dgsVersion: '0.0.0' });
        const surfaces: Array<[string, string]> = [
          ...analysis.findings.map((finding): [string, string] => [`finding ${finding.rule}`, finding.message]),
          ...all.map((hover): [string, string] => ['hover', hover]),
          ['Markdown report', renderMarkdown(data)],
          ['HTML report', renderHtml(data)],
        ];
        for (const [where, said] of surfaces) assert.doesNotMatch(said, CLAUSE_AS_RECOMMENDATION, where);
      });

      it('marks a part or recommendation title as a short title in every hover that shows one beside verbatim text', () => {
        for (const hover of all) {
          if (!titles.some((title) => hover.includes(title))) continue;
          assert.match(hover, /short title/, hover);
        }
      });
    });
  }

  it('the docs, the README, the changelog, the schema file and the JSON Schema say "clause" for a clause', () => {
    for (const file of [...docsFiles(), path.join(REPO_ROOT, 'server', 'schema', 'oecd-legal-0406.yaml'), path.join(REPO_ROOT, 'snippets', 'dgs-strategy.json')]) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => assert.doesNotMatch(line, CLAUSE_AS_RECOMMENDATION, `${path.relative(REPO_ROOT, file)}:${index + 1}`));
    }
    assert.doesNotMatch(JSON.stringify(strategyJsonSchema(schema)), CLAUSE_AS_RECOMMENDATION);
  });

  it('the JSON Schema marks the short titles beside the recommendations\' texts', () => {
    const printed = JSON.stringify(strategyJsonSchema(schema));
    for (const recommendation of schema.recommendations) assert.ok(printed.includes(`Recommendation ${recommendation.number} (short title, dgs's own: ${recommendation.title})`), recommendation.title);
  });

  it('a hover on clause 4 says it is recommendation 4, which has no sub-clauses', () => {
    const text = NATIONAL.text;
    const offset = text.indexOf('addresses: [4]') + 'addresses: ['.length;
    const hover = hoverAt(analyze(text, schema), offset);
    assert.ok(hover?.contents.startsWith('**Clause 4** is recommendation 4 itself, which has no sub-clauses'), hover?.contents);
  });

  it('field help: partners relates to clause 10.iv, depends-on to clause 10.i, in words "Related to"', () => {
    const text = NATIONAL.text;
    const analysis = analyze(text, schema);
    const at = (key: string) => hoverAt(analysis, text.indexOf(`        ${key}:`) + 8)?.contents ?? '';
    assert.match(at('partners'), /Related to \*\*clause 10\.iv\*\*/);
    assert.doesNotMatch(at('partners'), /6\.i\b/);
    assert.match(at('depends-on'), /Related to \*\*clause 10\.i\*\*/);
    assert.doesNotMatch(at('depends-on'), /10\.ii\b/);
    for (const hover of hovers(text)) assert.doesNotMatch(hover, /asked for by/i);
  });
});
