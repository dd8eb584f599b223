/**
 * Warming up the analysis. The JavaScript engine runs a function unoptimised until it has
 * seen it called often enough; on the first large strategy a drafter opens, that makes the
 * analysis run about half again as long as it does once optimised. The language server
 * therefore analyses a built-in strategy of a few hundred measures while it starts (about
 * a fifth of a second), and edits it in place a few times, so that the first real file
 * meets optimised code. Nothing of it is published or kept.
 */
import { StrategyDocument } from './document';
import { Schema } from './schema/types';

/** A strategy with `perSection` measures in every section, written as drafters write them. */
export function warmUpStrategy(schema: Schema, perSection: number): string {
  const lines = ['strategy:', '  title: Warm-up strategy', '  government: Nowhere', '  level: national', '  period: { from: 2026, to: 2030 }', '  status: draft', '  lead: Ministry', '  business-case-threshold: { amount: 1000000, currency: EUR }'];
  for (const part of schema.parts) {
    lines.push(`${part.key}:`);
    for (const recommendation of part.recommendations) {
      lines.push(`  ${recommendation.section}:`, `    summary: What the government does for recommendation ${recommendation.number}.`, '    measures:');
      for (let index = 0; index < perSection; index++) {
        const unit = recommendation.units[index % recommendation.units.length];
        const id = `${recommendation.idPrefix}-${index + 1}`;
        lines.push(`      - id: ${id}`, `        title: Measure ${index + 1} of recommendation ${recommendation.number}`, `        addresses: [${unit.ref}]`, '        lead: Agency', `        due: 2028-${String((index % 12) + 1).padStart(2, '0')}`);
        if (index % 3 === 0) lines.push('        description: >-', '          A longer text over', '          two lines.');
        if (index % 4 === 1) lines.push('        budget: { amount: 2000000, currency: EUR }', '        business-case:', '          value: What the money buys.', '          stakeholders: [service owners]');
        if (index > 0 && index % 5 === 2) lines.push(`        depends-on: [${recommendation.idPrefix}-1]`);
        lines.push('        indicators:', '          - name: Share of services online', '            baseline: 10%', '            target: 90%', '            by: 2030', `          - { name: Staff trained, baseline: 0, target: ${index}, by: 2030 }`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Analyses a built-in strategy, and edits inside its measures, once. */
export function warmUp(schema: Schema): void {
  const text = warmUpStrategy(schema, 25);
  const document = new StrategyDocument();
  document.analyze(text, schema);
  let edited = text;
  for (let round = 0; round < 5; round++) {
    const at = edited.indexOf('title: Measure', Math.floor((edited.length * (round + 1)) / 7)) + 7;
    edited = `${edited.slice(0, at)}x${edited.slice(at)}`;
    document.analyze(edited, schema);
  }
}
