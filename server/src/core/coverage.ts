/**
 * What addresses a clause (spec §7.1), defined once: every rule, the code lens, the
 * coverage summary the editor asks for, every report and the command line read it here.
 *
 * A measure addresses the clauses it names only when it is live (not dropped) and real (its
 * title is not a placeholder). A clause is then `addressed` (by at least one accountable
 * measure: a lead and an indicator with a target), `weak` (only by measures that lack one of
 * them), `not-applicable` (declared so by its section, with a reason, and addressed by no
 * measure) or `missing`. A declaration whose reason is absent or still a placeholder is a
 * draft of one, as a placeholder measure is: the clause is not reported as not addressed
 * (the placeholder is), but it counts as missing until the reason is written.
 */
import { CheckedEntry, placeholderReason } from './model/walk';
import { Coverage, CoverageLists, InactiveReason, MeasureModel, MeasureStanding, NotApplicableModel, SectionAddressing, SectionModel, StrategyModel, UnitCoverage } from './model/strategy';

/** The coverage types are the model's (model/strategy.ts), where the measures and sections that carry them are. */
export type { ClauseCoverageStatus, Coverage, CoverageLists, InactiveReason, MeasureStanding, UnitCoverage } from './model/strategy';

/** The statuses in their order (a leaf module, which the protocol shares with the VS Code extension). */
export { CLAUSE_STATUSES } from './shared';

/** The text of a valid, non-empty field of a mapping. */
function fieldText(entries: Map<string, CheckedEntry> | undefined, key: string): string | undefined {
  const value = entries?.get(key)?.value;
  if (!value || !value.ok || value.empty || value.text === undefined) return undefined;
  const text = value.scalar === null || value.scalar === undefined ? value.text : String(value.scalar);
  return text.trim() === '' ? undefined : text;
}

function isReal(text: string | undefined): boolean {
  return text !== undefined && placeholderReason(text) === undefined;
}

/** Whether a measure is live and real, and whether it is accountable. Computed once per measure object (kept on it). */
export function measureStanding(measure: MeasureModel): MeasureStanding {
  const known = measure.standing;
  if (known) return known;
  const status = fieldText(measure.entries, 'status');
  const inactive: InactiveReason | undefined = status === 'dropped' ? 'dropped' : !isReal(fieldText(measure.entries, 'title')) ? 'placeholder' : undefined;
  const indicators = measure.entries.get('indicators')?.value;
  const hasTarget = indicators?.ok === true && (indicators.items ?? []).some((item) => item.ok && isReal(fieldText(item.entries, 'target')));
  const standing: MeasureStanding = { inactive, hasLead: isReal(fieldText(measure.entries, 'lead')), hasTarget };
  measure.standing = standing;
  return standing;
}

/**
 * Whether a section's not-applicable entry settles its clause: one of the section's own
 * clauses, with a reason that is written (not a placeholder). A guess is never a verdict.
 */
export function declaresNotApplicable(entry: NotApplicableModel): boolean {
  return entry.unit !== undefined && isReal(entry.reason);
}

/** Whether a measure addresses the clauses it names: live and real. */
export function addressesClauses(measure: MeasureModel): boolean {
  return measureStanding(measure).inactive === undefined;
}

/**
 * Which of a section's measures name each unit, kept on the section until its measures
 * change: an edit in one measure reads again that section's measures alone.
 */
function sectionAddressing(section: SectionModel): SectionAddressing {
  if (section.addressing) return section.addressing;
  const addressing: SectionAddressing = { live: new Map(), inactive: new Map(), accountability: new Map() };
  for (const measure of section.measures) {
    const standing = measureStanding(measure);
    const live = standing.inactive === undefined;
    const byUnit = live ? addressing.live : addressing.inactive;
    for (const reference of measure.addresses) {
      const unit = reference.resolution.unit;
      if (reference.resolution.status !== 'unit' || !unit) continue;
      const measures = byUnit.get(unit.ref);
      if (!measures) byUnit.set(unit.ref, [measure]);
      else if (measures[measures.length - 1] !== measure) measures.push(measure);
      if (!live) continue;
      const known = addressing.accountability.get(unit.ref) ?? { lead: false, target: false, both: false };
      addressing.accountability.set(unit.ref, {
        lead: known.lead || standing.hasLead,
        target: known.target || standing.hasTarget,
        both: known.both || (standing.hasLead && standing.hasTarget),
      });
    }
  }
  section.addressing = addressing;
  return addressing;
}

/** The measures of every section that name a unit, in file order. */
function measuresNaming(sections: SectionAddressing[], which: 'live' | 'inactive', ref: string): MeasureModel[] {
  const measures: MeasureModel[] = [];
  for (const section of sections) {
    const own = section[which].get(ref);
    if (own) for (const measure of own) measures.push(measure);
  }
  return measures;
}

/** The coverage of a strategy, computed once per model. */
export function computeCoverage(model: StrategyModel): Coverage {
  const cached = model.coverage;
  if (cached) return cached;
  const addressing = model.sections.map(sectionAddressing);
  const declared = new Map<string, NotApplicableModel>();
  const unfinished = new Map<string, NotApplicableModel>();
  for (const section of model.sections) {
    for (const entry of section.notApplicable) {
      if (!entry.unit) continue;
      const byUnit = declaresNotApplicable(entry) ? declared : unfinished;
      if (!byUnit.has(entry.unit.ref)) byUnit.set(entry.unit.ref, entry);
    }
  }
  const coverage: Coverage = { units: [], addressed: [], addressedStrict: [], weak: [], notApplicable: [], missing: [] };
  for (const unit of model.schema.units) {
    const measures = measuresNaming(addressing, 'live', unit.ref);
    const entry: UnitCoverage = { unit, status: 'missing', measures, inactive: measuresNaming(addressing, 'inactive', unit.ref), notApplicable: declared.get(unit.ref) };
    if (measures.length > 0) {
      const accountability = addressing.map((section) => section.accountability.get(unit.ref)).filter((known) => known !== undefined);
      if (accountability.some((known) => known.both)) {
        entry.status = 'addressed';
      } else {
        entry.status = 'weak';
        entry.lacks = { lead: accountability.every((known) => !known.lead), indicator: accountability.every((known) => !known.target) };
      }
    } else if (entry.notApplicable) {
      entry.status = 'not-applicable';
    } else if (unfinished.has(unit.ref)) {
      entry.unfinishedNotApplicable = unfinished.get(unit.ref);
    }
    coverage.units.push(entry);
    if (entry.status === 'addressed' || entry.status === 'weak') coverage.addressed.push(unit.ref);
    if (entry.status === 'addressed') coverage.addressedStrict.push(unit.ref);
    else if (entry.status === 'weak') coverage.weak.push(unit.ref);
    else if (entry.status === 'not-applicable') coverage.notApplicable.push(unit.ref);
    else coverage.missing.push(unit.ref);
  }
  model.coverage = coverage;
  return coverage;
}

/** The coverage of each unit by its ref. */
export function unitCoverageByRef(coverage: Coverage): Map<string, UnitCoverage> {
  return new Map(coverage.units.map((entry) => [entry.unit.ref, entry]));
}

/** In words, for a weak unit: what its measures lack. */
export function lacksText(lacks: { lead: boolean; indicator: boolean } | undefined): string {
  if (!lacks) return '';
  if (lacks.lead && lacks.indicator) return 'no lead and no indicator with a target';
  if (lacks.lead) return 'no lead';
  if (lacks.indicator) return 'no indicator with a target';
  // Each measure lacks one of the two, but not the same one.
  return 'no measure with both a lead and an indicator with a target';
}

/** A declaration of not applicable whose reason is not written yet, in words: it does not count. */
export function unfinishedNotApplicableText(reason: string | undefined): string {
  const written = reason === undefined || reason.trim() === '' ? 'has no reason' : `has only a placeholder for its reason ("${reason.trim()}")`;
  return `Declared not applicable, but the declaration ${written}: the clause counts as not addressed until the reason is written.`;
}

export function coverageLists(coverage: Coverage): CoverageLists {
  return {
    addressed: [...coverage.addressed],
    addressedStrict: [...coverage.addressedStrict],
    weak: [...coverage.weak],
    notApplicable: [...coverage.notApplicable],
    missing: [...coverage.missing],
  };
}

/** One line for people: `20/26 clauses addressed (3 of them weak), 2 not applicable; missing: 5, 8`. */
export function coverageLine(coverage: Coverage): string {
  const parts = [`${coverage.addressed.length}/${coverage.units.length} clauses addressed`];
  if (coverage.weak.length > 0) parts[0] += ` (${coverage.weak.length} without a lead or an indicator with a target: ${coverage.weak.join(', ')})`;
  if (coverage.notApplicable.length > 0) parts.push(`${coverage.notApplicable.length} not applicable: ${coverage.notApplicable.join(', ')}`);
  if (coverage.missing.length > 0) parts.push(`missing: ${coverage.missing.join(', ')}`);
  return parts.join('; ');
}
