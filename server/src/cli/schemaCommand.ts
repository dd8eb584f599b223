/** `dgs schema [--output FILE]`: prints the JSON Schema of the strategy format, for other YAML tools. */
import * as path from 'path';
import { resolveSettings } from '../host/configFile';
import { strategyJsonSchema } from '../core/jsonSchema';
import { HELP_OPTION, OptionSpec, parseArgs } from './args';
import { CliError, CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { writeReport } from './output';
import { configErrorLine } from './strategyFile';

export const SCHEMA_OPTIONS: readonly OptionSpec[] = [{ name: 'output', short: 'o' }, HELP_OPTION];

export async function runSchema(argv: readonly string[], io: CliIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, SCHEMA_OPTIONS, 'schema');
  if (positionals.length > 0) throw new CliError(`takes no file (found "${positionals[0]}"); use --output FILE to write the schema to a file`);
  // The schema named by the .dgs.yaml that applies in the working folder, as for a strategy file there.
  const settings = resolveSettings(path.join(io.cwd, 'schema.strategy.yaml'));
  for (const error of settings.errors) io.stderr.write(`${configErrorLine(error, io.cwd)}\n`);
  writeReport(JSON.stringify(strategyJsonSchema(settings.schema), null, 2) + '\n', options.get('output'), io);
  return settings.errors.length > 0 ? EXIT_USAGE : EXIT_OK;
}
