/**
 * Quick fixes and source actions: what the editor offers to repair a finding. Pure: from
 * an analysis to edits by offset. Every edit is computed on the YAML's source, leaves every
 * other byte as it was, and is checked before it is offered: the result must parse, gain
 * no duplicate key, and actually do what the action says. What fails the check, or cannot
 * be placed safely, is not offered.
 */
import { analyze, Analysis } from '../core/analyze';
import { Finding } from '../core/findings';
import { computeCoverage } from '../core/coverage';
import { buildModel } from '../core/document';
import { suggestClauses } from '../core/mapper';
import { measureText } from '../core/mapper/measure';
import { MeasureModel, SectionModel, StrategyModel } from '../core/model/strategy';
import { CoverageUnit, Part, Recommendation } from '../core/schema/types';
import { applyEdits, composeEdits, editsOverlap, mergeEdits, OffsetEdit } from './edits';
import { planAddClauses } from './fixes/addClauses';
import { planAddMeasure } from './fixes/measure';
import { planDeclareNotApplicable } from './fixes/notApplicable';
import { findPairByKey, fixContext, FixContext } from './fixes/place';
import { planRemoveClause, planRemoveDeclaration } from './fixes/remove';
import { planReplace } from './fixes/replace';
import { planSections, usedMeasureIds } from './fixes/sections';

export type { OffsetEdit } from './edits';
export { applyEdits } from './edits';

export const QUICK_FIX_KIND = 'quickfix';
export const FIX_ALL_KIND = 'source.fixAll.dgs';
export const INSERT_MISSING_SECTIONS_KIND = 'source.dgs.insertMissingSections';
export const ADD_SUGGESTED_CLAUSES_KIND = 'refactor.rewrite.dgs.addSuggestedClauses';

export interface CodeActionResult {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edits: OffsetEdit[];
  /** The findings the action resolves. */
  diagnostics?: Finding[];
}

/** Whether an action of `kind` is among those asked for (`source` asks for every `source.…`). */
export function kindRequested(kind: string, onlyKinds?: readonly string[]): boolean {
  if (!onlyKinds || onlyKinds.length === 0) return true;
  return onlyKinds.some((only) => kind === only || kind.startsWith(`${only}.`));
}

/** Fixes are offered only on a document that parsed: edits on a broken tree could break it further. */
function editable(analysis: Analysis): boolean {
  return !analysis.model.syntaxErrors && analysis.model.rootKind !== 'other' && !analysis.findings.some((finding) => finding.rule === 'yaml-syntax');
}

function count(model: StrategyModel, rule: string): number {
  return model.issues.filter((issue) => issue.rule === rule).length;
}

/**
 * The model of the text after the edits, when they leave it well formed (it parses, and has
 * no more duplicate keys than before); undefined otherwise.
 */
function afterEdits(model: StrategyModel, edits: OffsetEdit[]): StrategyModel | undefined {
  if (edits.length === 0 || editsOverlap(edits)) return undefined;
  let text: string;
  try {
    text = applyEdits(model.text, edits);
  } catch {
    return undefined;
  }
  if (text === model.text) return undefined;
  const next = buildModel(text, model.schema);
  if (next.syntaxErrors || next.broken.length > 0 || next.rootKind === 'other') return undefined;
  if (count(next, 'duplicate-key') > count(model, 'duplicate-key')) return undefined;
  return next;
}

function hasSection(model: StrategyModel, recommendation: Recommendation): boolean {
  return model.sections.some((section) => section.recommendation === recommendation && section.part.part === recommendation.part);
}

function allPlaced(model: StrategyModel, placed: Map<Part, Recommendation[]>): boolean {
  for (const recommendations of placed.values()) if (!recommendations.every((recommendation) => hasSection(model, recommendation))) return false;
  return true;
}

/** Every section the model lacks, by part (an absent part with all of its sections). */
function missingSections(model: StrategyModel): Map<Part, Recommendation[]> {
  const wanted = new Map<Part, Recommendation[]>();
  for (const part of model.schema.parts) {
    const missing = part.recommendations.filter((recommendation) => !hasSection(model, recommendation));
    if (missing.length > 0) wanted.set(part, missing);
  }
  return wanted;
}

/** The sections a missing-section finding asks for. */
function wantedBy(model: StrategyModel, finding: Finding): Map<Part, Recommendation[]> | undefined {
  const data = finding.data;
  if (data?.kind === 'insert-part') {
    const part = model.schema.partByKey.get(data.part);
    return part ? new Map([[part, [...part.recommendations]]]) : undefined;
  }
  if (data?.kind === 'insert-section') {
    const part = model.schema.partByKey.get(data.part);
    const recommendation = model.schema.sectionByKey.get(data.section);
    return part && recommendation && recommendation.part === part ? new Map([[part, [recommendation]]]) : undefined;
  }
  return undefined;
}

/** Edits inserting the wanted sections, checked; those that cannot all go in together go in part by part. */
function sectionEdits(context: FixContext, wanted: Map<Part, Recommendation[]>): { edits: OffsetEdit[]; placed: Map<Part, Recommendation[]> } {
  const model = context.model;
  const whole = planSections(context, wanted, usedMeasureIds(context));
  const after = afterEdits(model, whole.edits);
  if (after && allPlaced(after, whole.placed)) return whole;
  // One part at a time, keeping what works on its own and together.
  const ids = usedMeasureIds(context);
  let edits: OffsetEdit[] = [];
  const placed = new Map<Part, Recommendation[]>();
  for (const part of model.schema.parts) {
    const recommendations = wanted.get(part);
    if (!recommendations) continue;
    const plan = planSections(context, new Map([[part, recommendations]]), ids);
    const candidate = mergeEdits([...edits, ...plan.edits]);
    const result = afterEdits(model, candidate);
    const candidatePlaced = new Map([...placed, ...plan.placed]);
    if (result && allPlaced(result, candidatePlaced)) {
      edits = candidate;
      for (const [key, value] of plan.placed) placed.set(key, value);
    }
  }
  return { edits, placed };
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}

/** The quick fix for one finding, when it has one that can be applied safely. */
function quickFix(analysis: Analysis, context: FixContext, finding: Finding): CodeActionResult | undefined {
  const model = analysis.model;
  const data = finding.data;
  if (!data) return undefined;
  switch (data.kind) {
    case 'replace': {
      const edit = planReplace(context, finding.span, data.replacement, finding.rule === 'unknown-key');
      if (!edit || !afterEdits(model, [edit])) return undefined;
      // The value as the drafter reads it, without the quotes it may be written in.
      const written = model.text.slice(finding.span.start, finding.span.end).replace(/^(['"])(.*)\1$/s, '$2');
      return { title: `Replace "${quote(written)}" with "${quote(data.replacement)}"`, kind: QUICK_FIX_KIND, isPreferred: true, edits: [edit], diagnostics: [finding] };
    }
    case 'replace-clause': {
      // The mapper's suggestion, never applied by fix all: which clause is meant is the drafter's call.
      const edit = planReplace(context, finding.span, data.replacement, false);
      if (!edit || !afterEdits(model, [edit])) return undefined;
      return { title: `Replace ${data.clause} with ${data.replacement}`, kind: QUICK_FIX_KIND, edits: [edit], diagnostics: [finding] };
    }
    case 'insert-section':
    case 'insert-part': {
      const wanted = wantedBy(model, finding);
      if (!wanted) return undefined;
      const plan = planSections(context, wanted, usedMeasureIds(context));
      const after = afterEdits(model, plan.edits);
      const [part] = wanted.keys();
      if (!after || !allPlaced(after, plan.placed) || !plan.placed.has(part)) return undefined;
      const title =
        data.kind === 'insert-part'
          ? `Insert the missing part "${data.part}" with its sections`
          : `Insert the missing section "${data.section}" into ${data.part}`;
      return { title, kind: QUICK_FIX_KIND, isPreferred: true, edits: plan.edits, diagnostics: [finding] };
    }
    default:
      return undefined;
  }
}

/** The section and the coverage unit a finding's fix data names, when the model has them. */
function sectionAndUnit(model: StrategyModel, data: { section: string; unit: string }): { section?: SectionModel; unit?: CoverageUnit } {
  return { section: model.sections.find((candidate) => candidate.recommendation.section === data.section), unit: model.schema.unitByRef.get(data.unit) };
}

/**
 * The two answers to a clause not addressed: a measure stub that names it (it addresses the
 * clause once the drafter writes its title), or a declaration that the clause does not
 * apply (it counts once the drafter writes the reason). Neither settles the clause alone.
 */
function clauseFixes(model: StrategyModel, context: FixContext, finding: Finding, data: { section: string; unit: string }): CodeActionResult[] {
  const { section, unit } = sectionAndUnit(model, data);
  if (!section || !unit) return [];
  const fixes: CodeActionResult[] = [];
  const measure = planAddMeasure(context, section, unit, usedMeasureIds(context));
  const withMeasure = measure && afterEdits(model, measure);
  if (measure && withMeasure?.references.some((reference) => reference.resolution.unit === unit)) {
    fixes.push({ title: `Add a measure for clause ${unit.ref} to "${data.section}"`, kind: QUICK_FIX_KIND, edits: measure, diagnostics: [finding] });
  }
  const declaration = planDeclareNotApplicable(context, section, unit);
  const declared = declaration && afterEdits(model, declaration);
  const inSection = (candidate: StrategyModel) =>
    candidate.sections.some((other) => other.recommendation === section.recommendation && other.notApplicable.some((entry) => entry.unit === unit));
  if (declaration && declared && inSection(declared)) {
    fixes.push({ title: `Declare clause ${unit.ref} not applicable`, kind: QUICK_FIX_KIND, edits: declaration, diagnostics: [finding] });
  }
  return fixes;
}

/**
 * The two answers to a clause declared not applicable that a measure addresses anyway: the
 * declaration is wrong (remove it), or the measure does not address the clause (remove the
 * clause from its addresses, one action per measure). Which is the drafter's call: neither is
 * preferred, and fix all applies neither.
 */
function contradictionFixes(model: StrategyModel, context: FixContext, finding: Finding, data: { section: string; unit: string }): CodeActionResult[] {
  const { section, unit } = sectionAndUnit(model, data);
  const entry = section?.notApplicable.find((candidate) => candidate.unit === unit && candidate.clause?.span.start === finding.span.start);
  if (!section || !unit || !entry) return [];
  const fixes: CodeActionResult[] = [];
  const declaration = planRemoveDeclaration(context, entry);
  const undeclared = declaration && afterEdits(model, declaration);
  if (declaration && undeclared && !undeclared.sections.some((other) => other.recommendation === section.recommendation && other.notApplicable.some((candidate) => candidate.unit === unit))) {
    fixes.push({ title: `Remove the declaration that clause ${unit.ref} does not apply`, kind: QUICK_FIX_KIND, edits: declaration, diagnostics: [finding] });
  }
  const addressing = computeCoverage(model).units.find((candidate) => candidate.unit === unit)?.measures ?? [];
  for (const measure of addressing.slice(0, 5)) {
    const id = measure.id?.text;
    const edits = id ? planRemoveClause(context, measure, unit) : undefined;
    const after = edits && afterEdits(model, edits);
    const still = after?.measuresById.get(id!);
    if (!edits || !still || still.length !== 1 || still[0].addresses.some((reference) => reference.resolution.unit === unit)) continue;
    fixes.push({ title: `Remove ${unit.ref} from the clauses measure ${id} addresses`, kind: QUICK_FIX_KIND, edits, diagnostics: [finding] });
  }
  return fixes;
}

const cache = new WeakMap<Analysis, { context: FixContext; results: Map<string, CodeActionResult | undefined> }>();
const fixesCache = new WeakMap<Analysis, Map<string, CodeActionResult[]>>();

function cacheEntry(analysis: Analysis): { context: FixContext; results: Map<string, CodeActionResult | undefined> } {
  let entry = cache.get(analysis);
  if (!entry) {
    entry = { context: fixContext(analysis.model), results: new Map() };
    cache.set(analysis, entry);
  }
  return entry;
}

function contextOf(analysis: Analysis): FixContext {
  return cacheEntry(analysis).context;
}

/** Computes once per analysis (the server keeps one per document version). */
function cached(analysis: Analysis, key: string, compute: (context: FixContext) => CodeActionResult | undefined): CodeActionResult | undefined {
  const entry = cacheEntry(analysis);
  if (!entry.results.has(key)) entry.results.set(key, compute(entry.context));
  return entry.results.get(key);
}

/**
 * Edits that insert every missing section, and every missing part with its sections, in
 * the schema's order and the file's layout. Empty when nothing is missing, when the file
 * does not parse, or for what cannot be inserted safely (a key already written with a
 * value that is not a section). Applying the result and asking again gives no edits.
 */
export function insertAllMissingSections(analysis: Analysis): OffsetEdit[] {
  return insertAllAction(analysis)?.edits ?? [];
}

function insertAllAction(analysis: Analysis): CodeActionResult | undefined {
  if (!editable(analysis)) return undefined;
  return cached(analysis, 'insert-all', (context) => {
    const wanted = missingSections(analysis.model);
    if (wanted.size === 0) return undefined;
    const { edits, placed } = sectionEdits(context, wanted);
    if (edits.length === 0) return undefined;
    const count = [...placed.values()].reduce((sum, recommendations) => sum + recommendations.length, 0);
    const diagnostics = analysis.findings.filter((finding) => {
      const asked = finding.rule === 'missing-section' ? wantedBy(analysis.model, finding) : undefined;
      return asked !== undefined && [...asked].every(([part, recommendations]) => recommendations.every((r) => placed.get(part)?.includes(r)));
    });
    return {
      title: `Insert all missing sections (${count})`,
      kind: QUICK_FIX_KIND,
      edits,
      diagnostics,
    };
  });
}

/**
 * The suggested replacements of an analysis that can be made together: no two overlap, and
 * no two keys of one mapping are renamed to the same key.
 */
function replacementsOf(analysis: Analysis, context: FixContext): { edits: OffsetEdit[]; findings: Finding[] } {
  const edits: OffsetEdit[] = [];
  const findings: Finding[] = [];
  const renamedKeys = new Map<unknown, Set<string>>();
  for (const finding of analysis.findings) {
    if (finding.data?.kind !== 'replace') continue;
    // Which measure a dependency meant is the drafter's choice, not a slip fix all may guess:
    // the closest id can change as measures are added (fix all itself adds some), so it stays
    // a quick fix of its own.
    if (finding.rule === 'unknown-reference') continue;
    const isKey = finding.rule === 'unknown-key';
    const edit = planReplace(context, finding.span, finding.data.replacement, isKey);
    if (!edit || edits.some((other) => other.start < edit.end && edit.start < other.end)) continue;
    if (isKey) {
      const parent = findPairByKey(context.document, finding.span)?.parent;
      const renamed = renamedKeys.get(parent) ?? new Set<string>();
      if (renamed.has(finding.data.replacement)) continue;
      renamed.add(finding.data.replacement);
      renamedKeys.set(parent, renamed);
    }
    edits.push(edit);
    findings.push(finding);
  }
  return { edits, findings };
}

/** Whether the model after an edit is as well formed as the one before (see afterEdits). */
function wellFormed(before: StrategyModel, after: StrategyModel): boolean {
  return !after.syntaxErrors && after.broken.length === 0 && after.rootKind !== 'other' && count(after, 'duplicate-key') <= count(before, 'duplicate-key');
}

const REPLACEMENT_ROUNDS = 3;

/**
 * Every fix that is safe to apply without a choice: the suggested replacements of unknown
 * keys, clauses and measure ids, then the missing sections and parts the findings name.
 * Replacements go first and in rounds: a misspelled section renamed is then not inserted
 * again, and what was under it (not checked while its key was unknown) gets its own
 * suggestions applied too.
 */
function fixAllAction(analysis: Analysis): CodeActionResult | undefined {
  if (!editable(analysis)) return undefined;
  return cached(analysis, 'fix-all', (context) => {
    const model = analysis.model;
    let edits: OffsetEdit[] = [];
    let current = analysis;
    let currentContext = context;
    const fixed: Finding[] = [];
    for (let round = 0; round < REPLACEMENT_ROUNDS; round++) {
      let { edits: replacements, findings } = replacementsOf(current, currentContext);
      if (replacements.length === 0) break;
      let nextText = applyEdits(current.model.text, replacements);
      let next = analyze(nextText, model.schema, analysis.config);
      if (!wellFormed(current.model, next.model)) {
        // Keep only the replacements that are safe on their own.
        const safe = replacements.map((edit, i) => ({ edit, finding: findings[i] })).filter(({ edit }) => afterEdits(current.model, [edit]));
        replacements = safe.map(({ edit }) => edit);
        findings = safe.map(({ finding }) => finding);
        if (replacements.length === 0) break;
        nextText = applyEdits(current.model.text, replacements);
        next = analyze(nextText, model.schema, analysis.config);
        if (!wellFormed(current.model, next.model)) break;
      }
      const composed = composeEdits(model.text, edits, replacements);
      if (!composed) break;
      edits = composed;
      // Only the first round's findings are the analysis's own; later ones appeared on the way.
      if (round === 0) fixed.push(...findings);
      current = next;
      currentContext = fixContext(next.model);
    }
    // The sections the findings ask for that are still missing once the replacements are made.
    const asking = analysis.findings.filter((finding) => finding.rule === 'missing-section');
    const wanted = new Map<Part, Recommendation[]>();
    for (const finding of asking) {
      for (const [part, recommendations] of wantedBy(model, finding) ?? []) {
        const missing = recommendations.filter((recommendation) => !hasSection(current.model, recommendation) && !wanted.get(part)?.includes(recommendation));
        if (missing.length > 0) wanted.set(part, [...(wanted.get(part) ?? []), ...missing]);
      }
    }
    if (wanted.size > 0) {
      const inserted = sectionEdits(currentContext, wanted);
      const composed = inserted.edits.length > 0 ? composeEdits(model.text, edits, inserted.edits) : undefined;
      if (composed) {
        edits = composed;
        const placedOrPresent = (part: Part, recommendation: Recommendation) =>
          inserted.placed.get(part)?.includes(recommendation) || hasSection(current.model, recommendation);
        fixed.push(...asking.filter((finding) => [...(wantedBy(model, finding) ?? [])].every(([part, recommendations]) => recommendations.every((r) => placedOrPresent(part, r)))));
      }
    } else {
      // Sections named by findings that the replacements made present (a renamed section).
      fixed.push(...asking.filter((finding) => [...(wantedBy(model, finding) ?? [])].every(([, recommendations]) => recommendations.every((r) => hasSection(current.model, r)))));
    }
    if (edits.length === 0) return undefined;
    return {
      title: 'Fix all safe problems (dgs)',
      kind: FIX_ALL_KIND,
      edits: mergeEdits(edits),
      diagnostics: [...new Set(fixed)].sort((a, b) => a.span.start - b.span.start),
    };
  });
}

/**
 * The actions for a range of the document: the quick fixes of the findings it touches, and
 * the source actions (insert every missing section; fix all). `onlyKinds` narrows the kinds
 * computed, as the LSP request's `only` does.
 */
export function computeCodeActions(analysis: Analysis, range: { start: number; end: number }, onlyKinds?: string[]): CodeActionResult[] {
  if (!editable(analysis)) return [];
  const actions: CodeActionResult[] = [];
  if (kindRequested(QUICK_FIX_KIND, onlyKinds)) {
    const touched = analysis.findings.filter((finding) => finding.data && finding.span.start <= range.end && range.start <= finding.span.end);
    for (const finding of touched) {
      const key = `fix:${finding.rule}:${finding.span.start}:${finding.span.end}:${JSON.stringify(finding.data)}`;
      const data = finding.data;
      if (data?.kind === 'add-measure' || data?.kind === 'not-applicable-addressed') {
        let known = fixesCache.get(analysis);
        if (!known) fixesCache.set(analysis, (known = new Map()));
        if (!known.has(key)) known.set(key, data.kind === 'add-measure' ? clauseFixes(analysis.model, contextOf(analysis), finding, data) : contradictionFixes(analysis.model, contextOf(analysis), finding, data));
        actions.push(...known.get(key)!);
        continue;
      }
      const action = cached(analysis, key, (context) => quickFix(analysis, context, finding));
      if (action) actions.push(action);
    }
    if (touched.some((finding) => finding.rule === 'missing-section')) {
      const all = insertAllAction(analysis);
      const single = actions.filter((action) => action.diagnostics?.some((finding) => finding.rule === 'missing-section'));
      // Worth offering when it does more than the one fix at hand.
      if (all && !(single.length === 1 && sameEdits(single[0].edits, all.edits))) actions.push(all);
    }
  }
  if (kindRequested(ADD_SUGGESTED_CLAUSES_KIND, onlyKinds)) {
    const measure = analysis.model.measures.find((candidate) => candidate.value.span.start <= range.start && range.start <= candidate.value.span.end);
    const add = measure && cached(analysis, `add-clauses:${measure.firstLine.start}`, (context) => addSuggestedClauses(analysis, context, measure));
    if (add) actions.push(add);
  }
  if (kindRequested(INSERT_MISSING_SECTIONS_KIND, onlyKinds)) {
    const all = insertAllAction(analysis);
    if (all) actions.push({ ...all, kind: INSERT_MISSING_SECTIONS_KIND });
  }
  if (kindRequested(FIX_ALL_KIND, onlyKinds)) {
    const fixAll = fixAllAction(analysis);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** The mapper's suggestions for a measure that its `addresses` does not name yet, added to it. */
function addSuggestedClauses(analysis: Analysis, context: FixContext, measure: MeasureModel): CodeActionResult | undefined {
  const named = new Set(measure.addresses.map((reference) => reference.resolution.unit?.ref));
  const refs = suggestClauses(measureText(measure), analysis.model.schema)
    .map((suggestion) => suggestion.clause)
    .filter((ref) => !named.has(ref));
  const edits = planAddClauses(context, measure, refs);
  const after = edits && afterEdits(analysis.model, edits);
  if (!edits || !after) return undefined;
  const namedAfter = new Set(after.references.map((reference) => reference.resolution.unit?.ref));
  if (!refs.every((ref) => namedAfter.has(ref))) return undefined;
  return { title: `Add the suggested clauses (${refs.join(', ')})`, kind: ADD_SUGGESTED_CLAUSES_KIND, edits };
}

function sameEdits(a: OffsetEdit[], b: OffsetEdit[]): boolean {
  return a.length === b.length && a.every((edit, i) => edit.start === b[i].start && edit.end === b[i].end && edit.newText === b[i].newText);
}
