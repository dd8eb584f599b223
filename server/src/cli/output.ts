/** Where a command's report goes: standard output, or the file named by --output. */
import * as fs from 'fs';
import * as path from 'path';
import { CliError, CliIO, describeFsError } from './io';

export function writeReport(text: string, output: string | undefined, io: CliIO): void {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  const target = path.resolve(io.cwd, output);
  try {
    fs.writeFileSync(target, text);
  } catch (error) {
    throw new CliError(`cannot write ${output}: ${describeFsError(error)}`);
  }
}
