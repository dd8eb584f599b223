/**
 * The layout shows the design (docs/architecture.md): the pure core imports nothing but
 * itself (the protocol shares its leaf module of statuses), touches no file and keeps no state of its own; the
 * features, reports, exports and importer sit on the core and never reach into a shell.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';

const SRC = path.join(REPO_ROOT, 'server', 'src');

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Each import of a file: its specifier, and for a relative one the path under server/src it names. */
function importsOf(file: string): { specifier: string; target?: string }[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+'([^']+)'/gm),
    ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
    ...text.matchAll(/\brequire\(\s*'([^']+)'\s*\)/g),
    ...text.matchAll(/^declare module '([^']+)'/gm),
  ].map((match) => match[1]);
  return specifiers.map((specifier) =>
    specifier.startsWith('.') ? { specifier, target: path.relative(SRC, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/') } : { specifier },
  );
}

const NODE = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Imports of FOLDER that `allowed` refuses, relative ones by their target, Node.js modules by name. */
function violations(folder: string, allowed: (target: string) => boolean, node: (name: string) => boolean = () => false): string[] {
  return filesUnder(path.join(SRC, folder)).flatMap((file) =>
    importsOf(file)
      .filter((entry) => (entry.target !== undefined ? !allowed(entry.target) : NODE.has(entry.specifier) && !node(entry.specifier.replace(/^node:/, ''))))
      .map((entry) => `${path.relative(SRC, file)} imports ${entry.specifier}`),
  );
}

describe('the layers of server/src', () => {
  it('the core imports only the core and packages: no protocol, no shell, no feature, no Node.js module', () => {
    const found = violations('core', (target) => target.startsWith('core/'));
    assert.deepStrictEqual(found, []);
    assert.ok(filesUnder(path.join(SRC, 'core')).length > 50, 'the core was read');
  });

  it('the core keeps no state in a module: no top-level let or var, no empty Map or Set filled later', () => {
    const state = /^(?:export\s+)?(?:let|var)\s|^(?:export\s+)?const\s+\w+(?:\s*:[^=]+)?\s*=\s*new\s+(?:Map|Set|WeakMap|WeakSet)\s*(?:<[^;]*?>)?\(\s*\)/m;
    const found = filesUnder(path.join(SRC, 'core'))
      .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }))
      .flatMap(({ file, text }) => text.split('\n').filter((line) => state.test(line)).map((line) => `${path.relative(SRC, file)}: ${line.trim()}`));
    assert.deepStrictEqual(found, []);
    // The check would see state if there were some.
    assert.ok(state.test('const cache = new Map<string, number>();') && state.test('let last = 0;') && !state.test('const KINDS = new Set([1, 2]);'));
  });

  it('features, reports, exports and the importer never reach into the language server, the CLI or the file system layer', () => {
    for (const folder of ['features', 'report', 'export', 'import']) {
      const found = violations(folder, (target) => !/^(?:lsp|cli|host)\//.test(target), (name) => !/^(?:fs|child_process|net|http|https)$/.test(name));
      assert.deepStrictEqual(found, [], folder);
    }
  });

  it('the CLI and the language server do not import each other', () => {
    assert.deepStrictEqual(violations('cli', (target) => !target.startsWith('lsp/'), () => true), []);
    assert.deepStrictEqual(violations('lsp', (target) => !target.startsWith('cli/'), () => true), []);
  });
});
