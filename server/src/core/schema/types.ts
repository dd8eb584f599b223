/** The Recommendation as data: the shape of a loaded schema file. */

export interface Instrument {
  id: string;
  title: string;
  adopted: string;
  url?: string;
}

export interface Definition {
  term: string;
  text: string;
}

export interface Clause {
  /** The roman numeral, `i`, `ii`, … */
  id: string;
  /** The full reference, `1.i`. */
  ref: string;
  text: string;
}

export interface Recommendation {
  number: number;
  /** The section key, `openness`. */
  section: string;
  title: string;
  /** The prefix of measure ids that templates use, `OPN`. */
  idPrefix: string;
  text: string;
  clauses: Clause[];
  /** YAML text of a section, with `{{id}}` and `{{clauses}}` to fill in. */
  template: string;
  part: Part;
  /** The coverage units this recommendation contributes: its clauses, or itself. */
  units: CoverageUnit[];
}

export interface Part {
  key: string;
  /** The part's roman numeral in the Recommendation, `II`. */
  numeral: string;
  title: string;
  leadIn: string;
  recommendations: Recommendation[];
}

/** One of the clauses a strategy must address: a sub-clause, or a recommendation without any. */
export interface CoverageUnit {
  ref: string;
  recommendation: Recommendation;
  clause?: Clause;
  text: string;
}

export interface FieldDoc {
  doc: string;
  clauses: string[];
}

/**
 * What the clause mapper knows of one coverage unit: a short label in the project's own
 * words (never the instrument's text) and the terms strategies use for it.
 */
export interface UnitVocabulary {
  ref: string;
  gist: string;
  terms: string[];
  /**
   * Units commonly answered together with this one (beyond its sibling clauses): when the
   * text clearly speaks of one of them, a declared `ref` is not doubted. Symmetric.
   */
  related: string[];
}

/** The clause mapper's data, read from NAME.vocabulary.yaml beside the schema file. */
export interface Vocabulary {
  file: string;
  /** Words too common in strategies to be evidence for any clause. */
  generic: string[];
  units: Map<string, UnitVocabulary>;
}

export interface Schema {
  /** Where the schema was read from, for messages. */
  file: string;
  instrument: Instrument;
  definitions: Definition[];
  parts: Part[];
  recommendations: Recommendation[];
  units: CoverageUnit[];
  /** Field documentation by path: `strategy.lead`, `measure.budget.amount`, `indicator.by`, … */
  fields: Record<string, FieldDoc>;
  partByKey: Map<string, Part>;
  sectionByKey: Map<string, Recommendation>;
  recommendationByNumber: Map<number, Recommendation>;
  unitByRef: Map<string, CoverageUnit>;
  /** The clause mapper's vocabulary, when the schema has one beside it. */
  vocabulary?: Vocabulary;
  /** What modules derive from the schema, computed once per schema object (see SchemaDerived). */
  derived: SchemaDerived;
}

/**
 * Data derived from a schema by the modules that need it, kept with the schema object so
 * that no module of the core holds state of its own. Each module adds its field here by
 * declaration merging (the clause mapper: its index), and checks that what it finds was
 * derived from the same units and vocabulary (a copy of a schema shares this object).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SchemaDerived {}
