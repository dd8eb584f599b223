/**
 * Reads and validates a schema file's text. Pure: no file system. A schema that does not
 * have the expected shape is a SchemaError naming the file and the line.
 */
import { isMap, isScalar, isSeq, Node, YAMLMap, YAMLSeq } from 'yaml';
import { NestingTooDeepError, parseDocumentBounded } from '../model/parseYaml';
import { LineIndex } from '../text/lineIndex';
import { CoverageUnit, Definition, FieldDoc, Part, Recommendation, Schema } from './types';

export class SchemaError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly character: number,
    readonly detail: string,
  ) {
    super(`${file}:${line + 1}:${character + 1}: invalid schema: ${detail}`);
    this.name = 'SchemaError';
  }
}

const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)$/;
const NUMERAL = /^[IVXLC]+$/;
const KEY = /^[a-z][a-z0-9-]*$/;

export function parseSchema(text: string, file: string): Schema {
  const lines = new LineIndex(text);
  const fail = (node: Node | null | undefined, detail: string): never => {
    const offset = node?.range?.[0] ?? 0;
    const position = lines.positionAt(offset);
    throw new SchemaError(file, position.line, position.character, detail);
  };
  const parse = (source: string, at: number): ReturnType<typeof parseDocumentBounded> => {
    try {
      return parseDocumentBounded(source, { uniqueKeys: true });
    } catch (error) {
      if (!(error instanceof NestingTooDeepError)) throw error;
      const position = lines.positionAt(at < 0 ? error.offset : at);
      throw new SchemaError(file, position.line, position.character, error.message);
    }
  };
  const document = parse(text, -1);
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const position = lines.positionAt(error.pos[0]);
    throw new SchemaError(file, position.line, position.character, error.message.split('\n')[0]);
  }
  const root = document.contents;
  if (!isMap(root)) fail(root, 'the schema must be a mapping');
  const rootMap = root as YAMLMap;

  const get = (map: YAMLMap, key: string): Node | undefined => map.get(key, true) as Node | undefined;
  const mapAt = (map: YAMLMap, key: string, what: string): YAMLMap => {
    const value = get(map, key);
    if (!isMap(value)) fail(value ?? map, `${what} needs \`${key}\` to be a mapping`);
    return value as YAMLMap;
  };
  const seqAt = (map: YAMLMap, key: string, what: string): YAMLSeq => {
    const value = get(map, key);
    if (!isSeq(value)) fail(value ?? map, `${what} needs \`${key}\` to be a list`);
    return value as YAMLSeq;
  };
  const textAt = (map: YAMLMap, key: string, what: string, pattern?: RegExp): string => {
    const value = get(map, key);
    if (!isScalar(value) || value.value === null || value.value === undefined || String(value.value).trim() === '') {
      return fail(value ?? map, `${what} needs \`${key}\` to be a non-empty text`);
    }
    const result = String((value as { source?: string }).source ?? value.value);
    if (pattern && !pattern.test(result)) fail(value, `${what}: \`${key}\` ${JSON.stringify(result)} does not match ${pattern}`);
    return result;
  };
  const asMap = (node: unknown, what: string): YAMLMap => {
    if (!isMap(node)) fail(node as Node, `${what} must be a mapping`);
    return node as YAMLMap;
  };

  const instrumentMap = mapAt(rootMap, 'instrument', 'the schema');
  const instrument = {
    id: textAt(instrumentMap, 'id', 'instrument'),
    title: textAt(instrumentMap, 'title', 'instrument'),
    adopted: textAt(instrumentMap, 'adopted', 'instrument'),
    url: get(instrumentMap, 'url') ? textAt(instrumentMap, 'url', 'instrument') : undefined,
  };

  const definitions: Definition[] = seqAt(rootMap, 'definitions', 'the schema').items.map((item, index) => {
    const map = asMap(item, `definition ${index + 1}`);
    return { term: textAt(map, 'term', `definition ${index + 1}`), text: textAt(map, 'text', `definition ${index + 1}`) };
  });

  const parts: Part[] = [];
  const recommendations: Recommendation[] = [];
  const units: CoverageUnit[] = [];
  const partByKey = new Map<string, Part>();
  const sectionByKey = new Map<string, Recommendation>();
  const recommendationByNumber = new Map<number, Recommendation>();
  const unitByRef = new Map<string, CoverageUnit>();

  for (const partNode of seqAt(rootMap, 'parts', 'the schema').items) {
    const partMap = asMap(partNode, 'a part');
    const key = textAt(partMap, 'key', 'a part', KEY);
    if (partByKey.has(key)) fail(get(partMap, 'key'), `the part \`${key}\` appears twice`);
    const part: Part = {
      key,
      numeral: textAt(partMap, 'numeral', `part ${key}`, NUMERAL),
      title: textAt(partMap, 'title', `part ${key}`),
      leadIn: textAt(partMap, 'lead-in', `part ${key}`),
      recommendations: [],
    };
    for (const recommendationNode of seqAt(partMap, 'recommendations', `part ${key}`).items) {
      const map = asMap(recommendationNode, `a recommendation of part ${key}`);
      const numberNode = get(map, 'number');
      const number = isScalar(numberNode) ? Number(numberNode.value) : NaN;
      if (!Number.isInteger(number) || number < 1) fail(numberNode ?? map, 'a recommendation needs a whole `number` from 1');
      if (recommendationByNumber.has(number)) fail(numberNode, `recommendation ${number} appears twice`);
      const what = `recommendation ${number}`;
      const section = textAt(map, 'section', what, KEY);
      if (sectionByKey.has(section) || partByKey.has(section) || section === key) {
        fail(get(map, 'section'), `the section key \`${section}\` is used twice`);
      }
      const recommendation: Recommendation = {
        number,
        section,
        title: textAt(map, 'title', what),
        idPrefix: textAt(map, 'id-prefix', what, /^[A-Za-z][A-Za-z0-9_-]*$/),
        text: textAt(map, 'text', what),
        clauses: [],
        template: textAt(map, 'template', what),
        part,
        units: [],
      };
      for (const clauseNode of seqAt(map, 'clauses', what).items) {
        const clauseMap = asMap(clauseNode, `a clause of ${what}`);
        const id = textAt(clauseMap, 'id', `a clause of ${what}`, ROMAN);
        if (recommendation.clauses.some((clause) => clause.id === id)) fail(get(clauseMap, 'id'), `clause ${number}.${id} appears twice`);
        recommendation.clauses.push({ id, ref: `${number}.${id}`, text: textAt(clauseMap, 'text', `clause ${number}.${id}`) });
      }
      const template = parse(recommendation.template, get(map, 'template')?.range?.[0] ?? 0);
      if (template.errors.length > 0 || !isMap(template.contents)) {
        fail(get(map, 'template'), `the template of ${what} must be a YAML mapping`);
      }
      recommendation.units =
        recommendation.clauses.length > 0
          ? recommendation.clauses.map((clause) => ({ ref: clause.ref, recommendation, clause, text: clause.text }))
          : [{ ref: String(number), recommendation, text: recommendation.text }];
      part.recommendations.push(recommendation);
      recommendations.push(recommendation);
      sectionByKey.set(section, recommendation);
      recommendationByNumber.set(number, recommendation);
      for (const unit of recommendation.units) {
        units.push(unit);
        unitByRef.set(unit.ref, unit);
      }
    }
    parts.push(part);
    partByKey.set(key, part);
  }
  if (parts.length === 0) fail(root, 'the schema has no parts');
  for (const part of parts) if (sectionByKey.has(part.key)) fail(root, `\`${part.key}\` is both a part and a section`);

  const fields: Record<string, FieldDoc> = {};
  const fieldsNode = get(rootMap, 'fields');
  if (fieldsNode !== undefined) {
    for (const pair of asMap(fieldsNode, '`fields`').items) {
      const path = String(isScalar(pair.key) ? pair.key.value : '');
      const map = asMap(pair.value, `field ${path}`);
      const clausesNode = get(map, 'clauses');
      const clauses = clausesNode === undefined ? [] : (clausesNode as YAMLSeq).items?.map((item) => String(isScalar(item) ? item.value : ''));
      if (clausesNode !== undefined && !isSeq(clausesNode)) fail(clausesNode, `field ${path}: \`clauses\` must be a list`);
      for (const [index, ref] of clauses.entries()) {
        if (!unitByRef.has(ref)) fail((clausesNode as YAMLSeq).items[index] as Node, `field ${path} names clause ${ref}, which the schema does not have`);
      }
      fields[path] = { doc: textAt(map, 'doc', `field ${path}`), clauses };
    }
  }

  return { file, instrument, definitions, parts, recommendations, units, fields, partByKey, sectionByKey, recommendationByNumber, unitByRef, derived: {} };
}
