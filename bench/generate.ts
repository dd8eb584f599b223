/**
 * Deterministic strategies for the performance benchmark: N measures spread over the twelve
 * sections (keys, id prefixes and clauses read from the schema), about eight lines each,
 * every coverage unit addressed, and a few planted defects whose findings are known exactly.
 *
 * `node out/bench/generate.js [--quick] [--out DIR]` writes them into bench/generated/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadDefaultSchema } from '../server/src/host/schemaFile';
import { CoverageUnit, Recommendation, Schema } from '../server/src/core/schema/types';

export const BENCH_SIZES = [100, 1000, 10000] as const;
export const DEFAULT_SEED = 20140715;
export const PERIOD = { from: 2026, to: 2030 } as const;
export const GENERATED_DIR = path.join(__dirname, '..', '..', 'bench', 'generated');

/** A defect the generator put in on purpose, where its finding points (0-based). */
export interface PlantedDefect {
  rule: string;
  line: number;
  character: number;
  /** The planted defect is a type error that a JSON Schema validator reports too. */
  schemaError: boolean;
  measureId: string;
}

export interface GeneratedStrategy {
  text: string;
  measureCount: number;
  lineCount: number;
  planted: PlantedDefect[];
  /** The id of the measure in the middle of the file, which the benchmark edits. */
  middleMeasureId: string;
}

/** mulberry32: a small seeded PRNG, so that every run writes the same bytes. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = ['Modernise', 'Open up', 'Consolidate', 'Standardise', 'Pilot', 'Extend', 'Evaluate', 'Secure', 'Simplify', 'Digitise', 'Co-design', 'Publish'];
const OBJECTS = [
  'the national identity service', 'case management in social security', 'the business register', 'procurement of cloud services',
  'the open data portal', 'tax filing for small firms', 'the land registry', 'health appointment booking', 'vehicle licensing',
  'the archive of council decisions', 'permit applications', 'the shared service desk', 'benefit payments', 'court filings',
  'the address register', 'school enrolment', 'public sector payroll', 'grant management', 'the statistics warehouse',
];
const AUDIENCES = ['citizens', 'municipalities', 'small businesses', 'frontline staff', 'regional agencies', 'researchers', 'people with disabilities', 'civil society'];
const LEADS = [
  'Agency for Digitisation', 'Ministry of Digital Affairs', 'Ministry of Finance', 'National Cyber Security Centre', 'Statistics Office',
  'Ministry of Justice', 'Public Procurement Agency', 'Ministry of Health', 'Tax Administration', 'Association of Municipalities',
];
const INDICATORS = [
  'Share of transactions completed online', 'Average processing time in days', 'User satisfaction score', 'Datasets published as open data',
  'Staff trained', 'Services meeting the accessibility standard', 'Incidents resolved within target time', 'Agencies using the shared platform',
];
const STAKEHOLDERS = ['service owners', 'municipalities', 'trade unions', 'user panels', 'disability organisations', 'suppliers', 'data protection authority'];
const SUMMARY_WORDS = ['The', 'government', 'commits', 'to', 'measurable', 'progress', 'across', 'agencies', 'with', 'clear', 'leadership', 'and', 'shared', 'platforms'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function clauseText(unit: CoverageUnit, random: () => number): string {
  // Now and then the form with the part's numeral, as drafters write it too.
  return random() < 0.1 ? `${unit.recommendation.part.numeral}.${unit.ref}` : unit.ref;
}

/** How many measures each of the twelve sections gets: as even as possible, in schema order. */
function measuresPerSection(schema: Schema, measureCount: number): number[] {
  const sections = schema.recommendations.length;
  return schema.recommendations.map((_, index) => Math.floor(measureCount / sections) + (index < measureCount % sections ? 1 : 0));
}

type DefectKind = 'unknown-clause' | 'missing-lead' | 'due-outside-period' | 'invalid-date' | 'type-mismatch';

/** Where the defects go: spread over the file, never on the measure the benchmark edits. */
function defectsAt(measureCount: number): Map<number, DefectKind> {
  const kinds: Array<[number, DefectKind]> = [
    [0.1, 'unknown-clause'],
    [0.3, 'missing-lead'],
    [0.6, 'due-outside-period'],
    [0.75, 'invalid-date'],
    [0.9, 'type-mismatch'],
  ];
  const middle = Math.floor(measureCount / 2);
  const placed = new Map<number, DefectKind>();
  for (const [fraction, kind] of kinds) {
    let index = Math.floor(measureCount * fraction);
    while (index === middle || placed.has(index)) index++;
    placed.set(index, kind);
  }
  return placed;
}

/** An unknown sub-clause of a recommendation: one numeral past its last clause. */
export function unknownClause(recommendation: Recommendation): string {
  const numerals = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
  return `${recommendation.number}.${numerals[Math.max(recommendation.clauses.length, 1)]}`;
}

export function generateStrategy(schema: Schema, measureCount: number, seed: number = DEFAULT_SEED): GeneratedStrategy {
  if (measureCount < schema.units.length) throw new Error(`at least ${schema.units.length} measures are needed to address every unit`);
  const random = seededRandom(seed ^ measureCount);
  const lines: string[] = [];
  const planted: PlantedDefect[] = [];
  const plant = (rule: string, line: number, character: number, schemaError: boolean, measureId: string) =>
    planted.push({ rule, line, character, schemaError, measureId });

  lines.push(
    '# dgs-strategy',
    `# Generated by bench/generate.ts: ${measureCount} measures, seed ${seed}. Do not edit.`,
    'strategy:',
    `  title: Whole-of-government Digital Strategy ${PERIOD.from}-${PERIOD.to}`,
    '  government: Federal Republic of Benchmarkia',
    '  level: national',
    `  period: { from: ${PERIOD.from}, to: ${PERIOD.to} }`,
    '  status: draft',
    '  lead: Ministry of Digital Affairs',
    '  business-case-threshold: { amount: 1000000, currency: EUR }',
  );

  const counts = measuresPerSection(schema, measureCount);
  const defects = defectsAt(measureCount);
  const middle = Math.floor(measureCount / 2);
  const ids: string[] = [];
  /** Each measure's due month, as year * 100 + month, when it has one. */
  const dues = new Map<string, number>();
  let middleMeasureId = '';
  let measureIndex = 0;
  for (const part of schema.parts) {
    if (part.recommendations.length === 0) continue;
    lines.push(`${part.key}:`);
    for (const recommendation of part.recommendations) {
      const count = counts[schema.recommendations.indexOf(recommendation)];
      const summary = Array.from({ length: 12 }, () => pick(random, SUMMARY_WORDS)).join(' ');
      lines.push(`  ${recommendation.section}:`, `    summary: ${summary}. Recommendation ${recommendation.number} guides this section.`, '    measures:');
      for (let ordinal = 1; ordinal <= count; ordinal++, measureIndex++) {
        const id = `${recommendation.idPrefix}-${ordinal}`;
        if (measureIndex === middle) middleMeasureId = id;
        const defect = defects.get(measureIndex);
        const first = lines.length;
        lines.push(`      - id: ${id}`);
        lines.push(`        title: ${pick(random, VERBS)} ${pick(random, OBJECTS)} for ${pick(random, AUDIENCES)}`);

        // The first measures of a section address its units in turn, so every unit is addressed.
        const own = recommendation.units[(ordinal - 1) % recommendation.units.length];
        const named = [own];
        const addresses = [clauseText(own, random)];
        if (random() < 0.35) {
          const other = pick(random, schema.units);
          if (other !== own) {
            addresses.push(clauseText(other, random));
            named.push(other);
          }
        }
        // A description in the words strategies use for each clause named, as a real measure
        // says what it answers (the clause mapper finds its evidence there).
        const terms = named.map((unit) => schema.vocabulary?.units.get(unit.ref)?.terms).filter((list): list is string[] => !!list && list.length > 0);
        if (terms.length > 0) lines.push(`        description: "The measure covers ${terms.map((list) => pick(random, list).replace(/"/g, "'")).join(' and ')}."`);
        // Dependencies on earlier measures, due no later than this one, as a plan is drafted.
        const dependencies = ids.length > 0 && random() < 0.1 ? new Set([pick(random, ids)]) : undefined;
        if (dependencies && random() < 0.3) dependencies.add(pick(random, ids));
        const latestDependency = [...(dependencies ?? [])].reduce((latest, dependency) => Math.max(latest, dues.get(dependency) ?? 0), 0);
        if (defect === 'unknown-clause') {
          const wrong = unknownClause(recommendation);
          const line = `        addresses: [${addresses.join(', ')}, ${wrong}]`;
          plant('unknown-clause', lines.length, line.indexOf(wrong), true, id);
          lines.push(line);
        } else {
          lines.push(`        addresses: [${addresses.join(', ')}]`);
        }

        if (defect === 'missing-lead') plant('missing-lead', first, 8, false, id);
        else lines.push(`        lead: ${pick(random, LEADS)}`);

        let dueYear = PERIOD.from + Math.floor(random() * (PERIOD.to - PERIOD.from + 1));
        let dueMonth = String(1 + Math.floor(random() * 12)).padStart(2, '0');
        if (dueYear * 100 + Number(dueMonth) < latestDependency) {
          dueYear = Math.floor(latestDependency / 100);
          dueMonth = String(latestDependency % 100).padStart(2, '0');
        }
        if (defect === 'due-outside-period') {
          plant('due-outside-period', lines.length, 13, false, id);
          lines.push(`        due: ${PERIOD.to + 4}-${dueMonth}`);
        } else if (defect === 'invalid-date') {
          plant('invalid-date', lines.length, 13, true, id);
          lines.push(`        due: ${dueYear}-13`);
        } else if (random() < 0.7 || latestDependency > 0) {
          lines.push(`        due: ${dueYear}-${dueMonth}`);
          dues.set(id, dueYear * 100 + Number(dueMonth));
        }

        const budgetRoll = random();
        if (budgetRoll < 0.08) {
          // At or above the threshold: a business case with its stakeholders (9.i, 9.ii).
          lines.push(`        budget: { amount: ${(1 + Math.floor(random() * 40)) * 250000}, currency: EUR }`);
          lines.push('        business-case:');
          lines.push(`          value: Lower running costs and faster service for ${pick(random, AUDIENCES)}.`);
          lines.push(`          stakeholders: [${pick(random, STAKEHOLDERS)}, ${pick(random, STAKEHOLDERS)}]`);
        } else if (budgetRoll < 0.16) {
          lines.push(`        budget: { amount: ${(1 + Math.floor(random() * 9)) * 50000}, currency: EUR }`);
        }

        // Most indicators are complete, on one line; a few lack a baseline or a date, as in real drafts (indicator-incomplete).
        const indicator = [`name: ${pick(random, INDICATORS)}`];
        if (random() < 0.985) indicator.push(`baseline: ${Math.floor(random() * 50)}%`);
        indicator.push(`target: ${50 + Math.floor(random() * 50)}%`);
        if (random() < 0.985) indicator.push(`by: ${PERIOD.to}`);
        lines.push('        indicators:', `          - { ${indicator.join(', ')} }`);

        if (dependencies) lines.push(`        depends-on: [${[...dependencies].join(', ')}]`);
        if (defect === 'type-mismatch') {
          plant('type-mismatch', lines.length, 16, true, id);
          lines.push('        status: ongoing');
        } else if (random() < 0.08) {
          lines.push(`        status: ${pick(random, ['planned', 'in-progress', 'done'])}`);
        }
        ids.push(id);
      }
    }
  }
  const text = lines.join('\n') + '\n';
  planted.sort((a, b) => a.line - b.line);
  return { text, measureCount, lineCount: lines.length, planted, middleMeasureId };
}

export function strategyFileName(measureCount: number): string {
  return `measures-${measureCount}.strategy.yaml`;
}

export interface GeneratedFile extends Omit<GeneratedStrategy, 'text'> {
  file: string;
  bytes: number;
}

/** Writes the benchmark strategies (and a manifest of what was planted) into `dir`. */
export function writeStrategies(dir: string, sizes: readonly number[], schema: Schema = loadDefaultSchema()): GeneratedFile[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: GeneratedFile[] = [];
  for (const size of sizes) {
    const { text, ...rest } = generateStrategy(schema, size);
    const file = path.join(dir, strategyFileName(size));
    // Rewriting identical bytes would only disturb editors watching the folder.
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
    written.push({ ...rest, file, bytes: Buffer.byteLength(text) });
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(written, null, 2) + '\n');
  return written;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const dir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : GENERATED_DIR;
  const sizes = args.includes('--quick') ? BENCH_SIZES.filter((size) => size < 10000) : BENCH_SIZES;
  for (const file of writeStrategies(dir, sizes)) {
    console.log(`${path.relative(process.cwd(), file.file)}: ${file.measureCount} measures, ${file.lineCount} lines, ${(file.bytes / 1e6).toFixed(2)} MB`);
  }
}
