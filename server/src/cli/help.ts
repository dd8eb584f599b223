/** The usage of every command, for --help and `dgs help COMMAND`. */
import { CHECK_FORMATS } from './check';
import { COVERAGE_FORMATS } from './coverage';
import { DEFAULT_INIT_FILE } from './init';
import { SUGGEST_FORMATS } from './suggest';

const COMMAND_HELP: Record<string, string> = {
  check: `Usage: dgs check FILE|FOLDER|GLOB... [options]

Checks strategy files against the Recommendation and reports every finding.
A folder is searched for the files that the .dgs.yaml "files" patterns match
(by default **/*.strategy.yaml and **/*.strategy.yml), skipping node_modules and
folders whose name starts with a dot. A glob may use *, ? and ** (quote it so the
shell does not expand it).

Options:
  -f, --format FORMAT     ${CHECK_FORMATS.join(', ')} (default text)
      --max-warnings N    fail (exit 1) when there are more than N warnings
  -o, --output FILE       write the report to FILE instead of standard output
  -h, --help              show this help

Text output: one line per finding, PATH:LINE:COL: SEVERITY RULE: MESSAGE
(1-based), a coverage line per file, then a summary line.

Exit status: 0 no error and no more warnings than allowed; 1 findings fail the
check; 2 bad usage, a missing or unreadable file, or a configuration error.

Examples:
  dgs check national.strategy.yaml
  dgs check strategies/ --max-warnings 0
  dgs check 'strategies/**/*.strategy.yaml' --format sarif --output dgs.sarif`,
  coverage: `Usage: dgs coverage FILE [options]

Prints the coverage matrix of one strategy: each clause of the Recommendation and
the measures that address it.

Options:
  -f, --format FORMAT     ${COVERAGE_FORMATS.join(', ')} (default markdown)
  -o, --output FILE       write the report to FILE instead of standard output
  -h, --help              show this help

Exit status: 0 the report was written; 2 bad usage, a missing or unreadable
file, or a configuration error.

Examples:
  dgs coverage national.strategy.yaml
  dgs coverage national.strategy.yaml --format html --output coverage.html`,
  init: `Usage: dgs init [FILE] [options]

Writes a complete skeleton strategy to FILE (default ${DEFAULT_INIT_FILE}): the
strategy block, every part and every section, each with a first measure. It has
no errors, only TODO placeholders to replace.

Options:
      --force             overwrite FILE if it exists
  -h, --help              show this help

Exit status: 0 the file was written; 2 FILE exists (without --force), cannot be
written, or the configuration has an error.`,
  suggest: `Usage: dgs suggest FILE... [options]

For each measure of the strategy files, the clauses of the Recommendation its title,
description and section summary support, best first (at most five), each with a
score and the words of the measure that matched. See docs/mapping.md.

Options:
  -f, --format FORMAT     ${SUGGEST_FORMATS.join(', ')} (default text)
  -o, --output FILE       write the suggestions to FILE instead of standard output
  -h, --help              show this help

JSON output: { "files": [ { "path", "measures": [ { "id", "suggestions":
[ { "clause", "score", "evidence": [...] } ] } ] } ] }

Exit status: 0 the suggestions were written; 2 bad usage, a missing or unreadable
file, or a configuration error.

Example:
  dgs suggest national.strategy.yaml --format json`,
  schema: `Usage: dgs schema [options]

Prints a JSON Schema (draft-07) of the strategy format, for YAML tools such as
yaml-language-server.

Options:
  -o, --output FILE       write the schema to FILE instead of standard output
  -h, --help              show this help

Example:
  dgs schema --output strategy.schema.json`,
};

export const COMMANDS = ['check', 'coverage', 'init', 'schema', 'suggest', 'help'] as const;

export function commandHelp(command: string): string | undefined {
  const help = COMMAND_HELP[command];
  return help === undefined ? undefined : help + '\n';
}

export function generalHelp(version: string): string {
  return `dgs ${version}: drafting tools for digital government strategies, checked against the
OECD Recommendation of the Council on Digital Government Strategies (OECD/LEGAL/0406).

Usage: dgs COMMAND [options]

Commands:
  check FILE|FOLDER|GLOB...   report the findings of strategy files
                              [--format text|json|sarif] [--max-warnings N] [--output FILE]
  coverage FILE               the coverage matrix of a strategy
                              [--format markdown|html|json] [--output FILE]
  init [FILE]                 write a skeleton strategy (default ${DEFAULT_INIT_FILE}) [--force]
  schema                      print the JSON Schema of the strategy format [--output FILE]
  suggest FILE...             the clauses each measure's text supports, with evidence
                              [--format text|json] [--output FILE]
  help [COMMAND]              show the help of a command

Options:
  -h, --help                  show this help (dgs COMMAND --help: that command's)
  -v, --version               show the version

Settings come from .dgs.yaml in the file's folder or the nearest folder above it.
Exit status: 0 success; 1 findings fail the check; 2 bad usage, an unreadable
file or a configuration error.
`;
}
