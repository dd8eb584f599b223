/** textDocument/completion: keys, values, clauses, measure ids and snippets (features/completion.ts). */
import { CompletionItem, CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver/node';
import { completeAt, CompletionKind } from '../features/completion';
import { rangeOf, ServerContext } from './context';

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  part: CompletionItemKind.Module,
  section: CompletionItemKind.Module,
  value: CompletionItemKind.EnumMember,
  clause: CompletionItemKind.Reference,
  measure: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
};

export const COMPLETION_TRIGGERS = [':', ' ', '[', ',', '.'];

export function registerCompletion(server: ServerContext): void {
  server.connection.onCompletion(
    server.request('completion', [] as CompletionItem[], (params): CompletionItem[] => {
      const found = server.strategyAt(params.textDocument.uri);
      if (!found) return [];
      const { lines } = found;
      const snippetSupport = server.capabilities.snippetSupport;
      return completeAt(found.result.analysis, lines.offsetAt(params.position)).map((entry) => {
        const newText = snippetSupport ? entry.insert.snippet : entry.insert.plain;
        const item: CompletionItem = {
          label: entry.label,
          kind: COMPLETION_KINDS[entry.kind],
          detail: entry.detail,
          sortText: entry.sortText,
          filterText: entry.filterText,
          textEdit: { range: rangeOf(lines, entry.span), newText },
          insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        };
        if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
        if (entry.labelDetails) item.labelDetails = entry.labelDetails;
        // Multi-line texts carry their own indentation: the client must not add the line's.
        if (newText.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
        return item;
      });
    }),
  );
}
