/**
 * The outline: the strategy block, then parts → sections → measures (by id and title), in
 * file order, each with the whole of its text as range and its key or id as selection.
 */
import { Analysis } from '../core/analyze';
import { CheckedEntry } from '../core/model/walk';
import { Span } from '../core/text/lineIndex';

export type SymbolKindName = 'strategy' | 'part' | 'section' | 'measure';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  span: Span;
  selectionSpan: Span;
  children: OutlineSymbol[];
}

function entrySpan(keySpan: Span, valueSpan: Span): Span {
  return { start: keySpan.start, end: Math.max(keySpan.end, valueSpan.end) };
}

export function documentSymbols(analysis: Analysis): OutlineSymbol[] {
  const model = analysis.model;
  const symbols: OutlineSymbol[] = [];
  const strategy: CheckedEntry | undefined = model.root?.entries?.get('strategy');
  if (strategy) {
    const title = strategy.value.entries?.get('title')?.value.text;
    symbols.push({ name: 'strategy', detail: title, kind: 'strategy', span: entrySpan(strategy.keySpan, strategy.value.span), selectionSpan: strategy.keySpan, children: [] });
  }
  for (const part of model.parts) {
    const partSymbol: OutlineSymbol = {
      name: part.part.key,
      detail: `Part ${part.part.numeral}: ${part.part.title}`,
      kind: 'part',
      span: entrySpan(part.keySpan, part.value.span),
      selectionSpan: part.keySpan,
      children: [],
    };
    symbols.push(partSymbol);
    for (const section of model.sections.filter((candidate) => candidate.part === part)) {
      const recommendation = section.recommendation;
      partSymbol.children.push({
        name: recommendation.section,
        detail: `${recommendation.number}. ${recommendation.title}`,
        kind: 'section',
        span: entrySpan(section.keySpan, section.value.span),
        selectionSpan: section.keySpan,
        children: section.measures.map((measure) => ({
          name: measure.id?.text ?? '(measure without id)',
          detail: measure.title,
          kind: 'measure' as const,
          span: measure.value.span,
          selectionSpan: measure.id?.span ?? measure.firstLine,
          children: [],
        })),
      });
    }
  }
  symbols.sort((a, b) => a.span.start - b.span.start);
  return symbols;
}
