/** The registry of every rule, in the order of the specification's table. */
import { adoptedWithoutDate } from './adoptedWithoutDate';
import { businessCaseRequired } from './businessCaseRequired';
import { businessCaseStakeholders } from './businessCaseStakeholders';
import { clauseMismatch } from './clauseMismatch';
import { clauseNotAddressed } from './clauseNotAddressed';
import { clauseTooBroad } from './clauseTooBroad';
import { dependencyCycle } from './dependencyCycle';
import { dueOutsidePeriod } from './dueOutsidePeriod';
import { duplicateId } from './duplicateId';
import { duplicateKey } from './duplicateKey';
import { emptySection } from './emptySection';
import { invalidDate } from './invalidDate';
import { missingField } from './missingField';
import { missingIndicator } from './missingIndicator';
import { missingLead } from './missingLead';
import { missingSection } from './missingSection';
import { periodOrder } from './periodOrder';
import { placeholderText } from './placeholderText';
import { businessCaseCurrency } from './businessCaseCurrency';
import { businessCaseThresholdMissing } from './businessCaseThresholdMissing';
import { dependencyOrder } from './dependencyOrder';
import { indicatorIncomplete } from './indicatorIncomplete';
import { notApplicableAddressed } from './notApplicableAddressed';
import { textCutByComment } from './textCutByComment';
import { textSplitByComma } from './textSplitByComma';
import { Rule } from './rule';
import { typeMismatch } from './typeMismatch';
import { unknownClause } from './unknownClause';
import { unknownKey } from './unknownKey';
import { unknownReference } from './unknownReference';
import { yamlSyntax } from './yamlSyntax';

export { Rule } from './rule';
export { isRuleId, RULE_IDS, RuleId } from './ids';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  duplicateKey,
  unknownKey,
  typeMismatch,
  missingField,
  missingSection,
  emptySection,
  placeholderText,
  unknownClause,
  clauseTooBroad,
  clauseNotAddressed,
  duplicateId,
  unknownReference,
  dependencyCycle,
  missingLead,
  missingIndicator,
  businessCaseRequired,
  businessCaseStakeholders,
  invalidDate,
  dueOutsidePeriod,
  periodOrder,
  adoptedWithoutDate,
  notApplicableAddressed,
  businessCaseCurrency,
  businessCaseThresholdMissing,
  indicatorIncomplete,
  dependencyOrder,
  textCutByComment,
  textSplitByComma,
  clauseMismatch,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

/** Where each rule's documentation lives, for diagnostics' code descriptions and SARIF. */
export const DOCS_BASE_URL = 'https://github.com/dgs-tools/dgs/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
