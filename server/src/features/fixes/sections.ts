/**
 * Inserting missing sections, and missing parts with all their sections, each where the
 * schema's order puts it among what is already written, in the file's own layout.
 */
import { isMap, isScalar, Node, visit } from 'yaml';
import { keyText } from '../../core/model/walk';
import { Part, Recommendation } from '../../core/schema/types';
import { freeMeasureId } from '../../core/templates';
import { mergeEdits, OffsetEdit } from '../edits';
import { yamlScalar } from './layout';
import { FixContext, isEmptyValue, NewEntry, pairOf, placeEntries, placeUnderKey, replaceInFlow } from './place';
import { sectionBody } from './render';

/** Every measure id written in the file, under known keys or not, so that new ids collide with none. */
export function usedMeasureIds(context: FixContext): Set<string> {
  const ids = new Set<string>(context.model.measuresById.keys());
  if (context.document) {
    visit(context.document, {
      Pair(_key, pair) {
        if (keyText(pair.key) === 'id' && isScalar(pair.value) && pair.value.value !== null) ids.add(String(pair.value.value));
      },
    });
  }
  return ids;
}

function pad(column: number): string {
  return ' '.repeat(column);
}

function sectionEntry(context: FixContext, recommendation: Recommendation, ids: Set<string>): NewEntry {
  const id = freeMeasureId(recommendation.idPrefix, ids);
  ids.add(id);
  const body = sectionBody(recommendation, id, context.layout);
  const key = yamlScalar(recommendation.section);
  return {
    key: recommendation.section,
    order: recommendation.part.recommendations.indexOf(recommendation),
    block(column) {
      const lines = body.block(column + context.layout.unit);
      return lines && [`${pad(column)}${key}:`, ...lines];
    },
    flow() {
      const flow = body.flow();
      return flow === undefined ? undefined : `${key}: ${flow}`;
    },
  };
}

function partEntry(context: FixContext, part: Part, sections: NewEntry[]): NewEntry {
  const key = yamlScalar(part.key);
  return {
    key: part.key,
    order: context.model.schema.parts.indexOf(part),
    block(column) {
      const lines = [`${pad(column)}${key}:`];
      for (const section of sections) {
        const body = section.block(column + context.layout.unit);
        if (!body) return undefined;
        lines.push(...body);
      }
      return lines;
    },
    flow() {
      const flows = sections.map((section) => section.flow());
      if (flows.some((flow) => flow === undefined)) return undefined;
      return `${key}: { ${flows.join(', ')} }`;
    },
  };
}

export interface SectionPlan {
  edits: OffsetEdit[];
  /** The sections the edits insert, by part. */
  placed: Map<Part, Recommendation[]>;
}

/**
 * Edits that insert the wanted sections (by part, in any order). A part not written yet
 * is inserted with them; a wanted section whose key is already written (with a value
 * that is not a section) is left out, as is anything that cannot be placed safely.
 */
export function planSections(context: FixContext, wanted: Map<Part, Recommendation[]>, ids: Set<string>): SectionPlan {
  const schema = context.model.schema;
  const root = context.document?.contents as Node | null | undefined;
  const rootInFlow = isMap(root) && root.flow === true;
  const sectionOrder = (part: Part) => (key: string | undefined) => {
    const index = part.recommendations.findIndex((recommendation) => recommendation.section === key);
    return index < 0 ? undefined : index;
  };
  const partOrder = (key: string | undefined) => {
    const index = schema.parts.findIndex((part) => part.key === key);
    return index < 0 ? undefined : index;
  };
  const edits: OffsetEdit[] = [];
  const placed = new Map<Part, Recommendation[]>();
  for (const part of schema.parts) {
    const recommendations = part.recommendations.filter((recommendation) => wanted.get(part)?.includes(recommendation));
    if (recommendations.length === 0) continue;
    const partPair = pairOf(root, part.key);
    if (partPair && partPair.key) {
      const sections = recommendations.filter((recommendation) => !pairOf(partPair.value, recommendation.section));
      const done: Recommendation[] = [];
      // A section key written with an explicitly empty value (`openness: ~`) gets its body;
      // it goes first, so that its body stays under its key when sections follow at the same place.
      const inFlow = rootInFlow || (isMap(partPair.value) && partPair.value.flow === true);
      for (const recommendation of recommendations.filter((candidate) => !sections.includes(candidate))) {
        const sectionPair = pairOf(partPair.value, recommendation.section);
        if (!sectionPair?.key || !isEmptyValue(sectionPair.value)) continue;
        const entry = sectionEntry(context, recommendation, ids);
        const planned = inFlow
          ? replaceInFlow(context, sectionPair.value, () => entry.flow()?.slice(`${entry.key}: `.length))
          : placeUnderKey(context, sectionPair.key, sectionPair.value, context.layout.unit, (column) => entry.block(column - context.layout.unit)?.slice(1));
        if (!planned) continue;
        edits.push(...planned);
        done.push(recommendation);
      }
      if (sections.length > 0) {
        const entries = sections.map((recommendation) => sectionEntry(context, recommendation, ids));
        const planned = placeEntries(context, partPair.key, partPair.value, entries, sectionOrder(part), rootInFlow);
        if (planned) {
          edits.push(...planned);
          done.push(...sections);
        }
      }
      if (done.length > 0) placed.set(part, part.recommendations.filter((recommendation) => done.includes(recommendation)));
    } else {
      const entry = partEntry(
        context,
        part,
        recommendations.map((recommendation) => sectionEntry(context, recommendation, ids)),
      );
      const planned = placeEntries(context, undefined, root, [entry], partOrder);
      if (!planned) continue;
      edits.push(...planned);
      placed.set(part, recommendations);
    }
  }
  return { edits: mergeEdits(edits), placed };
}
