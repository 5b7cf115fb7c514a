// Files named on the command line (--data, --input-file) are read only after their size is
// checked: a data file is untrusted input, and reading a multi-gigabyte file whole would cost
// that much memory before the text-length checks behind it ever ran.
import { readFile, stat } from 'node:fs/promises';

/** Largest file --data or --input-file reads (the CSV/JSON text cap is 64 M characters). */
export const MAX_INPUT_FILE_BYTES = 64 * 1024 * 1024;

/** Reads `file` as UTF-8 text; `fail(message)` builds the command's typed error for any refusal. */
export async function readTextFileWithin(file: string, flag: string, fail: (message: string) => Error): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (err) {
    throw fail(`cannot read ${flag} ${file}: ${(err as Error).message}`);
  }
  if (size > MAX_INPUT_FILE_BYTES) throw fail(`${flag} ${file} is ${size} bytes, over the cap of ${MAX_INPUT_FILE_BYTES} bytes`);
  return readFile(file, 'utf8').catch((err: Error) => {
    throw fail(`cannot read ${flag} ${file}: ${err.message}`);
  });
}
