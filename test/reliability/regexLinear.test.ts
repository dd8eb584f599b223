/**
 * Every regular expression in the extension's and the server's code runs in linear time:
 * each is read from the source (literals, and `new RegExp` of a literal) and analysed with
 * scslre, a static checker for super-linear backtracking. A pattern built at run time from
 * data is listed in DYNAMIC with what it is built from, and checked on the values it is
 * built from.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyse } from 'scslre';
import * as ts from 'typescript';
import { termPattern } from '../../server/src/features/hover';
import { ROOT, SCHEMA } from './helpers';

interface FoundRegExp {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts')) files.push(full);
  }
  return files;
}

/**
 * `new RegExp(…)` calls whose pattern is not a literal, by file, with what the pattern is
 * built from. Adding one here needs a reason, and a check below when the data is not the code's own.
 */
const DYNAMIC: Record<string, string> = {
  'server/src/features/hover.ts': "a term of the schema's Part I, escaped, its words joined by \\s+ (checked below on every term)",
  'server/src/features/snippets.ts': 'the two placeholder marks of the code, private-use characters',
  'server/src/snippets/snippetFile.ts': 'the keys measures and indicators, and the sentinels of the code',
};

function findRegExps(): { literals: FoundRegExp[]; dynamic: Array<{ file: string; line: number }> } {
  const literals: FoundRegExp[] = [];
  const dynamic: Array<{ file: string; line: number }> = [];
  for (const folder of ['server/src', 'client/src']) {
    for (const file of sourceFiles(path.join(ROOT, folder))) {
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText();
          const end = text.lastIndexOf('/');
          literals.push({ file: relative, line: lineOf(node), source: text.slice(1, end), flags: text.slice(end + 1) });
        } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          const [pattern, flags] = node.arguments ?? [];
          if (pattern && (ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern))) {
            literals.push({ file: relative, line: lineOf(node), source: pattern.text, flags: flags && ts.isStringLiteral(flags) ? flags.text : '' });
          } else {
            dynamic.push({ file: relative, line: lineOf(node) });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return { literals, dynamic };
}

function superLinear(source: string, flags: string): string[] {
  return analyse({ source, flags }).reports.map((report) => `${report.exponential ? 'exponential' : 'polynomial'} (${report.type}) at ${"quant" in report ? report.quant.raw : report.startQuant.raw}`);
}

describe('every regular expression runs in linear time', () => {
  const { literals, dynamic } = findRegExps();

  it('finds the regular expressions of the code (the search itself works)', () => {
    assert.ok(literals.length > 50, `only ${literals.length} regular expressions found`);
    assert.ok(literals.some((found) => found.file === 'server/src/core/suppress.ts'));
  });

  it('no literal regular expression of server/src or client/src backtracks super-linearly (scslre)', () => {
    const failures: string[] = [];
    for (const found of literals) {
      for (const problem of superLinear(found.source, found.flags)) failures.push(`${found.file}:${found.line}: /${found.source}/${found.flags}: ${problem}`);
    }
    assert.deepStrictEqual(failures, []);
  });

  it('every regular expression built at run time is listed with what it is built from', () => {
    const unlisted = dynamic.filter((call) => DYNAMIC[call.file] === undefined).map((call) => `${call.file}:${call.line}`);
    assert.deepStrictEqual(unlisted, []);
  });

  it("the patterns built from the schema's terms are linear, as are those of hostile terms", () => {
    const terms = [...SCHEMA.definitions.map((definition) => definition.term), 'a  a  a', 'x'.repeat(200), '.*+?^${}()|[]\\', 'word\u00a0word'];
    const failures: string[] = [];
    for (const term of terms) {
      const pattern = termPattern(term);
      for (const problem of superLinear(pattern.source, pattern.flags)) failures.push(`${JSON.stringify(term)}: ${problem}`);
    }
    assert.deepStrictEqual(failures, []);
  });

  it('the checker catches the patterns this suite replaced', () => {
    assert.notDeepStrictEqual(superLinear('^\\s*#\\s*dgs-disable(-next-line)?\\s+([A-Za-z0-9_,\\s-]+?)\\s*$', ''), []);
    assert.notDeepStrictEqual(superLinear('^("[^"]*"|\'[^\']*\'|[^\\s#\'"{[\\]},:][^:#]*?)\\s*:(?=\\s|$)', ''), []);
  });
});
