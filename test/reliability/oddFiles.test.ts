/**
 * Odd files a drafter's tools produce: Windows line endings, a byte order mark, tabs,
 * several YAML documents, an empty file, old Mac line endings, characters outside the
 * Basic Multilingual Plane. Positions must be where the editor shows them.
 */
import * as assert from 'assert';
import { parseAllDocuments } from 'yaml';
import { Analysis } from '../../server/src/core/analyze';
import { SYNTAX_DETAIL } from '../../server/src/core/model/strategy';
import { Position } from '../../server/src/core/text/lineIndex';
import { analyzeChecked, CLEAN_FIXTURE, editorView, examples, toCrlf } from './helpers';

function findings(analysis: Analysis): string[] {
  return editorView(analysis);
}

function rulesAt(analysis: Analysis): string[] {
  return analysis.findings.map((finding) => `${finding.rule}@${JSON.stringify(analysis.model.lines.rangeOf(finding.span))}`);
}

describe('odd files', function () {
  this.timeout(60_000);

  describe('CRLF line endings: every finding at exactly the place it has with LF', () => {
    for (const [name, text] of Object.entries({ ...examples(), 'the clean fixture': CLEAN_FIXTURE })) {
      it(name, () => {
        const lf = analyzeChecked(text).analysis;
        const crlf = analyzeChecked(toCrlf(text)).analysis;
        assert.deepStrictEqual(findings(crlf), findings(lf));
        assert.deepStrictEqual(crlf.coverage.addressed, lf.coverage.addressed);
      });
    }

    it('findings that end at the end of a line end before the \\r', () => {
      const text = 'strategy:\n  title: T\n  level: continental\nobjectives:\n  opennes:\n';
      const lf = analyzeChecked(text).analysis;
      const crlf = analyzeChecked(toCrlf(text)).analysis;
      assert.deepStrictEqual(findings(crlf), findings(lf));
      for (const finding of crlf.findings) assert.ok(!crlf.model.text.slice(finding.span.start, finding.span.end).endsWith('\r'), `${finding.rule} covers a \\r`);
    });

    it('mixed line endings (LF, CRLF and a lone CR) are three kinds of line break, as in the editor', () => {
      const text = 'strategy:\r\n  title: T\n  level: continental\r  status: drafty\r\n';
      const { analysis } = analyzeChecked(text);
      assert.strictEqual(analysis.model.lines.lineCount, 5);
      assert.strictEqual(analysis.model.lines.lineText(2), '  level: continental');
    });

    it('old Mac line endings (CR only): the same findings, at the same lines and characters, as with LF; a first comment does not hide the file', () => {
      for (const text of [CLEAN_FIXTURE.replace('level: national', 'level: continental'), ...Object.values(examples())]) {
        const lf = analyzeChecked(text).analysis;
        const cr = analyzeChecked(text.replace(/\r?\n/g, '\r')).analysis;
        assert.deepStrictEqual(findings(cr), findings(lf));
        assert.deepStrictEqual(cr.coverage.addressed, lf.coverage.addressed);
      }
      // Before, the YAML parser read a CR-only file that starts with a comment as one comment: an empty file.
      const commented = analyzeChecked(CLEAN_FIXTURE.replace(/\n/g, '\r')).analysis;
      assert.deepStrictEqual(commented.findings, []);
      assert.ok(commented.coverage.addressed.length > 0);
    });

    it('old Mac line endings (a lone CR): lines as the editor counts them', () => {
      const text = 'strategy:\r  title: T\r  level: continental\r';
      const { analysis } = analyzeChecked(text);
      assert.ok(analysis.findings.length > 0);
      for (const finding of analysis.findings) {
        const range = analysis.model.lines.rangeOf(finding.span);
        assert.ok(range.start.line <= 3 && range.end.character <= 21, JSON.stringify(range));
      }
    });
  });

  describe('UTF-16 and merge keys', () => {
    it('UTF-16 read as UTF-8 (every other character a NUL, with or without the mark read as U+FFFD): one finding that names the encoding', () => {
      const le = Buffer.from(CLEAN_FIXTURE, 'utf16le');
      const be = Buffer.from(le).swap16();
      for (const bytes of [le, be, Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), be])]) {
        const { analysis } = analyzeChecked(new TextDecoder('utf-8').decode(bytes));
        assert.deepStrictEqual(analysis.findings.map((finding) => finding.rule), ['yaml-syntax']);
        assert.match(analysis.findings[0].message, /UTF-16/);
      }
      // NUL characters in a UTF-8 file are no such hint.
      const { analysis } = analyzeChecked(`${CLEAN_FIXTURE}# \u0000\u0000\n`);
      assert.ok(analysis.findings.every((finding) => !/UTF-16/.test(finding.message)));
    });

    it('merge keys (<<) are a finding that says nothing is merged, wherever they are', () => {
      const text = CLEAN_FIXTURE.replace('      - id: OPN-2\n', '      - <<: {lead: Someone}\n        id: OPN-2\n').replace('strategy:\n', 'strategy:\n  <<: {level: national}\n');
      const { analysis } = analyzeChecked(text);
      const merges = analysis.findings.filter((finding) => /Merging with << is not supported/.test(finding.message));
      assert.strictEqual(merges.length, 2, findings(analysis).join('\n'));
    });
  });

  describe('a byte order mark', () => {
    it('the same findings as without it; on the first line one character later (the mark is a character of the text)', () => {
      const text = 'strategy:\n  title: T\n  level: continental\nobjectives:\n  opennes:\n';
      const plain = analyzeChecked(text).analysis;
      const marked = analyzeChecked(`\ufeff${text}`).analysis;
      // Findings on one line come in any order: compare them sorted, by rule and message.
      const key = (analysis: Analysis) => (finding: Analysis['findings'][number]) => ({ text: `${finding.rule}: ${finding.message}`, range: analysis.model.lines.rangeOf(finding.span) });
      const sort = (entries: Array<{ text: string; range: { start: Position; end: Position } }>) => entries.sort((a, b) => a.text.localeCompare(b.text) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      const before = sort(plain.findings.map(key(plain)));
      const after = sort(marked.findings.map(key(marked)));
      assert.deepStrictEqual(after.map((entry) => entry.text), before.map((entry) => entry.text));
      after.forEach((entry, index) => {
        for (const end of ['start', 'end'] as const) {
          const moved = entry.range[end];
          const original = before[index].range[end];
          assert.strictEqual(moved.line, original.line, entry.text);
          // On the first line a place moves by the mark (one character) or stays at the start of the file; below it nothing moves.
          if (original.line === 0) assert.ok(moved.character - original.character <= 1 && moved.character >= original.character, `${entry.text}: ${JSON.stringify(original)} → ${JSON.stringify(moved)}`);
          else assert.deepStrictEqual(moved, original, entry.text);
        }
      });
    });

    it('a byte order mark with CRLF, and a file that is nothing but a byte order mark', () => {
      analyzeChecked(`\ufeff${toCrlf(CLEAN_FIXTURE)}`);
      const { analysis } = analyzeChecked('\ufeff');
      assert.deepStrictEqual(analysis.findings.map((finding) => finding.rule).sort(), ['missing-field', 'missing-section', 'missing-section', 'missing-section']);
    });
  });

  describe('tabs', () => {
    it('a tab used as indentation: one yaml-syntax finding on that line', () => {
      const text = CLEAN_FIXTURE.replace('  government:', '\tgovernment:');
      const { analysis } = analyzeChecked(text);
      const line = text.split('\n').findIndex((content) => content.startsWith('\tgovernment'));
      assert.ok(analysis.findings.length >= 1);
      assert.ok(analysis.findings.every((finding) => finding.rule === 'yaml-syntax'));
      assert.ok(analysis.findings.some((finding) => analysis.model.lines.positionAt(finding.span.start).line === line), rulesAt(analysis).join('\n'));
    });

    it('tabs inside values and after the colon are plain separators: no finding', () => {
      const text = CLEAN_FIXTURE.replace('title: Digital Government Strategy 2026-2030', 'title:\tDigital\tGovernment Strategy').replace('government: Republic of Testland', 'government: Republic of Testland\t# a comment after a tab');
      const { analysis } = analyzeChecked(text);
      assert.deepStrictEqual(findings(analysis), []);
    });

    it('a tab counts as one character in positions', () => {
      const text = 'strategy: {\ttitle: T,\tlevel: continental }\n';
      const { analysis } = analyzeChecked(text);
      const level = analysis.findings.find((finding) => finding.rule === 'type-mismatch');
      assert.ok(level, rulesAt(analysis).join('\n'));
      assert.deepStrictEqual(analysis.model.lines.rangeOf(level.span).start, { line: 0, character: text.indexOf('continental') });
    });
  });

  describe('several YAML documents in one file', () => {
    it('the second document is one finding at its separator; the first is still read', () => {
      const text = `${CLEAN_FIXTURE}---\nstrategy:\n  title: Another\n`;
      const { analysis } = analyzeChecked(text);
      const line = CLEAN_FIXTURE.split('\n').length - 1;
      assert.deepStrictEqual(rulesAt(analysis), [`yaml-syntax@${JSON.stringify({ start: { line, character: 0 }, end: { line, character: 3 } })}`]);
      assert.match(analysis.findings[0].message, /one YAML document/);
      assert.strictEqual(analysis.model.measures.length, analyzeChecked(CLEAN_FIXTURE).analysis.model.measures.length, 'the first document is read');
    });

    it('a document end marker, directives, an empty second document and 1,000 documents', () => {
      analyzeChecked(`%YAML 1.2\n---\n${CLEAN_FIXTURE}...\n`);
      analyzeChecked(`${CLEAN_FIXTURE}---\n`);
      const { analysis } = analyzeChecked(`${CLEAN_FIXTURE}${'---\na: 1\n'.repeat(1000)}`);
      // One finding per extra document, a hundred of them listed and one that counts the rest.
      assert.strictEqual(analysis.findings.length, 101);
      assert.match(analysis.findings[100].message, /^900 more YAML syntax errors are not listed/);
    });
  });

  describe('a text with syntax errors on every line', () => {
    it('3,000 measures under a key indented at the root: a hundred errors listed, and the rest counted exactly, not made into findings', () => {
      const text = `  openness:\n    measures:\n${Array.from({ length: 3000 }, (_, i) => `- id: X-${i}\n  title: Measure ${i}\n`).join('')}`;
      const { analysis } = analyzeChecked(text);
      const errors = parseAllDocuments(text).reduce((sum, document) => sum + document.errors.length, 0);
      assert.ok(errors > 10 * SYNTAX_DETAIL, `${errors} errors`);
      const syntax = analysis.findings.filter((finding) => finding.rule === 'yaml-syntax');
      assert.strictEqual(syntax.length, 101);
      assert.strictEqual(syntax[100].message, `${errors - 100} more YAML syntax errors are not listed: correct the ones above first, and check the file again.`);
      // The hundred listed are the first ones in the text.
      const first = parseAllDocuments(text)[0].errors.slice(0, 100).map((error) => error.pos[0]);
      assert.deepStrictEqual(syntax.slice(0, 100).map((finding) => finding.span.start), first);
    });
  });

  describe('empty and nearly empty files', () => {
    const EMPTY_FINDINGS = ['missing-field', 'missing-section', 'missing-section', 'missing-section'];
    for (const [name, text] of Object.entries({
      'an empty file': '',
      'a file of blank lines': '\n\n\n',
      'a file of spaces': '     ',
      'a file of comments': '# dgs-strategy\n# nothing yet\n',
      'a file of CRLF blank lines': '\r\n\r\n',
      'a lone document separator': '---\n',
      'a lone document end': '...\n',
    })) {
      it(`${name}: the strategy block and the three parts are missing, all at line 0`, () => {
        const { analysis } = analyzeChecked(text);
        assert.deepStrictEqual(analysis.findings.map((finding) => finding.rule).sort(), EMPTY_FINDINGS);
        for (const finding of analysis.findings) assert.strictEqual(analysis.model.lines.positionAt(finding.span.start).line, 0);
      });
    }

    for (const [name, text] of Object.entries({ 'a list': '- a\n- b\n', 'a number': '42\n', 'a quoted text': '"strategy"\n', 'an empty list': '[]\n' })) {
      it(`a file whose top level is ${name}: one type-mismatch at line 0`, () => {
        const { analysis } = analyzeChecked(text);
        assert.deepStrictEqual(rulesAt(analysis).map((entry) => entry.split('@')[0]), ['type-mismatch']);
      });
    }
  });

  describe('characters beyond the Basic Multilingual Plane', () => {
    it('positions count UTF-16 code units, as LSP positions do', () => {
      const text = 'strategy: { title: "\ud83d\ude00\ud83c\udf0d emoji", level: continental }\n';
      const { analysis } = analyzeChecked(text);
      const level = analysis.findings.find((finding) => finding.rule === 'type-mismatch');
      assert.ok(level);
      assert.deepStrictEqual(analysis.model.lines.rangeOf(level.span).start, { line: 0, character: text.indexOf('continental') });
    });
  });
});
