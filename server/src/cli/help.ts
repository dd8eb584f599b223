/** The usage of every command, for --help and `dgs help COMMAND`. */
import { CHECK_FORMATS } from './check';
import { COVERAGE_FORMATS } from './coverage';
import { DIFF_FORMATS, EXPORT_FORMATS, TABLE_NAMES } from '../export';
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
  export: `Usage: dgs export FILE --format FORMAT [options]

Writes the strategy as a document for the approval circuit:
  docx   the Word document a minister signs: a title page, a table of contents,
         one chapter per part and section with its summary and every measure
         (lead, partners, due date, budget, business case, status, clauses,
         indicators), and an annex with the coverage of the Recommendation (each
         clause's text beside the measures that address it), the clauses that do
         not apply and the open findings. Word fills in the table of contents'
         page numbers when it opens the file (it asks first).
  xlsx   an Excel workbook with both tables below, a sheet each (Measures,
         Clauses): header row frozen and filtered, budgets as numbers.
  csv    a table for a spreadsheet, UTF-8 with a byte order mark so that Excel
         reads it right: one row per measure (section, id, title, lead, due,
         budget amount and currency, business case yes/no, status, clauses), or
         with --table clauses one row per clause (its text, status, measures).

Options:
  -f, --format FORMAT     ${EXPORT_FORMATS.join(', ')} (required)
  -t, --table TABLE       ${TABLE_NAMES.join(', ')}: the CSV's rows (default measures)
  -o, --output FILE       write to FILE (required for docx and xlsx; CSV goes to
                          standard output without it)
  -h, --help              show this help

The document states its date; set SOURCE_DATE_EPOCH (seconds) to fix it.

Exit status: 0 the document was written; 2 bad usage, a missing or unreadable
file, or a configuration error.

Examples:
  dgs export national.strategy.yaml --format docx --output strategy.docx
  dgs export national.strategy.yaml --format xlsx --output strategy.xlsx
  dgs export national.strategy.yaml --format csv --table clauses --output clauses.csv`,
  diff: `Usage: dgs diff OLD NEW [options]

Says what changed between two versions of a strategy: the clauses newly
addressed or no longer addressed, the measures added, removed, renamed (same id,
new title), re-scoped (other clauses), with a new status, budget or section, the
budget totals before and after, and the findings fixed and introduced. Measures
are matched by id.

OLD and NEW are strategy files, or git:REV:PATH for the version of PATH (relative
to the current folder) in the commit REV, such as git:HEAD:national.strategy.yaml
or git:main~3:strategies/city.strategy.yaml.

Options:
  -f, --format FORMAT     ${DIFF_FORMATS.join(', ')} (default text; markdown fits a
                          pull-request comment)
  -o, --output FILE       write to FILE instead of standard output
  -h, --help              show this help

Exit status: 0 the comparison was written (whether or not anything changed);
2 bad usage, a missing or unreadable file or revision, or a configuration error.

Examples:
  dgs diff git:HEAD:national.strategy.yaml national.strategy.yaml
  dgs diff draft-3.strategy.yaml draft-4.strategy.yaml --format markdown`,
  init: `Usage: dgs init [FILE] [options]

Writes a complete skeleton strategy to FILE (default ${DEFAULT_INIT_FILE}): the
strategy block, every part and every section, each with a first measure. It has
no errors, only TODO placeholders to replace; its measures address nothing (0 of
26 clauses) until their titles are written.

Options:
      --level LEVEL       national, regional or local (default national)
      --government NAME   the government that adopts the strategy
      --from YEAR         the first year of the period (default this year)
      --to YEAR           the last year of the period (default four years after --from)
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
  import: `Usage: dgs import DOCUMENT [options]

Reads a strategy written as a Word document (.docx), Markdown (.md) or plain
text (.txt) and writes a first strategy file: the strategy block from the title
page, a section for each chapter matched to a recommendation, a measure for each
action with its lead, due date, budget, indicators and partners when the text
states them. Every guessed value is marked "imported: check"; text that fits
nowhere is kept under x-unplaced. Without --output the file goes to standard
output.

Options:
  -o, --output FILE       write the strategy to FILE (such as national.strategy.yaml)
      --force             overwrite FILE if it exists
  -h, --help              show this help

Exit status: 0 the strategy was written; 2 bad usage, a document that cannot be
read, FILE exists (without --force), or a configuration error.

Example:
  dgs import strategy.docx --output national.strategy.yaml
  dgs check national.strategy.yaml`,
  schema: `Usage: dgs schema [options]

Prints a JSON Schema (draft-07) of the strategy format, for YAML tools such as
yaml-language-server.

Options:
  -o, --output FILE       write the schema to FILE instead of standard output
  -h, --help              show this help

Example:
  dgs schema --output strategy.schema.json`,
};

export const COMMANDS = ['check', 'coverage', 'export', 'diff', 'init', 'import', 'schema', 'suggest', 'help'] as const;

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
  export FILE                 the strategy as a Word document, a workbook or a CSV table
                              --format docx|xlsx|csv [--table measures|clauses] [--output FILE]
  diff OLD NEW                what changed between two versions (files or git:REV:PATH)
                              [--format text|markdown|json] [--output FILE]
  init [FILE]                 write a skeleton strategy (default ${DEFAULT_INIT_FILE}) [--level, --government, --from, --to, --force]
  import DOCUMENT             a first strategy from a .docx, .md or .txt document
                              [--output FILE] [--force]
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
