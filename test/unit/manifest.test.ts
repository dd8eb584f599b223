/**
 * The extension's manifest (package.json) and what it ships: every contribution points at a
 * file that exists and parses, the settings know exactly the registry's rules, the grammar's
 * key lists are the schema's, the problem matcher reads the CLI's output, and the bundle and
 * the .vsix hold the server, the schema data, the grammar and the rule pages, under 3 MB.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../../server/src/core/analyze';
import { renderSkeleton } from '../../server/src/core/skeleton';
import { formatText } from '../../server/src/cli/format/text';
import { RULES } from '../../server/src/core/rules';
import { loadDefaultSchema } from '../../server/src/host/schemaFile';
import { STRATEGY_MARKER, statusText, looksLikeStrategy, buildCoverageView } from '../../client/src/coverageModel';
import { coverageAnswer } from '../../server/src/features/coverageRequest';
import { CoverageAnswer } from '../../server/src/protocol';
import { candidateName } from '../../client/src/strategyFileName';
import { withContentSecurityPolicy } from '../../client/src/webviewHtml';

const ROOT = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const schema = loadDefaultSchema();
const MAX_VSIX_BYTES = 3 * 1024 * 1024;

function readJson(relative: string): any {
  return JSON.parse(fs.readFileSync(path.join(ROOT, relative), 'utf8'));
}

/** Every `command:ID` link in a text. */
function commandLinks(text: string): string[] {
  return [...text.matchAll(/\(command:([\w.-]+)/g)].map((match) => match[1]);
}

/** Every file the manifest names, relative to the root. */
function manifestFiles(): string[] {
  const files = [manifest.main, ...contributes.languages.map((language: any) => language.configuration), ...contributes.grammars.map((grammar: any) => grammar.path)];
  for (const walkthrough of contributes.walkthroughs) {
    for (const step of walkthrough.steps) {
      if (step.media.markdown) files.push(step.media.markdown);
      if (typeof step.media.image === 'string') files.push(step.media.image);
    }
  }
  if (manifest.icon) files.push(manifest.icon);
  return files.map((file: string) => path.posix.normalize(file.replace(/^\.\//, '')));
}

/** The names and sizes of a zip's entries, read from its central directory. */
function zipEntries(file: string): Map<string, number> {
  const data = fs.readFileSync(file);
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, `${file} is not a zip file`);
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const entries = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    assert.strictEqual(data.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    entries.set(data.toString('utf8', at + 46, at + 46 + nameLength), size);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('extension manifest', () => {
  it('starts the bundled client, in the workspace, for strategies and YAML, in untrusted workspaces too', () => {
    assert.strictEqual(manifest.main, './dist/extension.js');
    assert.deepStrictEqual(manifest.extensionKind, ['workspace']);
    for (const event of ['onLanguage:dgs-strategy', 'onLanguage:yaml']) assert.ok(manifest.activationEvents.includes(event), event);
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.strictEqual(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.ok(manifest.repository?.url, 'vsce needs a repository');
    assert.ok(fs.existsSync(path.join(ROOT, 'LICENSE')), 'vsce needs a LICENSE');
  });

  it('every file the manifest names exists', () => {
    for (const file of manifestFiles().filter((name) => !name.startsWith('dist/'))) assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is missing`);
  });

  it('contributes the dgs-strategy language with its file patterns, first line and grammar, and no static snippets', () => {
    const [language] = contributes.languages;
    assert.strictEqual(language.id, 'dgs-strategy');
    assert.deepStrictEqual(language.filenamePatterns, ['*.strategy.yaml', '*.strategy.yml']);
    assert.ok(language.aliases.length > 0);
    const firstLine = new RegExp(language.firstLine);
    assert.ok(firstLine.test(renderSkeleton(schema, 2026).split('\n')[0]), 'the skeleton is recognised by its first line');
    assert.ok(STRATEGY_MARKER.test('# dgs-strategy') && !STRATEGY_MARKER.test('# dgs-strategyx'));
    const [grammar] = contributes.grammars;
    assert.strictEqual(grammar.language, 'dgs-strategy');
    assert.strictEqual(readJson(grammar.path).scopeName, grammar.scopeName);
    // No static snippets: VS Code would offer every one everywhere (a section of one part under
    // another, a measure outside a measures list). The language server offers each where it fits.
    assert.strictEqual(contributes.snippets, undefined);
  });

  it('the language configuration parses: # comments, brackets, and regular expressions that compile', () => {
    const configuration = readJson(contributes.languages[0].configuration);
    assert.strictEqual(configuration.comments.lineComment, '#');
    assert.deepStrictEqual(configuration.brackets, [['{', '}'], ['[', ']']]);
    assert.ok(configuration.folding.offSide);
    const word = new RegExp(configuration.wordPattern, 'g');
    for (const wordText of ['1.iii', 'II.1.iii', 'OPN-1', 'data-driven-culture']) assert.deepStrictEqual(`a ${wordText}, b`.match(word)?.[1], wordText, wordText);
    const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
    for (const line of ['objectives:', '  openness:', '      - measures:', '    summary: >-', '  period: {']) assert.ok(increase.test(line), `indent after: ${line}`);
    for (const line of ['  title: Open data', '  # a comment:', '    - 1.iii']) assert.ok(!increase.test(line), `no indent after: ${line}`);
    assert.ok(decrease.test('  }'));
  });

  it('onEnter: indents after a key, aligns under a list item\'s first key', () => {
    const rules: Array<{ beforeText: string; action: { indent: string; appendText?: string } }> = readJson(contributes.languages[0].configuration).onEnterRules;
    const ruleFor = (line: string) => rules.find((rule) => new RegExp(rule.beforeText).test(line))?.action;
    assert.deepStrictEqual(ruleFor('  openness:'), { indent: 'indent' });
    assert.deepStrictEqual(ruleFor('    - id: OPN-1'), { indent: 'none', appendText: '  ' });
    assert.deepStrictEqual(ruleFor('    - business-case:'), { indent: 'indent', appendText: '  ' });
    assert.strictEqual(ruleFor('    title: Open data'), undefined);
  });

  it('every command has a title in the DGS category, and every command link names a command that exists', () => {
    const ids = contributes.commands.map((command: any) => command.command);
    assert.deepStrictEqual(ids.sort(), ['dgs.addMeasureForClause', 'dgs.compareWithLastCommit', 'dgs.exportSpreadsheet', 'dgs.exportWord', 'dgs.importDocument', 'dgs.init', 'dgs.insertAllMissingSections', 'dgs.restartServer', 'dgs.showCoverage', 'dgs.showRule']);
    for (const command of contributes.commands) {
      assert.ok(typeof command.title === 'string' && command.title.trim().length > 0, `${command.command} has a title`);
      assert.strictEqual(command.category, 'DGS');
    }
    const builtIn = new Set(['workbench.actions.view.problems', 'editor.action.quickFix']);
    const links = [
      ...contributes.viewsWelcome.flatMap((welcome: any) => commandLinks(welcome.contents)),
      ...contributes.walkthroughs.flatMap((walkthrough: any) => walkthrough.steps.flatMap((step: any) => [...commandLinks(step.description), ...step.completionEvents.filter((event: string) => event.startsWith('onCommand:')).map((event: string) => event.slice('onCommand:'.length))])),
      ...Object.values(contributes.menus).flatMap((items: any) => items.map((item: any) => item.command)),
    ];
    assert.ok(links.length > 0);
    for (const link of links) assert.ok(ids.includes(link) || builtIn.has(link), `unknown command ${link}`);
  });

  it('every command is registered by the client (the language client registers the server\'s command)', () => {
    const sources = fs
      .readdirSync(path.join(ROOT, 'client', 'src'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => fs.readFileSync(path.join(ROOT, 'client', 'src', file), 'utf8'))
      .join('\n');
    for (const command of contributes.commands) {
      const id: string = command.command;
      if (id === 'dgs.insertAllMissingSections') {
        assert.ok(sources.includes(`INSERT_ALL_MISSING_SECTIONS = '${id}'`), 'the client knows the server command');
        assert.ok(/registerCommand\(INSERT_ALL_MISSING_SECTIONS/.test(sources), 'with a fallback when the server does not offer it');
      } else {
        // By its id, or by a constant holding it.
        const constant = new RegExp(`export const (\\w+) = '${id.replace(/\./g, '\\.')}';`).exec(sources)?.[1];
        assert.ok(sources.includes(`registerCommand('${id}'`) || (constant !== undefined && sources.includes(`registerCommand(${constant},`)), `${id} is registered`);
      }
    }
  });

  it('the dgs.rules setting knows exactly the registry\'s rules, each error, warning, info or off', () => {
    const properties = contributes.configuration.properties;
    const rules = properties['dgs.rules'];
    assert.strictEqual(rules.type, 'object');
    assert.strictEqual(rules.additionalProperties, false);
    assert.deepStrictEqual(Object.keys(rules.properties), RULES.map((rule) => rule.id));
    for (const [id, setting] of Object.entries<any>(rules.properties)) assert.deepStrictEqual(setting.enum, ['error', 'warning', 'info', 'off'], id);
    assert.deepStrictEqual(properties['dgs.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.strictEqual(properties['dgs.trace.server'].default, 'off');
    assert.strictEqual(properties['dgs.treatAllYamlAsStrategy'].type, 'boolean');
    assert.strictEqual(properties['dgs.treatAllYamlAsStrategy'].default, false);
  });

  it('has a coverage view with a welcome, and a walkthrough with its four steps', () => {
    const views = Object.values<any[]>(contributes.views).flat();
    assert.ok(views.some((view) => view.id === 'dgs.coverage' && view.name));
    assert.ok(contributes.viewsWelcome.some((welcome: any) => welcome.view === 'dgs.coverage'));
    const [walkthrough] = contributes.walkthroughs;
    assert.deepStrictEqual(
      walkthrough.steps.map((step: any) => step.completionEvents[0]),
      ['onCommand:dgs.init', 'onCommand:workbench.actions.view.problems', 'onCommand:editor.action.quickFix', 'onCommand:dgs.showCoverage'],
    );
  });
});

describe('problem matcher', () => {
  const [matcher] = contributes.problemMatchers;
  const pattern = new RegExp(matcher.pattern.regexp);

  it('is named dgs and reads file paths relative to the workspace', () => {
    assert.strictEqual(matcher.name, 'dgs');
    assert.deepStrictEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
  });

  it('reads every finding line of `dgs check` text output, and no other line', () => {
    let text = renderSkeleton(schema, 2026);
    text = text.replace('addresses: [1.i, 1.ii, 1.iii]', 'addresses: [1.iv, 1.ii, 1.iii]').replace(/\n\s+lead: TODO name the lead institution/, '').replace(/\n\s+indicators:\n\s+- \{[^}]*\}/, '');
    const analysis = analyze(text, schema);
    assert.deepStrictEqual([...new Set(analysis.findings.map((finding) => finding.severity))].sort(), ['error', 'info', 'warning']);
    const output = formatText([{ path: 'plans/national.strategy.yaml', absolute: '/w/plans/national.strategy.yaml', schema, analysis, length: text.length }], false);
    const lines = output.trimEnd().split('\n');
    const matched = lines.map((line) => pattern.exec(line)).filter((match): match is RegExpExecArray => match !== null);
    assert.strictEqual(matched.length, analysis.findings.length, output);
    analysis.findings.forEach((finding, index) => {
      const match = matched[index];
      const position = analysis.model.lines.positionAt(finding.span.start);
      const field = (name: string): string => match[matcher.pattern[name]];
      assert.strictEqual(field('file'), 'plans/national.strategy.yaml');
      assert.strictEqual(Number(field('line')), position.line + 1);
      assert.strictEqual(Number(field('column')), position.character + 1);
      assert.strictEqual(field('severity'), finding.severity);
      assert.strictEqual(field('code'), finding.rule);
      assert.ok(finding.message.startsWith(field('message').slice(0, 20)));
    });
  });

  it('reads Windows paths and paths with spaces', () => {
    const match = pattern.exec('C:\\work\\my plans\\a.strategy.yaml:12:7: warning missing-lead: The measure X has no `lead`: name it.');
    assert.ok(match);
    assert.deepStrictEqual([match[1], match[2], match[3], match[4], match[5], match[6]], ['C:\\work\\my plans\\a.strategy.yaml', '12', '7', 'warning', 'missing-lead', 'The measure X has no `lead`: name it.']);
  });
});

describe('grammar against the schema', () => {
  const grammar = readJson('syntaxes/dgs-strategy.tmLanguage.json');
  const alternation = (match: string, after: string): string[] => {
    const found = new RegExp(`${after.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\(([a-z|-]+)\\)`).exec(match);
    assert.ok(found, `no key list in ${match}`);
    return found[1].split('|');
  };

  it('the part keys are the schema\'s parts', () => {
    assert.deepStrictEqual(alternation(grammar.repository['part-key'].match, '^'), schema.parts.map((part) => part.key));
  });

  it('the section keys are the schema\'s twelve sections', () => {
    assert.deepStrictEqual(
      alternation(grammar.repository['section-key'].match, '^([ \\t]+)'),
      schema.recommendations.map((recommendation) => recommendation.section),
    );
  });

  it('the committed grammar is what scripts/generate-grammar.js gives', () => {
    const { grammar: generate } = require(path.join(ROOT, 'scripts', 'generate-grammar.js')) as { grammar: () => unknown };
    assert.deepStrictEqual(grammar, JSON.parse(JSON.stringify(generate())));
  });

  it('the clause pattern accepts every coverage unit and every part-numbered form, and no prose', () => {
    const clause = new RegExp(`^${grammar.repository['addresses-flow'].patterns[2].match}$`);
    for (const unit of schema.units) {
      assert.ok(clause.test(unit.ref), unit.ref);
      assert.ok(clause.test(`${unit.recommendation.part.numeral}.${unit.ref}`), `${unit.recommendation.part.numeral}.${unit.ref}`);
    }
    for (const text of ['open', '1.', 'i.1', '1.iii.x']) assert.ok(!clause.test(text), text);
  });
});

describe('client helpers', () => {
  it('the status text is DGS addressed/total, as the server counts it', () => {
    const answerFor = (text: string): CoverageAnswer => JSON.parse(JSON.stringify(coverageAnswer(analyze(text, schema), 'untitled:national.strategy.yaml', 3, { file: 'national.strategy.yaml' }))) as CoverageAnswer;
    // The skeleton's measures are placeholders: they address nothing yet.
    const skeleton = buildCoverageView(answerFor(renderSkeleton(schema, 2026)));
    assert.strictEqual(statusText(skeleton), `DGS 0/${schema.units.length}`);
    assert.strictEqual(skeleton.instrument, schema.instrument.id);
    assert.strictEqual(statusText({ ...skeleton, addressed: 20, counts: { ...skeleton.counts, 'not-applicable': 2 } }), `DGS 20/${schema.units.length} · 2 n/a`);
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'national.strategy.yaml'), 'utf8');
    const national = buildCoverageView(answerFor(text));
    assert.strictEqual(statusText(national), `DGS ${schema.units.length}/${schema.units.length}`);
    const first = national.recommendations[0].units[0];
    const range = first.measures[0].range;
    assert.strictEqual(text.split('\n')[range.start.line].slice(range.start.character, range.end.character), first.measures[0].id);
  });

  it('tells strategies from other YAML as the spec says', () => {
    const document = (languageId: string, fileName: string, firstLine = ''): { languageId: string; fileName: string; firstLine: string } => ({ languageId, fileName, firstLine });
    assert.ok(looksLikeStrategy(document('dgs-strategy', '/a/x.txt'), false));
    assert.ok(looksLikeStrategy(document('yaml', '/a/x.strategy.yml'), false));
    assert.ok(looksLikeStrategy(document('yaml', '/a/x.yaml', '# dgs-strategy'), false));
    assert.ok(!looksLikeStrategy(document('yaml', '/a/x.yaml', 'name: ci'), false));
    assert.ok(looksLikeStrategy(document('yaml', '/a/x.yaml', 'name: ci'), true));
    assert.ok(!looksLikeStrategy(document('json', '/a/x.strategy.yaml'), true));
  });

  it('names new strategies national.strategy.yaml, then national-2.strategy.yaml, …', () => {
    assert.deepStrictEqual([1, 2, 3].map((index) => candidateName(index)), ['national.strategy.yaml', 'national-2.strategy.yaml', 'national-3.strategy.yaml']);
  });

  it('puts the webview\'s content security policy first in the report\'s head', () => {
    const policy = "default-src 'none'";
    assert.strictEqual(withContentSecurityPolicy('<!doctype html><html><head><title>x</title></head></html>', policy), `<!doctype html><html><head>\n<meta http-equiv="Content-Security-Policy" content="${policy}"><title>x</title></head></html>`);
    assert.ok(withContentSecurityPolicy('<p>x</p>', policy).startsWith('<meta http-equiv="Content-Security-Policy"'));
  });
});

describe('bundle and package', function () {
  // esbuild and vsce run as real programs: seconds on an idle machine, more on a busy one.
  this.timeout(180000);
  const bundleScript = require(path.join(ROOT, 'scripts', 'bundle.js')) as { bundle: (options: { outdir: string; production: boolean; generate: boolean }) => Promise<string> };
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-package-'));
    await bundleScript.bundle({ outdir: path.join(workspace, 'dist'), production: true, generate: false });
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('bundles the client and the server, and copies the schema beside them', () => {
    for (const file of ['extension.js', 'server.js', 'schema/oecd-legal-0406.yaml']) assert.ok(fs.existsSync(path.join(workspace, 'dist', file)), file);
    const sizes = ['extension.js', 'server.js'].map((file) => fs.statSync(path.join(workspace, 'dist', file)).size);
    for (const size of sizes) assert.ok(size > 10_000 && size < 2 * 1024 * 1024, `bundle size ${size}`);
    const extension = fs.readFileSync(path.join(workspace, 'dist', 'extension.js'), 'utf8');
    assert.ok(/require\("vscode"\)/.test(extension), 'vscode is left to the editor');
  });

  it('the client bundle holds none of the analysis: no YAML parser, no rule, no schema', () => {
    const extension = fs.readFileSync(path.join(workspace, 'dist', 'extension.js'), 'utf8');
    const server = fs.readFileSync(path.join(workspace, 'dist', 'server.js'), 'utf8');
    // Each marker is in the server's bundle, so that its absence from the client's means something.
    const markers = [
      'Implicit keys need to be on a single line', // the yaml package's parser
      ...RULES.flatMap((rule) => [rule.description, `"${rule.id}"`]), // every rule's implementation
    ];
    for (const marker of markers) {
      assert.ok(server.includes(marker) || server.includes(marker.replace(/"/g, "'")), `the server bundle holds ${marker}`);
      assert.ok(!extension.includes(marker) && !extension.includes(marker.replace(/"/g, "'")), `the client bundle holds ${marker}`);
    }
  });

  it('packages a .vsix under 3 MB holding the server, the schema, the grammar, the rule pages and nothing of the sources', async () => {
    const root = path.join(workspace, 'extension');
    fs.mkdirSync(root);
    fs.renameSync(path.join(workspace, 'dist'), path.join(root, 'dist'));
    const rulePages = RULES.map((rule) => `docs/rules/${rule.id}.md`);
    const webviewMedia = ['client/media/report.css', 'client/media/report.js'];
    const shipped = [...manifestFiles().filter((file) => !file.startsWith('dist/')), 'language-configuration.json', 'LICENSE', 'README.md', 'CHANGELOG.md', '.vscodeignore', ...rulePages, ...webviewMedia];
    // Files the .vscodeignore must keep out.
    const decoys = ['docs/cli.md', 'server/src/core/analyze.ts', 'client/src/extension.ts', 'test/grammar/keys.test.yaml', 'scripts/bundle.js', 'tsconfig.json', 'examples/national.strategy.yaml', 'dist/extension.js.map'];
    for (const file of [...shipped, ...decoys]) {
      const from = path.join(ROOT, file.replace(/\.map$/, ''));
      if (!fs.existsSync(from)) continue;
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.copyFileSync(from, path.join(root, file));
    }
    const packageJson = { ...manifest, scripts: {} };
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify(packageJson, null, 2));
    const { createVSIX } = require('@vscode/vsce') as { createVSIX: (options: Record<string, unknown>) => Promise<unknown> };
    const vsix = path.join(workspace, 'dgs-strategy.vsix');
    const log = console.log;
    const info = console.info;
    console.log = console.info = () => undefined;
    try {
      await createVSIX({ cwd: root, packagePath: vsix, dependencies: false, packageManager: 'none' });
    } finally {
      console.log = log;
      console.info = info;
    }
    const size = fs.statSync(vsix).size;
    assert.ok(size < MAX_VSIX_BYTES, `the .vsix is ${size} bytes`);
    const entries = zipEntries(vsix);
    for (const file of ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/schema/oecd-legal-0406.yaml', 'syntaxes/dgs-strategy.tmLanguage.json', 'language-configuration.json', ...manifestFiles(), ...rulePages, ...webviewMedia]) {
      assert.ok(entries.has(`extension/${file}`), `the .vsix lacks ${file}`);
    }
    for (const decoy of decoys) assert.ok(!entries.has(`extension/${decoy}`), `the .vsix holds ${decoy}`);
    assert.ok(![...entries.keys()].some((entry) => entry.includes('node_modules/')), 'no node_modules: everything is bundled');
  });
});
