/**
 * The extension is a thin client: its modules import nothing of the server's sources but the
 * protocol module (types and constants), and the pieces it does hold are pure and tested
 * here: where the cursor goes after a fix, and how the report becomes a webview page.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { insertsPlaceholders, placeholderAfterEdits } from '../../client/src/placeholders';
import { contentSecurityPolicy, makeNonce, webviewPage } from '../../client/src/webviewHtml';
import { REPO_ROOT } from '../helpers/paths';

const CLIENT = path.join(REPO_ROOT, 'client', 'src');

/** The relative imports of a TypeScript file, resolved to paths without extension. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*from\s+'(\.[^']+)'/gm)].map((match) => path.resolve(path.dirname(file), match[1]));
}

describe('the thin client', () => {
  it('imports nothing from server/src but protocol modules, from extension.ts down', () => {
    const seen = new Set<string>();
    const pending = [path.join(CLIENT, 'extension')];
    const offending: string[] = [];
    const protocols = new Set<string>();
    while (pending.length > 0) {
      const module = pending.pop()!;
      if (seen.has(module)) continue;
      seen.add(module);
      for (const imported of importsOf(`${module}.ts`)) {
        const relative = path.relative(REPO_ROOT, imported).split(path.sep).join('/');
        if (relative.startsWith('client/src/')) pending.push(imported);
        else if (!/^server\/src\/(?:[\w-]+\/)*protocol$/.test(relative)) offending.push(`${path.relative(REPO_ROOT, module)} imports ${relative}`);
        else protocols.add(relative);
      }
    }
    assert.deepStrictEqual(offending, []);
    assert.ok(seen.size >= 10, `the walk reached the client's modules (${seen.size})`);
    assert.ok(protocols.has('server/src/protocol'), 'the client shares the protocol module');
    // Each protocol module the client shares holds only types and constants.
    for (const protocol of protocols) {
      const text = fs.readFileSync(path.join(REPO_ROOT, `${protocol}.ts`), 'utf8');
      assert.deepStrictEqual([...text.matchAll(/^import (?!type )[^\n]*/gm)].map((match) => match[0]), [], `${protocol}: only type imports`);
      assert.ok(!/^export (?:async )?function|^export class/m.test(text), `${protocol}: no code`);
    }
  });
});

describe('the cursor after a fix that inserts placeholders', () => {
  it('lands on the first placeholder the edits write, shifted by the edits before it', () => {
    const before = 'a: 1\nb: 2\n';
    const edits = [
      { start: 10, end: 10, newText: 'c:\n  title: TODO name the measure\n' },
      { start: 0, end: 1, newText: 'alpha' },
    ];
    const found = placeholderAfterEdits(edits);
    let after = before;
    for (const edit of [...edits].sort((a, b) => b.start - a.start)) after = after.slice(0, edit.start) + edit.newText + after.slice(edit.end);
    assert.ok(found);
    assert.strictEqual(after.slice(found.start, found.end), 'TODO name the measure');
  });

  it('stops before a closing quote, and finds nothing when nothing is a placeholder', () => {
    const found = placeholderAfterEdits([{ start: 0, end: 0, newText: 'title: "TODO a title"\n' }]);
    assert.deepStrictEqual(found, { start: 8, end: 20 });
    assert.strictEqual(placeholderAfterEdits([{ start: 0, end: 0, newText: 'title: Done\n' }]), undefined);
  });

  it('is wanted after inserting a section, a part or a measure, not after a replacement', () => {
    assert.ok(insertsPlaceholders('Insert the missing section "procurement" into implementing'));
    assert.ok(insertsPlaceholders('Insert the missing part "developing" with its sections'));
    assert.ok(insertsPlaceholders('Add a measure for clause 8 to "procurement"'));
    assert.ok(!insertsPlaceholders('Replace "1.iv" with "1.iii"'));
    assert.ok(!insertsPlaceholders('Insert all missing sections (2)'));
  });
});

describe('the report as a webview page', () => {
  const resources = { cspSource: 'https://webview.test', nonce: 'abc123', styleUri: 'https://webview.test/report.css', scriptUri: 'https://webview.test/report.js' };
  const report = '<!DOCTYPE html>\n<html><head><style>body{}</style></head><body><p>x</p></body></html>';

  it('puts the policy first, the stylesheet after the report\'s styles, the script at the end', () => {
    const page = webviewPage(report, resources);
    const policy = page.indexOf('Content-Security-Policy');
    const style = page.indexOf('<style>');
    const link = page.indexOf('<link rel="stylesheet" href="https://webview.test/report.css">');
    const script = page.indexOf('<script nonce="abc123" src="https://webview.test/report.js"></script>');
    assert.ok(policy > 0 && policy < style && style < link && link < page.indexOf('</head>'), page);
    assert.ok(script > page.indexOf('<p>x</p>') && script < page.indexOf('</body>'), page);
  });

  it('lets in only the script with the page\'s nonce', () => {
    assert.match(contentSecurityPolicy('https://webview.test', 'abc123'), /script-src 'nonce-abc123';/);
    assert.doesNotMatch(contentSecurityPolicy('https://webview.test'), /script-src/);
    assert.match(makeNonce(), /^[A-Za-z0-9]{32}$/);
  });
});
