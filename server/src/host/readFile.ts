/**
 * Reading a file so that it can never make the reader wait: opened without blocking,
 * checked to be a regular file after it is opened (a check before the open can be
 * outrun, and a path may name a device, a pipe or a file of /proc), and read only up to a
 * limit, whatever size the file claims. /proc/kmsg, for one, is a "regular file" of size 0
 * whose reads wait for the next kernel message forever.
 */
import * as fs from 'fs';

/** An error of a read, with a code that describeFsError and the callers know. */
export class FileReadError extends Error {
  constructor(
    message: string,
    readonly code: 'EISDIR' | 'ENOTREGULAR' | 'EAGAIN' | 'ETOOLARGE',
    /** For ETOOLARGE: the size the file has, when it says so (a file of /proc claims none). */
    readonly size?: number,
  ) {
    super(message);
  }
}

const CHUNK = 64 * 1024;

/**
 * The bytes of a regular file of at most `maxBytes` bytes. Throws the file system's error
 * (ENOENT, EACCES, …) or a FileReadError: EISDIR for a folder, ENOTREGULAR for anything
 * else that is not a regular file, EAGAIN for a file that has no more bytes to give
 * without waiting, ETOOLARGE past the limit (nothing beyond the limit is read).
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);
  const fd = fs.openSync(file, flags);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new FileReadError(`${file} is a folder`, 'EISDIR');
    if (!stat.isFile()) throw new FileReadError(`${file} is not a regular file`, 'ENOTREGULAR');
    if (stat.size > maxBytes) throw new FileReadError(`${file} is ${stat.size} bytes long, over the limit of ${maxBytes} bytes`, 'ETOOLARGE', stat.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      let read: number;
      try {
        read = fs.readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN' || (error as NodeJS.ErrnoException).code === 'EWOULDBLOCK') {
          throw new FileReadError(`${file} cannot be read without waiting`, 'EAGAIN');
        }
        throw error;
      }
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw new FileReadError(`${file} is more than ${maxBytes} bytes long`, 'ETOOLARGE');
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}
