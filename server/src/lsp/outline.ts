/** The document's shape: symbols (the outline), folding ranges and code lenses (features/symbols.ts, folding.ts, codeLens.ts). */
import { CodeLens, DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolInformation, SymbolKind } from 'vscode-languageserver/node';
import { codeLenses } from '../features/codeLens';
import { foldingRanges } from '../features/folding';
import { documentSymbols, OutlineSymbol, SymbolKindName } from '../features/symbols';
import { rangeOf, ServerContext } from './context';

const SYMBOL_KINDS: Record<SymbolKindName, SymbolKind> = {
  strategy: SymbolKind.Object,
  part: SymbolKind.Namespace,
  section: SymbolKind.Module,
  measure: SymbolKind.Struct,
};

export function registerSymbols(server: ServerContext): void {
  server.connection.onDocumentSymbol(
    server.guard('document symbols', [] as DocumentSymbol[] | SymbolInformation[], (params): DocumentSymbol[] | SymbolInformation[] => {
      const found = server.strategyAt(params.textDocument.uri);
      if (!found) return [];
      const { lines } = found;
      const convert = (symbol: OutlineSymbol): DocumentSymbol => ({
        name: symbol.name,
        detail: symbol.detail,
        kind: SYMBOL_KINDS[symbol.kind],
        range: rangeOf(lines, symbol.span),
        selectionRange: rangeOf(lines, symbol.selectionSpan),
        children: symbol.children.map(convert),
      });
      const symbols = documentSymbols(found.result.analysis);
      if (server.capabilities.hierarchicalSymbols) return symbols.map(convert);
      const flat: SymbolInformation[] = [];
      const flatten = (symbol: OutlineSymbol, container?: string): void => {
        flat.push({ name: symbol.name, kind: SYMBOL_KINDS[symbol.kind], location: { uri: params.textDocument.uri, range: rangeOf(lines, symbol.span) }, containerName: container });
        for (const child of symbol.children) flatten(child, symbol.name);
      };
      for (const symbol of symbols) flatten(symbol);
      return flat;
    }),
  );
}

export function registerFolding(server: ServerContext): void {
  server.connection.onFoldingRanges(
    server.guard('folding ranges', [] as FoldingRange[], (params): FoldingRange[] => {
      const found = server.strategyAt(params.textDocument.uri);
      if (!found) return [];
      return foldingRanges(found.result.analysis).map((fold) => ({ startLine: fold.startLine, endLine: fold.endLine, kind: fold.kind === 'comment' ? FoldingRangeKind.Comment : undefined }));
    }),
  );
}

export function registerCodeLens(server: ServerContext): void {
  server.connection.onCodeLens(
    server.guard('code lens', [] as CodeLens[], (params): CodeLens[] => {
      const found = server.strategyAt(params.textDocument.uri);
      if (!found) return [];
      // No command to run: the lens only shows the section's coverage.
      return codeLenses(found.result.analysis).map((lens) => ({ range: rangeOf(found.lines, lens.span), command: { title: lens.title, command: '' } }));
    }),
  );
}
