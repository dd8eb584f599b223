/**
 * The document cache: one analysis per document version, shared by diagnostics, hover,
 * completion, code actions, symbols and code lens. Dropped when the document closes.
 */
import { Analysis } from '../core/analyze';
import { ConfigError } from '../core/config';
import { beforeQuery } from '../core/text/trim';

/** What the editor knows about an open document. */
export interface OpenDocument {
  uri: string;
  version: number;
  languageId: string;
  getText(): string;
}

export interface DocumentAnalysis {
  analysis: Analysis;
  /** Problems with `.dgs.yaml` or the schema it names, shown on the document. */
  configErrors: ConfigError[];
}

export interface CachedDocument {
  uri: string;
  version: number;
  text: string;
  /** Whether the document is a strategy (by name, first line, or the setting). */
  isStrategy: boolean;
  /** Only for strategies. */
  result?: DocumentAnalysis;
  /** Why a strategy could not be analysed at all (no schema could be loaded): shown, never thrown. */
  failure?: string;
}

export interface StrategyDetection {
  treatAllYamlAsStrategy: boolean;
}

const STRATEGY_NAME = /\.strategy\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const CONFIG_NAME = /(^|\/)\.dgs\.ya?ml$/i;
const MARKER = /^\uFEFF?#\s*dgs-strategy\s*$/;

/** The path part of a URI, decoded, without query or fragment. */
function uriPath(uri: string): string {
  const withoutQuery = beforeQuery(uri);
  try {
    return decodeURIComponent(withoutQuery);
  } catch {
    return withoutQuery;
  }
}

/**
 * A document is a strategy when its name ends in `.strategy.yaml`/`.strategy.yml` or its
 * first line is `# dgs-strategy`, whatever language id the editor gives it; with
 * `treatAllYamlAsStrategy`, every YAML document is one (the configuration file excepted).
 */
export function isStrategyDocument(uri: string, languageId: string, text: string, detection: StrategyDetection): boolean {
  const path = uriPath(uri);
  if (CONFIG_NAME.test(path)) return false;
  if (STRATEGY_NAME.test(path)) return true;
  const firstLineEnd = text.indexOf('\n');
  const firstLine = (firstLineEnd === -1 ? text : text.slice(0, firstLineEnd)).replace(/\r$/, '');
  if (MARKER.test(firstLine)) return true;
  if (!detection.treatAllYamlAsStrategy) return false;
  return YAML_NAME.test(path) || languageId === 'yaml' || languageId === 'dgs-strategy';
}

export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();

  constructor(
    private readonly detection: () => StrategyDetection,
    private readonly analyzeDocument: (uri: string, text: string) => DocumentAnalysis,
  ) {}

  /**
   * The analysis of the document's current text, computed at most once per version. The
   * text decides, not the version number alone: a client may send a new text under a
   * version number it used before, and its findings must be those of the new text. (The
   * same string object compares at once; a different one of the same length compares
   * its characters.)
   */
  get(document: OpenDocument): CachedDocument {
    const cached = this.entries.get(document.uri);
    const text = document.getText();
    if (cached && cached.version === document.version && cached.text === text) return cached;
    const isStrategy = isStrategyDocument(document.uri, document.languageId, text, this.detection());
    const entry: CachedDocument = { uri: document.uri, version: document.version, text, isStrategy };
    if (isStrategy) {
      try {
        entry.result = this.analyzeDocument(document.uri, text);
      } catch (error) {
        entry.failure = error instanceof Error ? error.message : String(error);
      }
    }
    this.entries.set(document.uri, entry);
    return entry;
  }

  /** The cached entry, whatever its version (for checks that must not analyse). */
  peek(uri: string): CachedDocument | undefined {
    return this.entries.get(uri);
  }

  close(uri: string): void {
    this.entries.delete(uri);
  }

  /** Forgets every analysis (settings or configuration changed); documents are analysed again on demand. */
  clear(): void {
    this.entries.clear();
  }
}
