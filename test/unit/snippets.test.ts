/**
 * The editor snippets: the committed file is what the schema generates, and every snippet,
 * expanded with its defaults and placed where a drafter would put it, passes the analysis
 * with no error (placeholder warnings are expected: they tell the drafter what to fill in).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { renderSnippetFile, SnippetFile } from '../../server/src/snippets/snippetFile';
import { dateVariables, expandSnippet, indentInsertion, parseSnippet, SnippetVariables } from '../../server/src/snippets/snippetSyntax';
import { analyze, Analysis } from '../../server/src/core/analyze';
import { StrategyModel } from '../../server/src/core/model/strategy';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';

const ROOT = path.join(__dirname, '..', '..', '..');
const SNIPPET_FILE = path.join(ROOT, 'snippets', 'dgs-strategy.json');
const schema = loadDefaultSchema();
const committed: SnippetFile = JSON.parse(fs.readFileSync(SNIPPET_FILE, 'utf8'));
const VARIABLES: SnippetVariables = { ...dateVariables(new Date()), TM_FILENAME: 'national.strategy.yaml' };

function expand(name: string): string {
  const snippet = committed[name];
  assert.ok(snippet, `no snippet named "${name}" in snippets/dgs-strategy.json`);
  return expandSnippet(snippet.body.join('\n'), VARIABLES);
}

function errorsOf(analysis: Analysis): string[] {
  return analysis.findings
    .filter((finding) => finding.severity === 'error')
    .map((finding) => {
      const position = analysis.model.lines.positionAt(finding.span.start);
      return `${position.line + 1}:${position.character + 1} ${finding.rule}: ${finding.message}`;
    });
}

function assertNoError(text: string, what: string): Analysis {
  const analysis = analyze(text, schema);
  assert.deepStrictEqual(errorsOf(analysis), [], `${what} has errors:\n${text}`);
  return analysis;
}

/** Inserts a snippet on a new line before `line`, indented like an editor would with the cursor at `indent`. */
function insertBefore(text: string, line: number, indent: string, expanded: string): string {
  const lines = text.split('\n');
  lines.splice(line, 0, indent + indentInsertion(expanded, indent));
  return lines.join('\n');
}

function lineOf(model: StrategyModel, offset: number): { line: number; indent: string } {
  const position = model.lines.positionAt(offset);
  const lineText = model.text.split('\n')[position.line];
  return { line: position.line, indent: /^\s*/.exec(lineText)![0] };
}

const skeleton = expand('Strategy skeleton');
const skeletonModel = analyze(skeleton, schema).model;
const firstMeasure = skeletonModel.measures[0];

/**
 * The snippet's measures name every unit given, and address none of them: their titles are
 * still placeholders (spec §7.1), so each unit is missing, with a message that says why.
 */
function assertNamesEveryUnit(analysis: Analysis, refs: string[]): void {
  const named = new Set(analysis.model.references.map((reference) => reference.resolution.unit?.ref));
  for (const ref of refs) assert.ok(named.has(ref), `${ref} not named`);
  assert.deepStrictEqual(analysis.coverage.addressed, []);
  const findings = analysis.findings.filter((finding) => finding.rule === 'clause-not-addressed');
  assert.strictEqual(findings.length, refs.length);
  assert.ok(findings.every((finding) => /names it but its title is still a placeholder/.test(finding.message)));
}

describe('snippets', () => {
  it('the committed snippets file is what the schema generates (run: node scripts/generate-snippets.js)', () => {
    assert.strictEqual(fs.readFileSync(SNIPPET_FILE, 'utf8'), renderSnippetFile(schema));
  });

  it('has the whole strategy, every section of the schema, a measure, an indicator, a business case and a not-applicable list', () => {
    const prefixes = Object.values(committed).flatMap((snippet) => snippet.prefix);
    for (const recommendation of schema.recommendations) assert.ok(prefixes.includes(recommendation.section), `no snippet for section ${recommendation.section}`);
    for (const prefix of ['dgs-strategy', 'measure', 'indicator', 'business-case', 'not-applicable']) assert.ok(prefixes.includes(prefix), `no snippet with prefix ${prefix}`);
    assert.strictEqual(Object.keys(committed).length, schema.recommendations.length + 5);
  });

  for (const [name, snippet] of Object.entries(committed)) {
    it(`"${name}" is well-formed snippet syntax with a description, ending at $0`, () => {
      const body = snippet.body.join('\n');
      assert.doesNotThrow(() => parseSnippet(body));
      assert.ok(snippet.description.trim().length > 0);
      assert.ok(body.endsWith('$0'), 'the cursor ends after the snippet');
      assert.ok(!/\t/.test(body), 'no tab characters: YAML indentation is spaces');
    });
  }

  it('the whole strategy has no error, every part and section, and names every coverage unit (addressing none until written)', () => {
    const analysis = assertNoError(skeleton, 'the strategy skeleton');
    assert.ok(skeleton.startsWith('# dgs-strategy\n'));
    assert.deepStrictEqual(
      analysis.model.sections.map((section) => section.recommendation.section),
      schema.recommendations.map((recommendation) => recommendation.section),
    );
    assertNamesEveryUnit(analysis, schema.units.map((unit) => unit.ref));
    const year = new Date().getFullYear();
    assert.deepStrictEqual(analysis.model.strategy?.period && [analysis.model.strategy.period.from, analysis.model.strategy.period.to], [year, year]);
    // Only placeholders are left to fill in.
    assert.ok(analysis.findings.every((finding) => finding.rule === 'placeholder-text' || finding.rule === 'clause-not-addressed'), analysis.findings.map((finding) => finding.rule).join(', '));
  });

  for (const recommendation of schema.recommendations) {
    it(`section "${recommendation.section}", placed under ${recommendation.part.key}, has no error and names its section's units`, () => {
      const strategyBlock = skeleton.slice(0, skeleton.search(/^(?:#.*\n)*objectives:/m));
      const text = `${strategyBlock}${recommendation.part.key}:\n  ${indentInsertion(expand(`Section ${recommendation.number}: ${recommendation.section}`), '  ')}\n`;
      const analysis = assertNoError(text, `section ${recommendation.section}`);
      assert.deepStrictEqual(analysis.model.sections.map((section) => section.recommendation.section), [recommendation.section]);
      const section = analysis.model.sections[0];
      assert.strictEqual(section.measures.length, 1);
      assert.strictEqual(section.measures[0].id?.text, `${recommendation.idPrefix}-1`);
      assertNamesEveryUnit(analysis, recommendation.units.map((unit) => unit.ref));
      assert.ok(!analysis.findings.some((finding) => finding.rule === 'empty-section'));
    });
  }

  it('a strategy made of the twelve section snippets has no error and names every unit', () => {
    const strategyBlock = skeleton.slice(0, skeleton.search(/^(?:#.*\n)*objectives:/m));
    const parts = schema.parts.map((part) => {
      const sections = part.recommendations.map((recommendation) => `  ${indentInsertion(expand(`Section ${recommendation.number}: ${recommendation.section}`), '  ')}`);
      return `${part.key}:\n${sections.join('\n')}`;
    });
    const analysis = assertNoError(`${strategyBlock}${parts.join('\n')}\n`, 'the strategy of section snippets');
    assertNamesEveryUnit(analysis, schema.units.map((unit) => unit.ref));
    assert.ok(!analysis.findings.some((finding) => finding.rule === 'missing-section'));
  });

  it('a measure, placed first in a section\'s measures, has no error and is read as a measure', () => {
    const { line, indent } = lineOf(skeletonModel, firstMeasure.firstLine.start);
    const text = insertBefore(skeleton, line, indent, expand('Measure'));
    const analysis = assertNoError(text, 'the measure snippet');
    const measure = analysis.model.measuresById.get('NEW-1')?.[0];
    assert.ok(measure, 'the new measure is read');
    assert.strictEqual(measure.section.recommendation.section, firstMeasure.section.recommendation.section);
    assert.deepStrictEqual(measure.addresses.map((reference) => reference.resolution.status), ['unit']);
    assert.strictEqual(measure.addresses[0].resolution.unit?.ref, schema.units[0].ref);
    assert.ok(measure.hasLead);
    assert.strictEqual(measure.indicatorCount, 1);
  });

  it('an indicator, placed first in a measure\'s indicators, has no error and counts', () => {
    const indicators = firstMeasure.entries.get('indicators')!.value.items!;
    const { line, indent } = lineOf(skeletonModel, indicators[0].span.start);
    const text = insertBefore(skeleton, line, indent.length > 0 ? indent : '', expand('Indicator'));
    const analysis = assertNoError(text, 'the indicator snippet');
    assert.strictEqual(analysis.model.measures[0].indicatorCount, 2);
  });

  it('a business case, placed among a measure\'s fields, has no error and names a stakeholder', () => {
    const lead = firstMeasure.entries.get('lead')!;
    const { line, indent } = lineOf(skeletonModel, lead.keySpan.start);
    const text = insertBefore(skeleton, line, indent, expand('Business case'));
    const analysis = assertNoError(text, 'the business case snippet');
    assert.strictEqual(analysis.model.measures[0].businessCase?.stakeholderCount, 1);
    assert.ok(!analysis.findings.some((finding) => finding.rule === 'business-case-stakeholders'));
  });

  it('a not-applicable list, placed in a section before its measures, has no error, and its placeholder reason does not settle the clause', () => {
    const section = firstMeasure.section;
    const measures = section.value.entries!.get('measures')!;
    const { line, indent } = lineOf(skeletonModel, measures.keySpan.start);
    const text = insertBefore(skeleton, line, indent, expand('Not applicable'));
    const analysis = assertNoError(text, 'the not-applicable snippet');
    const [entry] = analysis.model.sections.find((candidate) => candidate.recommendation === section.recommendation)!.notApplicable;
    assert.strictEqual(entry.unit?.ref, schema.units[0].ref);
    const unit = analysis.coverage.units.find((candidate) => candidate.unit.ref === schema.units[0].ref)!;
    assert.deepStrictEqual([unit.status, unit.unfinishedNotApplicable === entry], ['missing', true]);
    const reasonLine = analysis.model.lines.positionAt(entry.firstLine.start).line + 1;
    assert.ok(analysis.findings.some((finding) => finding.rule === 'placeholder-text' && analysis.model.lines.positionAt(finding.span.start).line === reasonLine));
  });
});

describe('snippet syntax expansion', () => {
  const cases: Array<[string, string]> = [
    ['plain text', 'plain text'],
    ['a: ${1:default} b: $1', 'a: default b: default'],
    ['$1 mirrors ${1:later}', 'later mirrors later'],
    ['${1|first,second|} then $1', 'first then first'],
    ['${1:outer ${2:inner}} $2', 'outer inner inner'],
    ['end$0', 'end'],
    ['${0:kept}', 'kept'],
    ['cost \\$5 and \\} and \\\\', 'cost $5 and } and \\'],
    ['${1:a \\} b}', 'a } b'],
    ['${1|a\\,b,c|}', 'a,b'],
    ['year $CURRENT_YEAR ${CURRENT_YEAR} ${1:$CURRENT_YEAR}', 'year 2031 2031 2031'],
    ['{ name: ${1:x} }', '{ name: x }'],
  ];
  for (const [body, expected] of cases) {
    it(`expands ${JSON.stringify(body)}`, () => {
      assert.strictEqual(expandSnippet(body, { CURRENT_YEAR: '2031' }), expected);
    });
  }

  it('rejects an unclosed placeholder and an unknown variable', () => {
    assert.throws(() => expandSnippet('${1:open', {}), /unclosed/);
    assert.throws(() => expandSnippet('$NOT_A_VARIABLE', {}), /unknown snippet variable/);
  });

  it('indents every line after the first like the line it is inserted on', () => {
    assert.strictEqual(indentInsertion('a:\n\tb: 1\n  c: 2', '    '), 'a:\n      b: 1\n      c: 2');
  });
});
