import { Rule } from './rule';

export const missingSection: Rule = {
  id: 'missing-section',
  severity: 'warning',
  description: 'A part, or one of the twelve sections, is absent; an absent part is one finding, not one per section.',
  check({ model, report }) {
    if (model.rootKind === 'other') return;
    const present = new Set(model.sections.map((section) => section.recommendation.section));
    const firstLine = { start: 0, end: model.lines.lineEnd(0) };
    for (const part of model.schema.parts) {
      const partModel = model.parts.find((candidate) => candidate.part === part);
      if (!partModel) {
        const numbers = part.recommendations.map((recommendation) => recommendation.number);
        report({
          span: firstLine,
          message: `The part "${part.key}" (part ${part.numeral}, recommendations ${numbers[0]}–${numbers[numbers.length - 1]}) is missing. Add it with its sections: ${part.recommendations.map((r) => r.section).join(', ')}.`,
          data: { kind: 'insert-part', part: part.key },
        });
        continue;
      }
      for (const recommendation of part.recommendations) {
        if (present.has(recommendation.section)) continue;
        report({
          span: partModel.keySpan,
          message: `The section "${recommendation.section}" (recommendation ${recommendation.number}: ${recommendation.title}) is missing from ${part.key}.`,
          data: { kind: 'insert-section', part: part.key, section: recommendation.section },
        });
      }
    }
  },
};
