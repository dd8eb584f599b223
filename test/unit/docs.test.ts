/**
 * The documentation is honest: every rule has a page, each page states the registry's
 * default severity, its "bad" example really produces the rule's finding where the page
 * says (`← here`), its "good" example does not, its "silenced" example is silenced, and
 * every clause it quotes is the Recommendation's text verbatim. The format and settings
 * pages agree with the schema and the configuration parser, and every link leads somewhere.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/core/analyze';
import { DEFAULT_FILE_PATTERNS, DEFAULT_MAX_FILE_SIZE, parseConfig } from '../../server/src/core/config';
import { ruleDocUrl, RULES } from '../../server/src/core/rules';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { Schema } from '../../server/src/core/schema/types';
import { REPO_ROOT } from '../helpers/paths';


const ROOT = REPO_ROOT;
const RULE_DOCS = path.join(ROOT, 'docs', 'rules');

type Label = 'bad' | 'good' | 'silenced' | 'config' | 'valid' | 'dgs-yaml';

interface Example {
  label: Label;
  /** 1-based line of the opening fence in the page, for messages. */
  line: number;
  text: string;
}

/** The fenced ```yaml blocks preceded by an `<!-- bad -->`-style label. */
function labelledExamples(markdown: string): Example[] {
  const lines = markdown.split(/\r?\n/);
  const examples: Example[] = [];
  for (let index = 0; index < lines.length; index++) {
    const label = /^<!--\s*(bad|good|silenced|config|valid|dgs-yaml)\s*-->\s*$/.exec(lines[index]);
    if (!label) continue;
    let fence = index + 1;
    while (fence < lines.length && lines[fence].trim() === '') fence++;
    assert.match(lines[fence] ?? '', /^```ya?ml\s*$/, `line ${index + 1}: <!-- ${label[1]} --> must be followed by a \`\`\`yaml block`);
    const body: string[] = [];
    let end = fence + 1;
    for (; end < lines.length && !/^```\s*$/.test(lines[end]); end++) body.push(lines[end]);
    assert.ok(end < lines.length, `line ${fence + 1}: unclosed code block`);
    examples.push({ label: label[1] as Label, line: fence + 1, text: body.join('\n') + '\n' });
    index = end;
  }
  return examples;
}

/** 0-based lines of a YAML example marked `← here`: where the page says the finding points. */
function markedLines(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (line.includes('← here') ? [index] : []));
}

function ruleFindingLines(text: string, rule: string, schema: Schema): number[] {
  const analysis = analyze(text, schema);
  return analysis.findings.filter((finding) => finding.rule === rule).map((finding) => analysis.model.lines.positionAt(finding.span.start).line);
}

/** The text a quoted reference names: a part's numeral (its lead-in), a recommendation, a coverage unit. */
function quotedText(ref: string, schema: Schema): string | undefined {
  const part = schema.parts.find((candidate) => candidate.numeral === ref);
  if (part) return part.leadIn;
  const unit = schema.unitByRef.get(ref);
  if (unit) return unit.text;
  const recommendation = /^\d+$/.test(ref) ? schema.recommendationByNumber.get(Number(ref)) : undefined;
  return recommendation?.text;
}

/** The anchors GitHub gives a page's headings. */
function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^```/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) slugs.add(heading[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
  }
  return slugs;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function ruleDocFiles(): string[] {
  return fs
    .readdirSync(RULE_DOCS)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort();
}

describe('documentation', () => {
  const schema = loadDefaultSchema();

  it('has a page for every rule in the registry, and no page for a rule that does not exist', () => {
    assert.deepStrictEqual(ruleDocFiles(), RULES.map((rule) => `${rule.id}.md`).sort());
  });

  it('indexes every rule in docs/rules/README.md with its default severity', () => {
    const index = fs.readFileSync(path.join(RULE_DOCS, 'README.md'), 'utf8');
    for (const rule of RULES) {
      const row = index.split('\n').find((line) => line.startsWith(`| [\`${rule.id}\`](${rule.id}.md) |`));
      assert.ok(row, `a table row for ${rule.id}`);
      assert.strictEqual(row.split('|')[2].trim(), rule.severity, `severity of ${rule.id} in the index`);
    }
  });

  it('lists every rule in the README with its default severity and a link to its page', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const rule of RULES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| [\`${rule.id}\`](docs/rules/${rule.id}.md) |`));
      assert.ok(row, `a README row for ${rule.id}`);
      assert.strictEqual(row.split('|')[2].trim(), rule.severity, `severity of ${rule.id} in the README`);
    }
    assert.match(readme, new RegExp(`\\n${RULES.length} rules, each with a page`), 'the README counts the rules');
  });

  it('is where the diagnostics link to: docs/rules/RULE.md', () => {
    for (const rule of RULES) assert.ok(ruleDocUrl(rule.id).endsWith(`/docs/rules/${rule.id}.md`), ruleDocUrl(rule.id));
  });

  for (const rule of RULES) {
    describe(`docs/rules/${rule.id}.md`, () => {
      const file = path.join(RULE_DOCS, `${rule.id}.md`);
      const page = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      const examples = labelledExamples(page);

      it('is titled with the rule id and states the default severity of the registry', () => {
        assert.strictEqual(page.split('\n')[0], `# ${rule.id}`);
        const stated = /\*\*Default severity:\*\*\s*(error|warning|info)\b/.exec(page);
        assert.ok(stated, 'a "**Default severity:**" line');
        assert.strictEqual(stated[1], rule.severity);
      });

      it('quotes the clause the rule serves', () => {
        if (!rule.clause) return;
        assert.ok(page.includes(`> **${rule.clause}** `), `a quote of ${rule.clause}`);
      });

      it('tells how to silence it, on a line, in the file, and in .dgs.yaml', () => {
        assert.ok(page.includes(`# dgs-disable-next-line ${rule.id}`), 'the comment for one line');
        assert.ok(page.includes(`# dgs-disable ${rule.id}`), 'the comment for the whole file');
        assert.ok(examples.some((example) => example.label === 'silenced'), 'a <!-- silenced --> example');
        assert.ok(examples.some((example) => example.label === 'config'), 'a <!-- config --> example');
      });

      it('has a bad and a good example', () => {
        assert.ok(examples.some((example) => example.label === 'bad'));
        assert.ok(examples.some((example) => example.label === 'good'));
      });

      for (const example of examples) {
        it(`its ${example.label} example (line ${example.line}) does what the page says`, () => {
          switch (example.label) {
            case 'bad': {
              const found = ruleFindingLines(example.text, rule.id, schema);
              const marked = markedLines(example.text);
              assert.ok(found.length > 0, `the bad example should produce ${rule.id}`);
              assert.ok(marked.length > 0, 'the bad example should mark with "← here" where the finding points');
              for (const line of marked) assert.ok(found.includes(line), `a ${rule.id} finding on line ${line + 1} of the example; found on ${found.map((l) => l + 1)}`);
              break;
            }
            case 'good':
            case 'silenced':
              assert.deepStrictEqual(ruleFindingLines(example.text, rule.id, schema), [], `no ${rule.id} finding`);
              break;
            default:
              assert.fail(`a rule page has no <!-- ${example.label} --> examples`);
            case 'config': {
              const { config, errors } = parseConfig(example.text, '.dgs.yaml');
              assert.deepStrictEqual(errors, []);
              assert.strictEqual(config.rules[rule.id], 'off', `the configuration example should turn ${rule.id} off`);
              break;
            }
          }
        });
      }
    });
  }

  describe('docs/format.md', () => {
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'format.md'), 'utf8');

    it('lists the 26 coverage units of the schema, in order, with their sections', () => {
      const rows = page
        .split('\n')
        .map((line) => /^\| `([0-9.ivx]+)` \| `([a-z-]+)` \|/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null);
      assert.deepStrictEqual(
        rows.map((row) => `${row[1]} ${row[2]}`),
        schema.units.map((unit) => `${unit.ref} ${unit.recommendation.section}`),
      );
    });

    it('lists the twelve sections with their parts, prefixes and sub-clauses', () => {
      for (const recommendation of schema.recommendations) {
        const clauses = recommendation.clauses.map((clause) => clause.ref).join(', ') || 'none';
        const row = `| ${recommendation.number} | \`${recommendation.part.key}\` (${recommendation.part.numeral}) | \`${recommendation.section}\` | ${recommendation.title} | \`${recommendation.idPrefix}\` | ${clauses} |`;
        assert.ok(page.includes(row), row);
      }
    });

    // Fragments of a strategy: they may lack sections, fields and measures, nothing else.
    const CONSEQUENCES_OF_A_FRAGMENT = new Set(['missing-field', 'missing-section', 'empty-section', 'clause-not-addressed', 'missing-lead', 'missing-indicator']);
    for (const example of labelledExamples(page)) {
      it(`has a well-formed example at line ${example.line}`, () => {
        assert.strictEqual(example.label, 'valid');
        const findings = analyze(example.text, schema).findings.filter((finding) => !CONSEQUENCES_OF_A_FRAGMENT.has(finding.rule));
        assert.deepStrictEqual(findings.map((finding) => `${finding.rule}: ${finding.message}`), []);
      });
    }
  });

  describe('docs/settings.md', () => {
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'settings.md'), 'utf8');
    const examples = labelledExamples(page);

    it('has configuration examples that dgs reads without a complaint', () => {
      assert.ok(examples.length >= 4);
      for (const example of examples) {
        assert.strictEqual(example.label, 'dgs-yaml');
        assert.deepStrictEqual(parseConfig(example.text, '.dgs.yaml').errors, [], `the example at line ${example.line}`);
      }
    });

    it('documents every key of .dgs.yaml and their defaults', () => {
      for (const key of ['rules', 'schema', 'files', 'max-file-size']) assert.ok(page.includes(`### \`${key}\``), key);
      const defaultFiles = examples.find((example) => example.text.includes('files:') && !example.text.includes('rules:'));
      assert.ok(defaultFiles);
      assert.deepStrictEqual(parseConfig(defaultFiles.text, '.dgs.yaml').config.files, DEFAULT_FILE_PATTERNS);
      assert.ok(page.includes(`(${DEFAULT_MAX_FILE_SIZE})`), 'the default max-file-size');
    });

    it('documents every setting the VS Code extension contributes', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        contributes?: { configuration?: { properties?: Record<string, unknown> } | Array<{ properties?: Record<string, unknown> }> };
      };
      const configuration = manifest.contributes?.configuration;
      const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
      for (const section of sections) {
        for (const name of Object.keys(section.properties ?? {})) assert.ok(page.includes(`| \`${name}\` |`), `${name} in the settings table`);
      }
    });
  });

  describe('links', () => {
    const pages = ['README.md', 'CHANGELOG.md', 'docs/format.md', 'docs/settings.md', ...ruleDocFiles().map((name) => `docs/rules/${name}`), 'docs/rules/README.md'];
    for (const page of pages) {
      it(`in ${page} lead to files and headings that exist`, () => {
        const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
        for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
          const target = match[1];
          if (/^[a-z]+:/.test(target)) continue;
          const [file, anchor] = target.split('#');
          const resolved = file === '' ? path.join(ROOT, page) : path.resolve(path.dirname(path.join(ROOT, page)), file);
          assert.ok(fs.existsSync(resolved), `${target}: no such file`);
          if (anchor && resolved.endsWith('.md')) {
            assert.ok(headingSlugs(fs.readFileSync(resolved, 'utf8')).has(anchor), `${target}: no such heading`);
          }
        }
      });
    }
  });

  describe('quotes of the Recommendation', () => {
    const pages = [...ruleDocFiles().map((name) => path.join(RULE_DOCS, name)), path.join(ROOT, 'docs', 'format.md')];
    for (const page of pages) {
      it(`are verbatim in ${path.relative(ROOT, page)}`, () => {
        const text = fs.readFileSync(page, 'utf8');
        for (const line of text.split(/\r?\n/)) {
          const quote = /^>\s*\*\*([IVX]+|\d+(?:\.[ivx]+)?)\*\*\s+(.*)$/.exec(line);
          if (!quote) continue;
          const expected = quotedText(quote[1], schema);
          assert.ok(expected !== undefined, `${quote[1]} is not in the schema`);
          assert.strictEqual(normalise(quote[2]), normalise(expected), `the quote of ${quote[1]}`);
        }
      });
    }
  });
});
