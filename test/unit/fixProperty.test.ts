/**
 * Fixes over many drafts: complete strategies built from the schema's own templates, in
 * generated layouts (2, 3 or 4 spaces, lists under or at their key, block or flow parts,
 * CRLF, a byte order mark, with or without a final newline, comments around), with sections and parts taken
 * out or left empty. Inserting all missing sections must always give a file that parses,
 * keeps every line and comment it had, has no missing section, and needs nothing more.
 * And on the examples and on drafts, every action offered is safe.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { Document, isMap, parseDocument } from 'yaml';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits, computeCodeActions, insertAllMissingSections, OffsetEdit } from '../../server/src/features/codeActions';
import { Schema } from '../../server/src/core/schema/types';
import { renderSectionTemplate } from '../../server/src/core/templates';
import { allActions, assertFixed, assertWellFormed, lines, SCHEMA, SHORT } from './fixHelpers';

/** Fixed seeds keep the suite repeatable; DGS_FIX_RUNS and DGS_FIX_SEED explore further by hand. */
const RUNS = (runs: number) => Number(process.env.DGS_FIX_RUNS ?? runs);
const SEED = (seed: number) => Number(process.env.DGS_FIX_SEED ?? seed);

type SectionChoice = 'keep' | 'drop' | 'empty' | 'null';
type PartChoice = 'keep' | 'drop' | 'empty' | 'null' | 'braces' | 'flow';

interface Draft {
  unit: number;
  indentSeq: boolean;
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
  comments: boolean;
  parts: PartChoice[];
  sections: SectionChoice[];
}

const EMPTY = '__EMPTY__';
const NULL = '__NULL__';
const BRACES = '__BRACES__';

/** A whole strategy in the draft's layout, with the draft's parts and sections left out or emptied. */
function buildDraft(schema: Schema, draft: Draft): string {
  const document = new Document({ strategy: { title: 'T', government: 'G', level: 'national', period: { from: 2026, to: 2030 }, status: 'draft', lead: 'M' } });
  const root = document.contents as unknown as { set(key: string, value: unknown): void };
  let index = 0;
  const flowParts: string[] = [];
  schema.parts.forEach((part, p) => {
    const partChoice = draft.parts[p];
    const sections: Record<string, unknown> = {};
    for (const recommendation of part.recommendations) {
      const choice = draft.sections[index++];
      if (choice === 'drop') continue;
      sections[recommendation.section] =
        choice === 'empty' ? EMPTY : choice === 'null' ? NULL : parseDocument(renderSectionTemplate(recommendation, `${recommendation.idPrefix}-1`)).toJS();
    }
    if (partChoice === 'drop') return;
    if (partChoice === 'empty') root.set(part.key, EMPTY);
    else if (partChoice === 'null') root.set(part.key, NULL);
    else if (partChoice === 'braces') root.set(part.key, BRACES);
    else {
      root.set(part.key, document.createNode(sections));
      if (partChoice === 'flow') flowParts.push(part.key);
    }
  });
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      if (flowParts.includes(String((pair.key as { value?: unknown }).value ?? pair.key)) && isMap(pair.value)) pair.value.flow = true;
    }
  }
  let text = document.toString({ indent: draft.unit, indentSeq: draft.indentSeq, lineWidth: 0 });
  text = text.replace(new RegExp(` ${EMPTY}`, 'g'), '').replace(new RegExp(NULL, 'g'), '~').replace(new RegExp(BRACES, 'g'), '{}');
  if (draft.comments) {
    const partKeys = schema.parts.map((part) => part.key);
    text = text
      .split('\n')
      .map((line) => {
        const key = /^([a-z-]+):/.exec(line)?.[1];
        if (key && partKeys.includes(key)) return `# Part ${key}\n${line}  # ${key} part`;
        if (/^\s+[a-z-]+:$/.test(line)) return `${line}  # ${line.trim()}`;
        return line;
      })
      .join('\n');
    text = `# dgs-strategy\n${text}# end of the draft\n`;
  }
  if (!draft.finalNewline) text = text.replace(/\n+$/, '');
  if (draft.bom) text = `\uFEFF${text}`;
  return draft.crlf ? text.replace(/\n/g, '\r\n') : text;
}

function sectionCount(schema: Schema): number {
  return schema.parts.reduce((sum, part) => sum + part.recommendations.length, 0);
}

function drafts(schema: Schema): fc.Arbitrary<Draft> {
  return fc.record({
    unit: fc.constantFrom(2, 3, 4),
    indentSeq: fc.boolean(),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    comments: fc.boolean(),
    parts: fc.array(fc.constantFrom<PartChoice>('keep', 'keep', 'keep', 'drop', 'empty', 'null', 'braces', 'flow'), { minLength: schema.parts.length, maxLength: schema.parts.length }),
    sections: fc.array(fc.constantFrom<SectionChoice>('keep', 'drop', 'drop', 'empty', 'null'), { minLength: sectionCount(schema), maxLength: sectionCount(schema) }),
  });
}

/** The edits only insert text, or take away an explicitly empty value (`~`, `{}`) to fill it. */
function onlyInsertions(text: string, edits: OffsetEdit[]): boolean {
  return edits.every((edit) => edit.start === edit.end || /^\s*(~|null|\{\s*\}|\[\s*\])$/.test(text.slice(edit.start, edit.end)));
}

describe('fixes over generated drafts', () => {
  it('insert all missing sections always gives a complete, well-formed file, and then nothing more', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(drafts(SCHEMA), (draft) => {
        const text = buildDraft(SCHEMA, draft);
        const before = analyze(text, SCHEMA);
        assert.deepStrictEqual(before.findings.filter((finding) => finding.rule === 'yaml-syntax'), [], `the generated draft does not parse:\n${text}`);
        const edits = insertAllMissingSections(before);
        const output = applyEdits(text, edits);
        const after = assertWellFormed(text, output, SCHEMA);
        assert.deepStrictEqual(
          after.findings.filter((finding) => finding.rule === 'missing-section').map((finding) => finding.message),
          [],
          `sections still missing after insert-all:\n${output}`,
        );
        assert.ok(onlyInsertions(text, edits), `an edit changes what the draft had:\n${JSON.stringify(edits)}`);
        assert.strictEqual(/\n$/.test(output), /\n$/.test(text) || text === '', 'the final newline changed');
        assert.deepStrictEqual(insertAllMissingSections(after), [], 'a second run changes something');
      }),
      { numRuns: RUNS(40), seed: SEED(20260301) },
    );
  });

  it('fix all leaves nothing for fix all to do', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(drafts(SHORT), fc.boolean(), (draft, typo) => {
        let text = buildDraft(SHORT, draft);
        // A misspelled clause in the first measure there is.
        if (typo) text = text.replace(/addresses: \[([0-9]+)\./, 'addresses: [$1.x, $1.');
        const before = analyze(text, SHORT);
        const [fixAll] = computeCodeActions(before, { start: 0, end: 0 }, ['source.fixAll']);
        if (!fixAll) return;
        const output = applyEdits(text, fixAll.edits);
        assertFixed(text, output, fixAll, SHORT);
      }),
      { numRuns: RUNS(25), seed: SEED(20260302) },
    );
  });
});

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

/** Drafts of our own, beside whatever examples the project has. */
const OWN_DRAFTS: Record<string, string> = {
  'half a strategy, 4 spaces, comments everywhere': lines(
    '# dgs-strategy',
    'strategy:',
    '    title: Half a strategy',
    '',
    '# The objectives, as far as we got',
    'objectives:   # part II',
    '    # openness first',
    '    opennes:   # misspelled',
    '        summary: Open.',
    '        measures:',
    '            - id: OPN-1',
    '              addresses: [1.i, 1.iv]   # a typo',
    '              depends-on: [OPN-9]',
    '    security-and-privacy:',
    '    # trailing note',
    '',
    '# implementation: later',
  ),
  'flow style throughout, CRLF': lines(
    'strategy: { title: T, government: G, level: national, period: { from: 2026, to: 2030 }, status: draft, lead: M }',
    'objectives: { openness: { summary: Open, measures: [ { id: OPN-1, addresses: [1.i] } ] } }',
    'development: {}',
  ).replace(/\n/g, '\r\n'),
};

function exampleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  if (fs.existsSync(EXAMPLES)) {
    for (const name of fs.readdirSync(EXAMPLES).filter((file) => /\.strategy\.ya?ml$/.test(file)).sort()) {
      files[`examples/${name}`] = fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
    }
  }
  return { ...files, ...OWN_DRAFTS };
}

describe('every action offered on the examples and on drafts', () => {
  for (const [name, text] of Object.entries(exampleFiles())) {
    it(name, function () {
      this.timeout(120_000);
      const analysis = analyze(text, SCHEMA);
      for (const action of allActions(analysis)) {
        const output = applyEdits(text, action.edits);
        assertFixed(text, output, action, SCHEMA);
      }
      const once = applyEdits(text, insertAllMissingSections(analysis));
      const twice = applyEdits(once, insertAllMissingSections(analyze(once, SCHEMA)));
      assert.strictEqual(twice, once, 'insert all missing sections twice changed something the second time');
    });
  }
});
