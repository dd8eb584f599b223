/** What the command line talks to, and the errors that end a command with a clear line. */

export interface CliOutput {
  write(chunk: string): unknown;
  /** True for a terminal: only then is the text output coloured. */
  isTTY?: boolean;
}

export interface CliIO {
  stdout: CliOutput;
  stderr: CliOutput;
  /** The folder that relative paths are resolved against and shown relative to. */
  cwd: string;
  /** The environment (NO_COLOR, DGS_DEBUG); process.env when absent. */
  env?: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * A problem that ends the command: bad usage, a missing or unreadable file. Its message is
 * one line for a person, printed after `dgs COMMAND:`; never a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}

/** Whether to colour what goes to this output: a terminal, and NO_COLOR unset (https://no-color.org). */
export function useColour(output: CliOutput, env: Record<string, string | undefined>): boolean {
  return output.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

/** A short reason for a file system error, in words rather than codes. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EEXIST':
      return 'it already exists';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENOTREGULAR':
      return 'it is not a regular file (a device, a pipe or a socket)';
    case 'EAGAIN':
      return 'it cannot be read without waiting (a device or a special file)';
    default:
      return (error as Error)?.message?.split('\n')[0] ?? String(error);
  }
}
