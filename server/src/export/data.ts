/**
 * What an exported document says: the strategy itself (its sections, their summaries, every
 * field of every measure) beside the coverage report's data (clause statuses, verbatim texts,
 * open findings), which it reuses rather than computes again. Pure: an analysis in, plain
 * data out; the Word, CSV and diff renderers only lay it out.
 */
import { Analysis } from '../core/analyze';
import { ClauseCoverageStatus, InactiveReason, measureStanding } from '../core/coverage';
import { MeasureModel, NotApplicableModel } from '../core/model/strategy';
import { CheckedEntry } from '../core/model/walk';
import { buildReportData, CoverageReportData, fieldText, MeasureInfo, StrategyInfo, UnitReport } from '../report/data';

export interface BudgetInfo {
  amount?: number;
  currency?: string;
}

export interface ExportMeasure extends MeasureInfo {
  description?: string;
  partners: string[];
  budget?: BudgetInfo;
  businessCase?: { value?: string; stakeholders: string[] };
  dependsOn: string[];
  /** The clause references as written in `addresses`, resolved or not. */
  addresses: string[];
  /** Why the measure addresses nothing (spec §7.1): it is dropped, or its title is a placeholder. */
  inactive?: InactiveReason;
}

/** A clause the strategy declares not applicable, with the drafter's reason. */
export interface NotApplicableClause {
  clause: string;
  reason?: string;
  handledBy?: string;
  /** The section it is written in. */
  section: string;
}

export interface ExportSection {
  key: string;
  number: number;
  title: string;
  /** Whether the strategy has the section at all. */
  present: boolean;
  summary?: string;
  measures: ExportMeasure[];
  notApplicable: NotApplicableClause[];
}

export interface ExportPart {
  key: string;
  numeral: string;
  title: string;
  sections: ExportSection[];
}

export interface ExportData {
  /** The coverage report's data: clause texts and statuses, measures by index, findings. */
  report: CoverageReportData;
  strategy: StrategyInfo & { adoptedOn?: string };
  /** When the document was made and by which dgs: the title page says so. */
  generated: { date: string; version: string };
  /** Every part and section in the Recommendation's order. */
  parts: ExportPart[];
  /** Every measure in file order (index = `MeasureInfo.index`). */
  measures: ExportMeasure[];
  notApplicable: NotApplicableClause[];
  /** Each coverage unit's status, as the core defines it (spec §7.1). */
  clauseStatus: Record<string, ClauseCoverageStatus>;
}

export interface ExportOptions {
  file: string;
  /** YYYY-MM-DD; passed in so that the core never reads the clock. */
  date: string;
  version: string;
}

/** Builds the export's data from an analysis. Never throws. */
export function buildExportData(analysis: Analysis, options: ExportOptions): ExportData {
  const report = buildReportData(analysis, { file: options.file });
  const { model } = analysis;
  const measures = model.measures.map((measure, index) => readExportMeasure(measure, report.measures[index]));
  const byIndex = new Map(model.measures.map((measure, index) => [measure, measures[index]]));
  const sectionModels = new Map(model.sections.map((section) => [section.recommendation.section, section]));
  const notApplicable: NotApplicableClause[] = [];
  const parts = model.schema.parts.map((part) => ({
    key: part.key,
    numeral: part.numeral,
    title: part.title,
    sections: part.recommendations.map((recommendation): ExportSection => {
      const section = sectionModels.get(recommendation.section);
      const listed = (section?.notApplicable ?? []).map((entry) => readNotApplicable(entry, recommendation.section));
      notApplicable.push(...listed);
      return {
        key: recommendation.section,
        number: recommendation.number,
        title: recommendation.title,
        present: section !== undefined,
        summary: section?.summary ? fieldText(section.value.entries, 'summary') : undefined,
        measures: (section?.measures ?? []).map((measure) => byIndex.get(measure)!),
        notApplicable: listed,
      };
    }),
  }));
  return {
    report,
    strategy: { ...report.strategy, adoptedOn: fieldText(model.strategy?.entries, 'adopted-on') },
    generated: { date: options.date, version: options.version },
    parts,
    measures,
    notApplicable,
    clauseStatus: Object.fromEntries(analysis.coverage.units.map((entry) => [entry.unit.ref, entry.status])),
  };
}

/** Every coverage unit with its recommendation's number, in the schema's order. */
export function allUnits(data: ExportData): Array<UnitReport & { recommendation: number; section: string; recommendationText: string }> {
  return data.report.parts.flatMap((part) =>
    part.recommendations.flatMap((recommendation) =>
      recommendation.units.map((unit) => ({ ...unit, recommendation: recommendation.number, section: recommendation.section, recommendationText: recommendation.text })),
    ),
  );
}

function listTexts(entry: CheckedEntry | undefined): string[] {
  if (!entry?.value.ok) return [];
  return (entry.value.items ?? []).flatMap((item) => {
    const text = item.ok && !item.empty ? item.text?.trim() : undefined;
    return text ? [text] : [];
  });
}

function readExportMeasure(measure: MeasureModel, info: MeasureInfo): ExportMeasure {
  const entries = measure.entries;
  const budgetEntry = entries.get('budget');
  const businessCaseEntry = entries.get('business-case');
  const businessCaseEntries = businessCaseEntry?.value.ok ? businessCaseEntry.value.entries : undefined;
  return {
    ...info,
    description: fieldText(entries, 'description'),
    partners: listTexts(entries.get('partners')),
    budget: budgetEntry?.value.ok ? { amount: measure.budget?.amount, currency: measure.budget?.currency } : undefined,
    businessCase: businessCaseEntries
      ? { value: fieldText(businessCaseEntries, 'value'), stakeholders: listTexts(businessCaseEntries.get('stakeholders')) }
      : undefined,
    dependsOn: measure.dependsOn?.references.map((reference) => reference.id) ?? [],
    addresses: measure.addresses.map((reference) => reference.resolution.unit?.ref ?? reference.resolution.written),
    inactive: measureStanding(measure).inactive,
  };
}

/** A `not-applicable` item of a section (spec §7.2), as the model read it. */
function readNotApplicable(entry: NotApplicableModel, section: string): NotApplicableClause {
  return { clause: entry.unit?.ref ?? entry.clause?.resolution.written ?? '(no clause)', reason: entry.reason, handledBy: entry.handledBy, section };
}
