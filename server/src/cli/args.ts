/** Reads a command's arguments: options (`--name value`, `--name=value`, flags) and the rest. */
import { closest } from '../core/text/suggest';
import { CliError } from './io';

export interface OptionSpec {
  /** The long name, without dashes: `format`. */
  name: string;
  short?: string;
  /** A flag stands alone; any other option takes a value. */
  flag?: boolean;
  /** The allowed values, when they are few. */
  values?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  /** Option name → its value (the last one given), or "true" for a flag. */
  options: Map<string, string>;
}

export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', flag: true };

/** Parses `argv` against the options a command accepts; a wrong option is a CliError (exit 2). */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const byLong = new Map(specs.map((spec) => [spec.name, spec]));
  const byShort = new Map(specs.filter((spec) => spec.short).map((spec) => [spec.short!, spec]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const equals = arg.indexOf('=');
    const name = long ? arg.slice(2, equals === -1 ? undefined : equals) : arg.slice(1, equals === -1 ? undefined : equals);
    const spec = long ? byLong.get(name) : byShort.get(name);
    if (!spec) {
      const suggestion = closest(name, byLong.keys());
      throw new CliError(`unknown option ${arg.slice(0, equals === -1 ? undefined : equals)}${suggestion ? `; did you mean --${suggestion}?` : ''} (see dgs ${command} --help)`);
    }
    const shown = long ? `--${spec.name}` : `-${spec.short}`;
    if (spec.flag) {
      if (equals !== -1) throw new CliError(`the option ${shown} takes no value`);
      options.set(spec.name, 'true');
      continue;
    }
    let value: string;
    if (equals !== -1) {
      value = arg.slice(equals + 1);
    } else {
      if (i + 1 >= argv.length) throw new CliError(`the option ${shown} needs a value${spec.values ? ` (${spec.values.join(', ')})` : ''}`);
      value = argv[++i];
    }
    if (spec.values && !spec.values.includes(value)) {
      throw new CliError(`the option ${shown} must be one of ${spec.values.join(', ')}, not "${value}"`);
    }
    options.set(spec.name, value);
  }
  return { positionals, options };
}

/** Whether the arguments ask for help, before anything else is checked. */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}
