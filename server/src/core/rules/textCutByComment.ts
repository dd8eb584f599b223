import { ProseValue, proseRule } from './proseValues';
import { excerpt } from '../text/excerpt';
import { ofMeasureAt } from './names';
import { Rule, RuleContext } from './rule';

/**
 * A comment that follows a plain text on its line the way text would: fewer than two spaces
 * before the `#`, or none after it. A deliberate comment has two spaces before and one after.
 */
const CUT = /^([ \t]*)#(\S?)/;

export const textCutByComment: Rule = proseRule(
  {
    id: 'text-cut-by-comment',
    severity: 'warning',
    description: 'A # in an unquoted text started a comment and cut the text short.',
  },
  cutTexts,
);

function cutTexts(values: ProseValue[], { model, report }: RuleContext): void {
  const text = model.text;
  for (const { node, field } of values) {
    const end = node.range?.[1];
    if (end === undefined) continue;
    const lineEnd = model.lines.lineEnd(model.lines.positionAt(end).line);
    const match = CUT.exec(text.slice(end, Math.min(lineEnd, end + 200)));
    if (!match) continue;
    const spaces = match[1].length;
    // Two spaces, or a tab, before the # and a space after it: a deliberate comment.
    if ((spaces >= 2 || match[1].includes('\t')) && match[2] === '') continue;
    const hash = end + match[1].length;
    const cut = text.slice(hash, Math.min(lineEnd, hash + 40)).trimEnd();
    report({
      span: { start: hash, end: hash + 1 },
      message: `The ${field}${ofMeasureAt(model, hash)} reads "${excerpt(String(node.value))}": the # started a comment, so "${cut}" is not part of it. Put the whole text in quotes, or, for a comment, leave two spaces before the # and one after.`,
    });
  }
}
