/**
 * Coverage a reviewer can trust, over the real protocol: the language server, started as a
 * process, publishes exactly the findings written in the city's and the nation's drafts
 * (test/helpers/trustFixtures.ts), answers dgs/coverage with the documented status of each
 * clause (and the Coverage view built from that answer shows it), puts the same count in
 * the code lens, and offers "Declare clause … not applicable" on a clause not addressed,
 * whose placeholder reason does not settle the clause.
 */
import * as assert from 'assert';
import { CodeAction, CodeActionRequest, CodeLens, CodeLensRequest, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { buildCoverageView, statusText } from '../../client/src/coverageModel';
import { COVERAGE_REQUEST, CoverageAnswer } from '../../server/src/protocol';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { describe as describeExpected } from '../helpers/annotations';
import { CITY, expectedLists, statusOf, TRUST_FIXTURES, unsaidMessages } from '../helpers/trustFixtures';
import { LspClient } from './client';

const refs = loadDefaultSchema().units.map((unit) => unit.ref);

/** Some sections' code lens, by fixture. */
const LENSES: Record<string, Record<string, string>> = {
  'city.strategy.yaml': {
    openness: '2 of 3 clauses addressed',
    engagement: '0 of 2 clauses addressed',
    'data-driven-culture': '2 of 2 clauses addressed (2 weak)',
    'legal-frameworks': '1 of 2 clauses addressed (1 not applicable)',
  },
  'national.strategy.yaml': {
    openness: '3 of 3 clauses addressed',
    coherence: '3 of 4 clauses addressed',
    'project-capacity': '4 of 5 clauses addressed (1 weak)',
    procurement: 'recommendation 11 addressed',
    'legal-frameworks': '1 of 2 clauses addressed (1 not applicable)',
  },
};

function applyTextEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (position: { line: number; character: number }) => starts[position.line] + position.character;
  let result = text;
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  }
  return result;
}

describe('coverage a reviewer can trust, over the language server protocol', function () {
  let client: LspClient;
  const published = new Map<string, Diagnostic[]>();

  before(async () => {
    ({ client } = await LspClient.start());
    for (const fixture of TRUST_FIXTURES) {
      const uri = client.uri(fixture.name);
      await client.open(uri, fixture.text, 'dgs-strategy');
      published.set(fixture.name, (await client.nextDiagnostics(uri)).diagnostics);
    }
  });
  after(async () => client.stop());

  for (const fixture of TRUST_FIXTURES) {
    describe(fixture.name, () => {
      it('publishes exactly the findings of the fixture, with the messages it documents, in plain text', () => {
        const diagnostics = published.get(fixture.name)!;
        assert.deepStrictEqual(diagnostics.map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`).sort(), describeExpected(fixture.findings));
        assert.deepStrictEqual(unsaidMessages(fixture, diagnostics.map((diagnostic) => ({ rule: String(diagnostic.code), message: diagnostic.message }))), []);
        assert.ok(diagnostics.every((diagnostic) => !diagnostic.message.includes('`')), 'no backticks in the Problems panel');
      });

      it('answers dgs/coverage with each clause\'s documented status, and the Coverage view and status bar built from it say the same', async () => {
        const answer = (await client.connection.sendRequest(COVERAGE_REQUEST, { uri: client.uri(fixture.name), file: fixture.name })) as CoverageAnswer;
        assert.deepStrictEqual(answer.units.map((unit) => [unit.ref, unit.status]), refs.map((ref) => [ref, statusOf(fixture, ref)]));
        const view = buildCoverageView(answer);
        const units = view.recommendations.flatMap((recommendation) => recommendation.units);
        assert.deepStrictEqual(units.map((unit) => [unit.ref, unit.status]), refs.map((ref) => [ref, statusOf(fixture, ref)]));
        const lists = expectedLists(fixture, refs);
        assert.deepStrictEqual(view.counts, { addressed: lists.addressedStrict.length, weak: lists.weak.length, 'not-applicable': lists.notApplicable.length, missing: lists.missing.length });
        assert.strictEqual(statusText(view), `DGS ${lists.addressed.length}/26 · ${lists.notApplicable.length} n/a`);
        for (const [ref, note] of Object.entries(fixture.notes)) assert.strictEqual(units.find((unit) => unit.ref === ref)?.note, note, ref);
      });

      it('shows in each section\'s code lens the clauses addressed of the section, by the same statuses', async () => {
        const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: client.uri(fixture.name) } })) as CodeLens[];
        const lines = fixture.text.split('\n');
        const bySection = Object.fromEntries(lenses.map((lens) => [lines[lens.range.start.line].trim().replace(/:.*$/, ''), lens.command?.title]));
        for (const [section, title] of Object.entries(LENSES[fixture.name])) assert.strictEqual(bySection[section], title, section);
      });
    });
  }

  // After the fixtures' own tests (mocha runs a suite's tests before its nested suites): this one edits the city.
  describe('the quick fix on a clause not addressed', () => {
    it('offers "Declare clause 1.ii not applicable" on the city\'s clause not addressed; applied, the clause is not reported, and is still not addressed until the reason is written', async () => {
      const uri = client.uri(CITY.name);
      const finding = published.get(CITY.name)!.find((diagnostic) => diagnostic.code === 'clause-not-addressed' && diagnostic.message.includes('clause 1.ii'))!;
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding], only: ['quickfix'] } })) as CodeAction[];
      const declare = actions.find((action) => action.title === 'Declare clause 1.ii not applicable');
      assert.ok(declare, actions.map((action) => action.title).join(' | '));
      const text = applyTextEdits(CITY.text, (declare.edit!.documentChanges![0] as TextDocumentEdit).edits);
      assert.ok(text.includes('    not-applicable:\n      - clause: 1.ii\n        reason: TODO say why clause 1.ii does not apply to this strategy\n    measures:'), text);
      const version = await client.change(uri, text);
      const after = (await client.nextDiagnostics(uri, version)).diagnostics;
      assert.ok(!after.some((diagnostic) => diagnostic.code === 'clause-not-addressed' && diagnostic.message.includes('clause 1.ii')));
      assert.ok(after.some((diagnostic) => diagnostic.code === 'placeholder-text' && diagnostic.message.includes('clause 1.ii counts as not addressed')));
      const answer = (await client.connection.sendRequest(COVERAGE_REQUEST, { uri, file: CITY.name })) as CoverageAnswer;
      assert.strictEqual(answer.units.find((unit) => unit.ref === '1.ii')?.status, 'missing');
    });
  });
});
