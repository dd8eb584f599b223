/** Which coverage units the strategy addresses, and by which measures. */
import { MeasureModel, StrategyModel } from './model/strategy';
import { CoverageUnit } from './schema/types';

export interface UnitCoverage {
  unit: CoverageUnit;
  measures: MeasureModel[];
}

export interface Coverage {
  /** Every unit in the schema's order, with the measures that address it. */
  units: UnitCoverage[];
  addressed: string[];
  missing: string[];
  /**
   * Units counted as addressed only thanks to measures that do not parse at the moment,
   * as they were last read (see document.ts): shown as addressed, marked as not current.
   */
  stale?: string[];
}

/** Unit ref → the measures that address it (each once, in file order); computed once per model. */
export function addressedUnits(model: StrategyModel): Map<string, MeasureModel[]> {
  const cached = model.addressedByUnit;
  if (cached) return cached;
  const byUnit = new Map<string, MeasureModel[]>();
  for (const reference of model.references) {
    const unit = reference.resolution.unit;
    if (reference.resolution.status !== 'unit' || !unit) continue;
    const measures = byUnit.get(unit.ref);
    if (!measures) byUnit.set(unit.ref, [reference.measure]);
    else if (measures[measures.length - 1] !== reference.measure) measures.push(reference.measure);
  }
  model.addressedByUnit = byUnit;
  return byUnit;
}

export function computeCoverage(model: StrategyModel): Coverage {
  const byUnit = addressedUnits(model);
  const units = model.schema.units.map((unit) => ({ unit, measures: byUnit.get(unit.ref) ?? [] }));
  return {
    units,
    addressed: units.filter((entry) => entry.measures.length > 0).map((entry) => entry.unit.ref),
    missing: units.filter((entry) => entry.measures.length === 0).map((entry) => entry.unit.ref),
  };
}
