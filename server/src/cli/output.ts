/** Where a command's report goes: standard output, or the file named by --output. */
import * as fs from 'fs';
import * as path from 'path';
import { safeText } from '../core/text/safeText';
import { CliError, CliIO, describeFsError } from './io';

/**
 * Writes the report. The file named by --output is never one of the command's inputs
 * (`dgs check a.strategy.yaml -o a.strategy.yaml` would replace the strategy with its
 * findings), under any name (a hard link is the same file), and never a symbolic link,
 * which could point anywhere.
 */
export function writeReport(text: string | Uint8Array, output: string | undefined, io: CliIO, inputs: readonly string[] = []): void {
  if (output === undefined) {
    io.stdout.write(typeof text === 'string' ? text : new TextDecoder('utf-8', { ignoreBOM: true }).decode(text));
    return;
  }
  const target = path.resolve(io.cwd, output);
  const shown = safeText(output);
  const existing = fs.lstatSync(target, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink()) throw new CliError(`will not write ${shown}: it is a symbolic link; name a file of its own`);
  if (existing) {
    for (const input of inputs) {
      const stat = fs.statSync(input, { throwIfNoEntry: false });
      if (stat && stat.ino === existing.ino && stat.dev === existing.dev) throw new CliError(`will not write ${shown}: it is a file being checked; name another file for the report`);
    }
  }
  let fd: number;
  try {
    // No following a link made meanwhile, and no waiting on a pipe.
    fd = fs.openSync(target, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0), 0o666);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ELOOP' ? `will not write ${shown}: it is a symbolic link; name a file of its own` : `cannot write ${shown}: ${describeFsError(error)}`);
  }
  try {
    fs.writeFileSync(fd, text);
  } catch (error) {
    throw new CliError(`cannot write ${shown}: ${describeFsError(error)}`);
  } finally {
    fs.closeSync(fd);
  }
}
