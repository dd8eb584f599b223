/** textDocument/hover: the clause, field or rule under the cursor (features/hover.ts). */
import { Hover, MarkupKind } from 'vscode-languageserver/node';
import { hoverAt } from '../features/hover';
import { rangeOf, ServerContext } from './context';

export function registerHover(server: ServerContext): void {
  server.connection.onHover(
    server.guard('hover', null, (params): Hover | null => {
      const found = server.strategyAt(params.textDocument.uri);
      if (!found) return null;
      const hover = hoverAt(found.result.analysis, found.lines.offsetAt(params.position));
      if (!hover) return null;
      return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: rangeOf(found.lines, hover.span) };
    }),
  );
}
