/**
 * The clause mapper the importer uses to match sections and fill `addresses`: the project's
 * own (server/src/mapper), once it is there. Until then, none: sections stay unmatched and
 * the importer says so, rather than guessing clauses some other way.
 */
import { SuggestClauses } from './assemble';

export const DEFAULT_SUGGEST: SuggestClauses | undefined = undefined;
