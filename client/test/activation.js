// A check by hand of the extension's activate() in Node, against a real language server process:
// npm run build && node client/test/activation.js
'use strict';
const Module = require('module');
const fs = require('fs');
const path = require('path');
const assert = require('assert');
const fake = require('./fakeVscode');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode' || request === 'vscode-languageclient/node') return request;
  return original.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fake.vscode };
require.cache['vscode-languageclient/node'] = { id: 'lc', filename: 'lc', loaded: true, exports: fake.languageClient };

const wait = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, predicate, ms = 8000) {
  const start = Date.now();
  while (!predicate()) { if (Date.now() - start > ms) throw new Error(`timed out: ${what}`); await wait(50); }
}

(async () => {
  const { ROOT, WORKSPACE } = fake;
  const at = (name) => path.join(WORKSPACE, name);
  fs.copyFileSync(path.join(ROOT, 'examples', 'draft.strategy.yaml'), at('draft.strategy.yaml'));
  fs.writeFileSync(at('plain.yaml'), 'name: ci\n');
  fs.writeFileSync(at('marked.yaml'), '# dgs-strategy\nstrategy:\n  title: x\n');
  const ext = require(path.join(ROOT, 'out', 'client', 'src', 'extension.js'));
  // The server as the extension starts it: the bundle when there is one, else the compiled one.
  const server = fs.existsSync(path.join(ROOT, 'dist', 'server.js')) ? 'dist/server.js' : 'out/server/src/lsp/server.js';
  const context = { subscriptions: [], asAbsolutePath: (p) => path.join(ROOT, p === 'dist/server.js' ? server : p) };
  const marked = await fake.vscode.workspace.openTextDocument(fake.Uri.file(at('marked.yaml')));
  await ext.activate(context);
  console.log('activated; commands:', [...fake.state.commands.keys()].join(', '));
  console.log('initializationOptions', JSON.stringify(fake.languageClient.LanguageClient.last.initOptions));
  assert.strictEqual(marked.languageId, 'dgs-strategy', 'a YAML file with the marker becomes a strategy');
  const status = fake.state.statusItems[0];
  assert.ok(!status.visible, 'hidden with no strategy');

  const draft = await fake.vscode.workspace.openTextDocument(fake.Uri.file(at('draft.strategy.yaml')));
  await fake.vscode.window.showTextDocument(draft);
  await until('status bar', () => status.visible && /^DGS \d+\/26$/.test(status.text));
  console.log('status:', status.text, '| context', JSON.stringify(fake.state.contexts));
  const view = fake.state.treeViews[0];
  const roots = view.provider.getChildren();
  console.log('tree roots:', roots.length, '| description', view.description);
  const first = view.provider.getTreeItem(roots[0]);
  console.log('  ', first.label, first.description);
  const units = view.provider.getChildren(roots[0]);
  for (const unit of units) {
    const item = view.provider.getTreeItem(unit);
    console.log('    ', item.label, '-', item.description);
    for (const measure of view.provider.getChildren(unit)) {
      const mi = view.provider.getTreeItem(measure);
      const sel = mi.command.arguments[1].selection;
      console.log('       ', mi.label, mi.description, `@${sel.start.line}:${sel.start.character}`, JSON.stringify(draft.getText().split('\n')[sel.start.line].slice(sel.start.character, sel.end.character)));
    }
  }

  // Typing: remove every reference to 1.ii and see the status follow.
  const before = status.text;
  draft.setText(draft.getText().replace(/addresses: \[([^\]]*)\]/g, (m, inner) => `addresses: [${inner.split(',').map((s) => s.trim()).filter((s) => s !== '1.ii').join(', ')}]`));
  await until('status after typing', () => status.text !== before);
  console.log('status after typing:', status.text);

  await fake.vscode.commands.executeCommand('dgs.showCoverage');
  const panel = fake.state.panels[0];
  assert.ok(panel, 'webview opened');
  assert.ok(/<head[^>]*>\s*<meta http-equiv="Content-Security-Policy"/.test(panel.webview.html) && panel.options.enableScripts === false);
  console.log('panel:', panel.title, panel.webview.html.length, 'chars; CSP first in head:', /<head[^>]*>\s*<meta http-equiv="Content-Security-Policy"/.test(panel.webview.html), '| scripts', panel.options.enableScripts);
  const html1 = panel.webview.html;
  draft.setText(draft.getText().replace('strategy:', 'strategy:\n  x-note: typed'));
  await wait(800);
  console.log('panel re-rendered on change:', panel.webview.html !== html1 || '(same html: coverage unchanged)');

  // Plain YAML: status hidden.
  const plain = await fake.vscode.workspace.openTextDocument(fake.Uri.file(at('plain.yaml')));
  await fake.vscode.window.showTextDocument(plain);
  await until('status hidden', () => !status.visible);
  console.log('plain yaml: status hidden');

  // Insert all missing sections from the palette (no argument) on the draft.
  await fake.vscode.window.showTextDocument(draft);
  await until('status back', () => status.visible);
  const result = await fake.vscode.commands.executeCommand('dgs.insertAllMissingSections');
  console.log('insertAllMissingSections ->', JSON.stringify(result), '| messages', JSON.stringify(fake.state.messages.slice(-1)));

  // New strategy.
  const editor = await fake.vscode.commands.executeCommand('dgs.init');
  assert.ok(editor.document.uri.toString().endsWith('/national.strategy.yaml') && editor.document.uri.scheme === 'untitled');
  console.log('dgs.init ->', editor.document.uri.toString(), editor.document.languageId, editor.document.getText().split('\n')[0], editor.document.getText().length, 'chars');
  await until('status for new strategy', () => status.visible && status.text === 'DGS 26/26');
  console.log('status for the new strategy:', status.text);
  const editor2 = await fake.vscode.commands.executeCommand('dgs.init');
  assert.ok(editor2.document.uri.toString().endsWith('/national-2.strategy.yaml'));
  console.log('second dgs.init ->', editor2.document.uri.toString());

  await fake.vscode.commands.executeCommand('dgs.restartServer');
  console.log('restart ->', JSON.stringify(fake.state.messages.slice(-1)), 'running:', fake.languageClient.LanguageClient.last.state === 2);
  await until('status after restart', () => status.visible);

  // The crash handler: restart, told once.
  const handler = fake.languageClient.LanguageClient.last.clientOptions.errorHandler;
  console.log('closed() x2 ->', JSON.stringify(handler.closed()), JSON.stringify(handler.closed()), 'warnings:', fake.state.messages.filter((m) => m[0] === 'warning').length);
  assert.strictEqual(fake.state.messages.filter((m) => m[0] === 'warning').length, 1, 'told once');
  for (let i = 0; i < 4; i++) handler.closed();
  assert.strictEqual(handler.closed().action, 1, 'gives up after repeated crashes');
  console.log('after repeated crashes ->', JSON.stringify(handler.closed()).slice(0, 60));

  await ext.deactivate();
  context.subscriptions.forEach((s) => s.dispose());
  fs.rmSync(WORKSPACE, { recursive: true, force: true });
  console.log('OK');
  process.exit(0);
})().catch((e) => { console.error('FAILED', e); process.exit(1); });
