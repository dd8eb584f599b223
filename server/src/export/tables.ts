/**
 * The strategy as two tables, for a finance ministry's spreadsheet: one row per measure, or
 * one row per clause of the Recommendation. The CSV renderer writes them; each cell is plain text.
 */
import { measureLabel } from '../report/data';
import { allUnits, ExportData } from './data';

export type TableName = 'measures' | 'clauses';
export const TABLE_NAMES: readonly TableName[] = ['measures', 'clauses'];

export interface TextTable {
  header: string[];
  rows: string[][];
}

export function measureTable(data: ExportData): TextTable {
  return {
    header: ['Section', 'Recommendation', 'Id', 'Title', 'Lead', 'Due', 'Budget amount', 'Currency', 'Business case', 'Status', 'Clauses'],
    rows: data.measures.map((measure) => [
      measure.section,
      String(measure.recommendation),
      measure.id ?? '',
      measure.title ?? '',
      measure.lead ?? '',
      measure.due ?? '',
      measure.budget?.amount === undefined ? '' : String(measure.budget.amount),
      measure.budget?.currency ?? '',
      measure.businessCase ? 'yes' : 'no',
      measure.status ?? '',
      measure.addresses.join(' '),
    ]),
  };
}

export function clauseTable(data: ExportData): TextTable {
  return {
    header: ['Clause', 'Recommendation', 'Section', 'Text', 'Status', 'Measures'],
    rows: allUnits(data).map((unit) => [
      unit.ref,
      String(unit.recommendation),
      unit.section,
      unit.text,
      data.clauseStatus[unit.ref],
      unit.measures.map((index) => measureLabel(data.measures[index])).join(' '),
    ]),
  };
}

export function exportTable(data: ExportData, name: TableName): TextTable {
  return name === 'clauses' ? clauseTable(data) : measureTable(data);
}
