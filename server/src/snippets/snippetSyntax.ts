/**
 * The TextMate/VS Code snippet syntax, both ways: escaping literal text into a snippet body,
 * and expanding a body into the text an editor inserts when the drafter accepts every
 * default (`${1:default}` → `default`, `${1|a,b|}` → `a`, `$1` → what tab stop 1 holds,
 * `$0` → nothing, `$CURRENT_YEAR` → the variable's value). Pure: no VS Code API.
 */

/**
 * Escapes literal text for a snippet body: `$` and `\` are special anywhere, `}` only inside
 * a placeholder (where it would close it).
 */
export function escapeSnippetText(text: string, inPlaceholder = false): string {
  return text.replace(inPlaceholder ? /[\\$}]/g : /[\\$]/g, (character) => `\\${character}`);
}

/** Escapes one option of a choice, `${1|a,b|}`, where `,` and `|` are special too. */
export function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (character) => `\\${character}`);
}

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

export class SnippetSyntaxError extends Error {}

/** Parses a snippet body into a tree; throws SnippetSyntaxError on a malformed body. */
export function parseSnippet(body: string): SnippetNode[] {
  let at = 0;

  function parseUntil(closer: string | undefined): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (at < body.length) {
      const character = body[at];
      if (character === '\\' && at + 1 < body.length && '\\$}'.includes(body[at + 1])) {
        text += body[at + 1];
        at += 2;
        continue;
      }
      if (closer !== undefined && character === closer) {
        flush();
        return nodes;
      }
      if (character === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += character;
      at++;
    }
    if (closer !== undefined) throw new SnippetSyntaxError(`unclosed placeholder: expected "${closer}" before the end of the snippet`);
    flush();
    return nodes;
  }

  function parseDollar(): SnippetNode | undefined {
    const rest = body.slice(at);
    let match = /^\$(\d+)/.exec(rest);
    if (match) {
      at += match[0].length;
      return { kind: 'tabstop', index: Number(match[1]), children: [] };
    }
    match = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (match) {
      at += match[0].length;
      return { kind: 'variable', name: match[1] };
    }
    match = /^\$\{(\d+)\}/.exec(rest);
    if (match) {
      at += match[0].length;
      return { kind: 'tabstop', index: Number(match[1]), children: [] };
    }
    match = /^\$\{(\d+)\|/.exec(rest);
    if (match) {
      at += match[0].length;
      const options: string[] = [];
      let option = '';
      while (at < body.length) {
        const character = body[at];
        if (character === '\\' && at + 1 < body.length && '\\$}|,'.includes(body[at + 1])) {
          option += body[at + 1];
          at += 2;
        } else if (character === ',') {
          options.push(option);
          option = '';
          at++;
        } else if (character === '|' && body[at + 1] === '}') {
          options.push(option);
          at += 2;
          return { kind: 'choice', index: Number(match[1]), options };
        } else {
          option += character;
          at++;
        }
      }
      throw new SnippetSyntaxError('unclosed choice: expected "|}"');
    }
    match = /^\$\{(\d+):/.exec(rest);
    if (match) {
      at += match[0].length;
      const children = parseUntil('}');
      at++;
      return { kind: 'tabstop', index: Number(match[1]), children };
    }
    match = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(:|\})/.exec(rest);
    if (match) {
      at += match[0].length;
      if (match[2] === '}') return { kind: 'variable', name: match[1] };
      const children = parseUntil('}');
      at++;
      return { kind: 'variable', name: match[1], children };
    }
    return undefined;
  }

  return parseUntil(undefined);
}

/** The snippet variables an expansion resolves; the editor's own, by name. */
export type SnippetVariables = Record<string, string>;

/** The variables VS Code would give at a moment in time (the ones that depend on nothing else). */
export function dateVariables(now: Date): SnippetVariables {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
    CURRENT_MONTH: pad(now.getMonth() + 1),
    CURRENT_DATE: pad(now.getDate()),
  };
}

/** The text inserted when every tab stop keeps its default. Throws on an unknown variable. */
export function expandSnippet(body: string, variables: SnippetVariables = dateVariables(new Date())): string {
  const nodes = parseSnippet(body);
  const defaults = new Map<number, string>();

  // A tab stop written twice mirrors the one that has a default, wherever that one is.
  function collect(list: SnippetNode[]): void {
    for (const node of list) {
      if (node.kind === 'tabstop' && node.children.length > 0) {
        collect(node.children);
        if (!defaults.has(node.index)) defaults.set(node.index, render(node.children));
      } else if (node.kind === 'choice' && !defaults.has(node.index)) {
        defaults.set(node.index, node.options[0] ?? '');
      } else if (node.kind === 'variable' && node.children) {
        collect(node.children);
      }
    }
  }

  function render(list: SnippetNode[]): string {
    return list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'tabstop':
            return node.children.length > 0 ? render(node.children) : (defaults.get(node.index) ?? '');
          case 'choice':
            return node.options[0] ?? '';
          case 'variable':
            if (node.name in variables) return variables[node.name];
            if (node.children) return render(node.children);
            throw new SnippetSyntaxError(`unknown snippet variable $${node.name}`);
        }
      })
      .join('');
  }

  collect(nodes);
  return render(nodes);
}

/**
 * Places an expanded snippet where an editor would: every line after the first gets the
 * indentation of the line the snippet is inserted on, and a tab becomes `tab`.
 */
export function indentInsertion(text: string, lineIndent: string, tab = '  '): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? line : lineIndent + line).replace(/\t/g, tab))
    .join('\n');
}
