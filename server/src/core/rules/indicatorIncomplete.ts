import { placeholderReason } from '../model/walk';
import { measureRef } from './names';
import { Rule } from './rule';

export const indicatorIncomplete: Rule = {
  id: 'indicator-incomplete',
  severity: 'info',
  description: 'An indicator without a baseline or without a date (by), so progress towards its target cannot be measured.',
  clause: '10.iii',
  checkMeasure(measure, { model, report }) {
    const indicators = measure.entries.get('indicators')?.value;
    if (!indicators?.ok) return;
    for (const indicator of indicators.items ?? []) {
      if (!indicator.ok || !indicator.entries) continue;
      // An indicator still being written (a placeholder name or target) is placeholder-text's.
      const written = ['name', 'target'].every((field) => {
        const text = indicator.entries!.get(field)?.value.text;
        return text !== undefined && placeholderReason(text) === undefined;
      });
      const lacks = written ? ['baseline', 'by'].filter((field) => !indicator.entries!.has(field)) : [];
      if (lacks.length === 0) continue;
      const name = indicator.entries.get('name')?.value;
      const named = name?.ok && name.text ? ` "${name.text}"` : '';
      const words = lacks.map((field) => (field === 'by' ? 'no date (by)' : 'no baseline'));
      report({
        span: { start: indicator.span.start, end: model.lines.lineEnd(model.lines.positionAt(indicator.span.start).line) },
        message: `The indicator${named} of ${measureRef(measure)} has ${words.join(' and ')}: say where it starts and when the target is due, so that progress can be measured (clause 10.iii).`,
      });
    }
  },
};
