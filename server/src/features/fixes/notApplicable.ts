/**
 * Declaring a clause not applicable (spec §7.2): a `not-applicable` entry of the section that
 * names the clause, with a reason for the drafter to write. The reason is left a placeholder
 * on purpose: dgs cannot know why a clause does not apply, and a declaration without a
 * written reason does not settle the clause (core/coverage.ts), so the fix records the
 * drafter's intention and placeholder-text asks for the reason. Never a verdict by itself.
 */
import { SECTION_FIELDS } from '../../core/model/format';
import { SectionModel } from '../../core/model/strategy';
import { CoverageUnit } from '../../core/schema/types';
import { OffsetEdit } from '../edits';
import { notApplicableItemYaml } from '../snippets';
import { yamlScalar } from './layout';
import { planAddItem } from './measure';
import { FixContext } from './place';
import { listItem } from './render';

const SECTION_KEYS = Object.keys(SECTION_FIELDS);

export function planDeclareNotApplicable(context: FixContext, section: SectionModel, unit: CoverageUnit): OffsetEdit[] | undefined {
  const item = listItem(notApplicableItemYaml(unit.ref, yamlScalar(unit.ref)), context.layout);
  const rank = (key: string | undefined): number | undefined => {
    const index = key === undefined ? -1 : SECTION_KEYS.indexOf(key);
    return index >= 0 ? index : undefined;
  };
  // Between the summary and the measures, as the format shows it.
  return item && planAddItem(context, section, 'not-applicable', item, SECTION_KEYS.indexOf('not-applicable'), rank);
}
