/**
 * The rule pages, inside VS Code and offline: each finding's code links to its rule's page
 * (docs/rules/<rule>.md, shipped in the extension), shown as a Markdown preview. The server
 * gives every finding a web address for its rule (right for the command line, SARIF and other
 * editors); here the link is turned into "DGS: Show rule" on the bundled page.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const SHOW_RULE_COMMAND = 'dgs.showRule';
const RULE_ID = /^[a-z][a-z0-9-]*$/;

/** The link a finding's code opens: the command that shows the rule's bundled page. */
export function ruleTarget(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_COMMAND}?${encodeURIComponent(JSON.stringify([rule]))}`);
}

/** A finding whose code carries a link to its rule, with the link pointing to the bundled page instead. */
export function withRuleTarget(diagnostic: vscode.Diagnostic): vscode.Diagnostic {
  const code = diagnostic.code;
  if (diagnostic.source !== 'dgs' || typeof code !== 'object' || code === null || !('target' in code)) return diagnostic;
  const rule = String(code.value);
  if (RULE_ID.test(rule)) diagnostic.code = { value: code.value, target: ruleTarget(rule) };
  return diagnostic;
}

/** The language client's middleware: findings pulled or pushed get links to the bundled rule pages. */
export const ruleLinkMiddleware: Pick<Middleware, 'provideDiagnostics' | 'handleDiagnostics'> = {
  provideDiagnostics: async (document, previousResultId, token, next) => {
    const report = await next(document, previousResultId, token);
    if (report && 'items' in report) report.items.forEach(withRuleTarget);
    return report;
  },
  handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(withRuleTarget)),
};

/** Shows the page of a rule as a Markdown preview; false when there is no such page. */
export async function showRule(extensionUri: vscode.Uri, rule: unknown): Promise<boolean> {
  const id = typeof rule === 'string' ? rule : Array.isArray(rule) && typeof rule[0] === 'string' ? rule[0] : undefined;
  if (!id || !RULE_ID.test(id)) return false;
  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showInformationMessage(`The extension has no page for the rule "${id}".`);
    return false;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return true;
}

export function registerRulePages(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_RULE_COMMAND, (rule: unknown) => showRule(extensionUri, rule));
}
