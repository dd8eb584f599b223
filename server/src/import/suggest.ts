/**
 * The clause mapper the importer uses to match sections and fill `addresses`: the project's
 * own (server/src/core/mapper), so that an imported strategy gets the clauses the editor would
 * suggest for the same words.
 */
import { suggestClauses } from '../core/mapper';
import { SuggestClauses } from './assemble';

export const DEFAULT_SUGGEST: SuggestClauses | undefined = suggestClauses;
