/**
 * Reads and validates a clause mapper vocabulary (NAME.vocabulary.yaml beside a schema).
 * Pure: text in, data out; a file that does not fit the schema it goes with is a
 * SchemaError naming the file and the line.
 */
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { parseDocumentBounded } from '../model/parseYaml';
import { SchemaError } from '../schema/parse';
import { Schema, UnitVocabulary, Vocabulary } from '../schema/types';
import { LineIndex } from '../text/lineIndex';

/** A gist is a label beside a clause id: a few words, not a sentence. */
export const MAX_GIST_LENGTH = 80;

export function parseVocabulary(text: string, file: string, schema: Schema): Vocabulary {
  const lines = new LineIndex(text);
  const fail = (node: Node | null | undefined, detail: string): never => {
    const position = lines.positionAt(node?.range?.[0] ?? 0);
    throw new SchemaError(file, position.line, position.character, detail);
  };
  const document = parseDocumentBounded(text, { uniqueKeys: true });
  if (document.errors.length > 0) {
    const position = lines.positionAt(document.errors[0].pos[0]);
    throw new SchemaError(file, position.line, position.character, document.errors[0].message.split('\n')[0]);
  }
  const root = document.contents;
  if (!isMap(root)) return fail(root, 'the vocabulary must be a mapping');
  const get = (map: YAMLMap, key: string): Node | undefined => map.get(key, true) as Node | undefined;
  const text1 = (node: unknown, what: string): string => {
    if (!isScalar(node) || node.value === null || String(node.value).trim() === '') return fail(node as Node, `${what} must be a non-empty text`);
    return String(node.value).trim();
  };
  const texts = (node: Node | undefined, what: string, at: Node): string[] => {
    if (!isSeq(node)) return fail(node ?? at, `${what} must be a list of texts`);
    return node.items.map((item, index) => text1(item, `${what}, item ${index + 1},`));
  };

  const instrument = get(root, 'instrument');
  if (instrument !== undefined && text1(instrument, '`instrument`') !== schema.instrument.id) {
    fail(instrument, `the vocabulary is for ${text1(instrument, '`instrument`')}, but the schema beside it is ${schema.instrument.id}`);
  }
  const generic = get(root, 'generic') === undefined ? [] : texts(get(root, 'generic'), '`generic`', root);
  const unitsNode = get(root, 'units');
  if (!isMap(unitsNode)) return fail(unitsNode ?? root, 'the vocabulary needs `units` to be a mapping from clause to its gist and terms');
  const units = new Map<string, UnitVocabulary>();
  for (const pair of unitsNode.items) {
    const keyNode = pair.key as Node;
    const ref = isScalar(keyNode) ? String(keyNode.value) : '';
    if (!schema.unitByRef.has(ref)) fail(keyNode, `\`${ref}\` is not a coverage unit of ${schema.instrument.id}`);
    const map = pair.value;
    if (!isMap(map)) return fail((map as Node) ?? keyNode, `unit ${ref} must be a mapping with \`gist\` and \`terms\` (and, if any, \`related\`)`);
    const gist = text1(get(map, 'gist'), `the \`gist\` of unit ${ref}`);
    if (gist.length > MAX_GIST_LENGTH) fail(get(map, 'gist'), `the gist of unit ${ref} is ${gist.length} characters long; a gist is a label of at most ${MAX_GIST_LENGTH}`);
    const terms = texts(get(map, 'terms'), `the \`terms\` of unit ${ref}`, map);
    if (terms.length === 0) fail(get(map, 'terms'), `unit ${ref} has no terms`);
    const seen = new Set<string>();
    for (const [index, term] of terms.entries()) {
      const key = term.toLowerCase();
      if (seen.has(key)) fail((get(map, 'terms') as { items: Node[] }).items[index], `unit ${ref} lists the term "${term}" twice`);
      seen.add(key);
    }
    const relatedNode = get(map, 'related');
    const related = relatedNode === undefined ? [] : texts(relatedNode, `the \`related\` units of ${ref}`, map);
    for (const [index, other] of related.entries()) {
      const at = (relatedNode as { items: Node[] }).items[index];
      if (!schema.unitByRef.has(other)) fail(at, `unit ${ref} names \`${other}\` as related, which is not a coverage unit of ${schema.instrument.id}`);
      if (other === ref) fail(at, `unit ${ref} names itself as related`);
    }
    units.set(ref, { ref, gist, terms, related });
  }
  const missing = schema.units.filter((unit) => !units.has(unit.ref)).map((unit) => unit.ref);
  if (missing.length > 0) fail(unitsNode, `the vocabulary has no entry for ${missing.join(', ')}`);
  // A relation goes both ways: naming it once, on either unit, is enough.
  for (const entry of units.values()) {
    for (const other of entry.related) {
      const back = units.get(other)!;
      if (!back.related.includes(entry.ref)) back.related.push(entry.ref);
    }
  }
  return { file, generic, units };
}
