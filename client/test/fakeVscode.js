// Not a test of the suite: a check by hand (`npm run build && node client/test/activation.js`).
// A small stand-in for the `vscode` API and for `vscode-languageclient/node`, enough to run
// the extension's activate() in Node, with a real language server process behind the client.
'use strict';
const path = require('path');
const fs = require('fs');
const cp = require('child_process');
const os = require('os');
const ROOT = path.resolve(__dirname, '..', '..');
const rpc = require(require.resolve('vscode-jsonrpc/node', { paths: [ROOT] }));
/** The workspace folder the fake editor has open. */
const WORKSPACE = fs.mkdtempSync(path.join(os.tmpdir(), 'dgs-activation-'));

class EventEmitter {
  constructor() { this.listeners = []; this.event = (listener) => { this.listeners.push(listener); return { dispose: () => { this.listeners = this.listeners.filter((l) => l !== listener); } }; }; }
  fire(value) { for (const listener of [...this.listeners]) listener(value); }
  dispose() { this.listeners = []; }
}
class Disposable { constructor(fn) { this.fn = fn; } dispose() { this.fn && this.fn(); } static from(...items) { return new Disposable(() => items.forEach((i) => i.dispose())); } }
class Uri {
  constructor(scheme, p) { this.scheme = scheme; this.path = p; }
  static file(p) { return new Uri('file', p); }
  static parse(s) { const m = /^([a-z-]+):(.*)$/.exec(s); return new Uri(m[1], m[2].replace(/^\/\//, '')); }
  static from({ scheme, path: p }) { return new Uri(scheme, p); }
  static joinPath(base, ...parts) { return new Uri(base.scheme, path.posix.join(base.path, ...parts)); }
  with({ scheme, path: p }) { return new Uri(scheme ?? this.scheme, p ?? this.path); }
  get fsPath() { return this.path; }
  toString() { return this.scheme === 'file' ? `file://${this.path}` : `${this.scheme}:${this.path}`; }
}
class Position { constructor(line, character) { this.line = line; this.character = character; } }
class Range { constructor(a, b, c, d) { if (a instanceof Position) { this.start = a; this.end = b; } else { this.start = new Position(a, b); this.end = new Position(c, d); } } }
class Selection extends Range {}
class ThemeIcon { constructor(id, color) { this.id = id; this.color = color; } }
class ThemeColor { constructor(id) { this.id = id; } }
class MarkdownString { constructor(v = '') { this.value = v; } appendMarkdown(t) { this.value += t; return this; } appendText(t) { this.value += t; return this; } }
class TreeItem { constructor(label, state) { this.label = label; this.collapsibleState = state; } }

const events = {
  activeEditor: new EventEmitter(), change: new EventEmitter(), close: new EventEmitter(), open: new EventEmitter(),
  config: new EventEmitter(), trust: new EventEmitter(), diagnostics: new EventEmitter(),
};
const state = { commands: new Map(), documents: [], activeTextEditor: undefined, statusItems: [], treeViews: [], panels: [], messages: [], settings: { 'dgs.rules': {}, 'dgs.treatAllYamlAsStrategy': false }, contexts: {} };

class TextDocument {
  constructor(uri, languageId, text) { this.uri = uri; this.languageId = languageId; this.text = text; this.version = 1; this.isClosed = false; }
  get fileName() { return this.uri.path; }
  getText() { return this.text; }
  get lineCount() { return this.text.split('\n').length; }
  lineAt(n) { return { text: this.text.split('\n')[n] }; }
  setText(text) { this.text = text; this.version++; events.change.fire({ document: this, contentChanges: [{ text }] }); }
}
function editorFor(document) {
  return {
    document,
    selection: undefined,
    async edit(callback) { const edits = []; callback({ insert: (pos, text) => edits.push(text) }); document.setText(edits.join('') + document.text); return true; },
  };
}
function openDocument(document) { state.documents.push(document); events.open.fire(document); return document; }

const vscode = {
  EventEmitter, Disposable, Uri, Position, Range, Selection, ThemeIcon, ThemeColor, MarkdownString, TreeItem,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 }, StatusBarAlignment: { Left: 1, Right: 2 }, ViewColumn: { Beside: -2 }, FileType: { File: 1, Directory: 2 },
  window: {
    get activeTextEditor() { return state.activeTextEditor; },
    onDidChangeActiveTextEditor: events.activeEditor.event,
    createOutputChannel: (name) => ({ name, lines: [], appendLine(l) { this.lines.push(l); }, show() {}, dispose() {} }),
    createStatusBarItem: (id) => { const item = { id, visible: false, show() { this.visible = true; }, hide() { this.visible = false; }, dispose() {} }; state.statusItems.push(item); return item; },
    createTreeView: (id, options) => { const view = { id, provider: options.treeDataProvider, dispose() {} }; state.treeViews.push(view); return view; },
    createWebviewPanel: (type, title, column, options) => { const panel = { type, title, options, webview: { html: '', cspSource: 'vscode-resource:' }, disposeEmitter: new EventEmitter(), onDidDispose(l) { return this.disposeEmitter.event(l); }, reveal() {}, dispose() { this.disposeEmitter.fire(); } }; state.panels.push(panel); return panel; },
    showInformationMessage: async (m) => { state.messages.push(['info', m]); return undefined; },
    showWarningMessage: async (m) => { state.messages.push(['warning', m]); return undefined; },
    showErrorMessage: async (m) => { state.messages.push(['error', m]); return undefined; },
    setStatusBarMessage: (m) => { state.messages.push(['status', m]); return new Disposable(); },
    showTextDocument: async (docOrUri) => { const document = docOrUri instanceof Uri ? state.documents.find((d) => d.uri.toString() === docOrUri.toString()) : docOrUri; state.activeTextEditor = editorFor(document); events.activeEditor.fire(state.activeTextEditor); return state.activeTextEditor; },
  },
  workspace: {
    isTrusted: true,
    workspaceFolders: [{ uri: Uri.file(WORKSPACE), name: 'ws', index: 0 }],
    getWorkspaceFolder: () => vscode.workspace.workspaceFolders[0],
    get textDocuments() { return state.documents; },
    getConfiguration: (section) => ({ get: (key, fallback) => state.settings[`${section}.${key}`] ?? fallback }),
    onDidChangeTextDocument: events.change.event, onDidCloseTextDocument: events.close.event, onDidOpenTextDocument: events.open.event,
    onDidChangeConfiguration: events.config.event, onDidGrantWorkspaceTrust: events.trust.event,
    createFileSystemWatcher: () => ({ onDidChange: () => new Disposable(), onDidCreate: () => new Disposable(), onDidDelete: () => new Disposable(), dispose() {} }),
    asRelativePath: (uri) => uri.scheme === 'file' ? path.relative(WORKSPACE, uri.path) : uri.path.split('/').pop(),
    openTextDocument: async (arg) => {
      if (arg instanceof Uri) {
        const existing = state.documents.find((d) => d.uri.toString() === arg.toString());
        if (existing) return existing;
        const text = arg.scheme === 'file' ? fs.readFileSync(arg.path, 'utf8') : '';
        return openDocument(new TextDocument(arg, /\.strategy\.ya?ml$/.test(arg.path) ? 'dgs-strategy' : 'yaml', text));
      }
      return openDocument(new TextDocument(new Uri('untitled', `Untitled-${state.documents.length + 1}`), arg.language, arg.content));
    },
    fs: { stat: async (uri) => { const s = fs.statSync(uri.path); return { type: s.isDirectory() ? 2 : 1 }; } },
  },
  languages: {
    onDidChangeDiagnostics: events.diagnostics.event,
    setTextDocumentLanguage: async (document, languageId) => { events.close.fire(document); document.languageId = languageId; events.open.fire(document); return document; },
  },
  commands: {
    registerCommand: (id, fn) => { if (state.commands.has(id)) throw new Error(`command ${id} already exists`); state.commands.set(id, fn); return new Disposable(() => state.commands.delete(id)); },
    executeCommand: async (id, ...args) => { if (id === 'setContext') { state.contexts[args[0]] = args[1]; return; } const fn = state.commands.get(id); if (!fn) throw new Error(`no command ${id}`); return fn(...args); },
    getCommands: async () => [...state.commands.keys()],
  },
};

// The language client: a real server process over stdio, documents synchronised in full.
const State = { Stopped: 1, Running: 2, Starting: 3 };
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) { this.id = id; this.serverOptions = serverOptions; this.clientOptions = clientOptions; this.state = State.Stopped; this.stateEmitter = new EventEmitter(); this.onDidChangeState = this.stateEmitter.event; LanguageClient.last = this; }
  setState(s) { const old = this.state; this.state = s; this.stateEmitter.fire({ oldState: old, newState: s }); }
  async start() {
    this.setState(State.Starting);
    const serverModule = this.serverOptions.run.module;
    if (!fs.existsSync(serverModule)) throw new Error(`no server at ${serverModule}`);
    this.proc = cp.spawn(process.execPath, [serverModule, '--stdio']);
    this.conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.proc.stdout), new rpc.StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (params) => { this.diagnostics = this.diagnostics || {}; this.diagnostics[params.uri] = params.diagnostics; events.diagnostics.fire({ uris: [Uri.parse(params.uri)] }); });
    this.conn.onRequest('workspace/configuration', (params) => params.items.map((item) => item.section === 'dgs' ? { rules: state.settings['dgs.rules'], treatAllYamlAsStrategy: state.settings['dgs.treatAllYamlAsStrategy'] } : null));
    this.conn.onRequest('workspace/applyEdit', (params) => { this.appliedEdits = (this.appliedEdits || []).concat([params.edit]); return { applied: true }; });
    this.conn.onRequest(() => null);
    this.conn.onNotification(() => undefined);
    this.conn.listen();
    const init = typeof this.clientOptions.initializationOptions === 'function' ? this.clientOptions.initializationOptions() : this.clientOptions.initializationOptions;
    this.initOptions = init;
    this.init = await this.conn.sendRequest('initialize', { processId: process.pid, rootUri: `file://${WORKSPACE}`, capabilities: { workspace: { configuration: true, applyEdit: true } }, initializationOptions: init });
    this.conn.sendNotification('initialized', {});
    for (const command of this.init.capabilities.executeCommandProvider?.commands ?? []) {
      this.registered = (this.registered || []).concat(vscode.commands.registerCommand(command, (...args) => this.clientOptions.middleware.executeCommand(command, args, (c, a) => this.conn.sendRequest('workspace/executeCommand', { command: c, arguments: a }))));
    }
    const selector = this.clientOptions.documentSelector;
    const wanted = (d) => selector.some((s) => s.language === d.languageId && s.scheme === d.uri.scheme);
    const open = (d) => { if (wanted(d)) this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri.toString(), languageId: d.languageId, version: d.version, text: d.text } }); };
    state.documents.forEach(open);
    this.subs = [events.open.event(open), events.change.event((e) => { if (wanted(e.document)) this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: e.document.uri.toString(), version: e.document.version }, contentChanges: [{ text: e.document.text }] }); }), events.close.event((d) => { if (wanted(d)) this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: d.uri.toString() } }); })];
    this.setState(State.Running);
  }
  sendRequest(method, params) { if (typeof method !== 'string') method = method.method; return this.conn.sendRequest(method, params); }
  async stop() { if (!this.conn) return; (this.subs || []).forEach((s) => s.dispose()); (this.registered || []).forEach((s) => s.dispose()); this.registered = []; try { await this.conn.sendRequest('shutdown'); this.conn.sendNotification('exit'); } catch {} this.conn.dispose(); this.proc.kill(); this.conn = undefined; this.setState(State.Stopped); }
  async restart() { await this.stop(); await this.start(); }
}

const languageClient = { LanguageClient, State, TransportKind: { stdio: 0, ipc: 1 }, CloseAction: { DoNotRestart: 1, Restart: 2 }, ErrorAction: { Continue: 1, Shutdown: 2 }, ExecuteCommandRequest: { type: { method: 'workspace/executeCommand' } } };

module.exports = { ROOT, WORKSPACE, vscode, languageClient, state, events, TextDocument, Uri, openDocument, editorFor };
