/**
 * The client's own analysis of an open document, with the core (pure, bundled in the
 * extension): for the coverage report and for what the server's coverage summary does not
 * carry (titles, clause texts, where each measure is). The same configuration and schema as
 * the server: `.dgs.yaml` next to a file on disk, the `dgs.rules` setting over it, and in an
 * untrusted workspace no schema from outside the workspace folders.
 */
import * as vscode from 'vscode';
import { analyze, Analysis } from '../../server/src/analyze';
import { Config, DEFAULT_CONFIG, RuleSetting } from '../../server/src/config';
import { resolveSettings } from '../../server/src/configFile';
import { RULES_BY_ID } from '../../server/src/rules';
import { loadDefaultSchema } from '../../server/src/schema/file';
import { Schema } from '../../server/src/schema/types';

const SETTINGS: readonly string[] = ['error', 'warning', 'info', 'off'];

/** The `dgs.rules` setting, valid entries only (the server reports the others). */
export function ruleSettings(): Record<string, RuleSetting> {
  const raw = vscode.workspace.getConfiguration('dgs').get<Record<string, unknown>>('rules') ?? {};
  const rules: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(raw)) {
    const setting = value === false ? 'off' : value;
    if (RULES_BY_ID.has(id) && typeof setting === 'string' && SETTINGS.includes(setting)) rules[id] = setting as RuleSetting;
  }
  return rules;
}

/** The schema and configuration that apply to a document. */
export function settingsFor(uri: vscode.Uri): { schema: Schema; config: Config } {
  let schema: Schema | undefined;
  let config: Config = DEFAULT_CONFIG;
  if (uri.scheme === 'file') {
    try {
      const roots = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
      const resolved = resolveSettings(uri.fsPath, vscode.workspace.isTrusted ? {} : { allowedSchemaRoots: roots });
      schema = resolved.schema;
      config = resolved.config;
    } catch {
      // An unreadable configuration or schema is the server's to report; the bundled schema does here.
    }
  }
  return { schema: schema ?? loadDefaultSchema(), config: { ...config, rules: { ...config.rules, ...ruleSettings() } } };
}

/** Analyses open documents once per version. */
export class LocalAnalyses implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dgs')) this.cache.clear();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.cache.clear()),
    );
  }

  analysisOf(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.analysis;
    const { schema, config } = settingsFor(document.uri);
    const analysis = analyze(document.getText(), schema, config);
    this.cache.set(key, { version: document.version, analysis });
    return analysis;
  }

  /** Forgets every analysis: a configuration or schema file changed on disk. */
  clear(): void {
    this.cache.clear();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.cache.clear();
  }
}
