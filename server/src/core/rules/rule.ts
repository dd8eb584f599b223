/** What every rule is: metadata, and a check that reports findings on the model and never throws. */
import { Issue, Severity } from '../findings';
import { MeasureModel, StrategyModel } from '../model/strategy';
import { RuleId } from './ids';
import { nameDeclarationIn, nameMeasureIn } from './names';

export interface RuleContext {
  model: StrategyModel;
  report(issue: Omit<Issue, 'rule'>): void;
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  /** One line: what the rule finds. */
  description: string;
  /** The clause of the Recommendation the rule serves, when there is one. */
  clause?: string;
  /** Findings about the strategy as a whole, or about anything outside the measures. */
  check?(context: RuleContext): void;
  /**
   * Findings about one measure, from that measure alone: its own fields and text, the
   * schema, and nothing of other measures or of the strategy block (its section only for
   * its name) beyond what `measureContext` names. What it reports is kept with the measure and reused, unchanged, for as long
   * as the measure's text is (runRules.ts): an edit elsewhere does not run it again.
   */
  checkMeasure?(measure: MeasureModel, context: RuleContext): void;
  /**
   * For a per-measure rule that also reads something of the strategy block (its period, its
   * business-case threshold): that something, as a short key. The rule's findings on a
   * measure are then kept for as long as both the measure and this key are unchanged, and
   * the rule runs again on every measure when the key changes.
   */
  measureContext?(model: StrategyModel): string;
  /**
   * Whether the rule reads that something for this measure at all (every measure, unless
   * told): a measure it does not read it for keeps the rule's findings when it changes.
   */
  readsContext?(measure: MeasureModel): boolean;
}

/**
 * A rule whose findings the walk along the format makes, since they come from reading
 * the YAML itself (syntax, keys, types, dates, prose): its check passes them on.
 */
export function structuralRule(rule: Omit<Rule, 'check'>): Rule {
  return {
    ...rule,
    check(context) {
      for (const issue of context.model.issues) {
        if (issue.rule !== rule.id) continue;
        const message = rule.id === 'yaml-syntax' ? issue.message : nameDeclarationIn(context.model, issue.span.start, nameMeasureIn(context.model, issue.span.start, issue.message));
        context.report({ span: issue.span, message, related: issue.related, data: issue.data });
      }
    },
  };
}
