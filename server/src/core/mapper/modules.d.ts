// Type declarations for the two text libraries the clause mapper uses (they ship none).
declare module 'wink-porter2-stemmer' {
  /** The Porter2 (English Snowball) stem of a lower-case word. */
  function stem(word: string): string;
  export = stem;
}

declare module 'stopword' {
  /** The English stop word list. */
  export const eng: string[];
}
