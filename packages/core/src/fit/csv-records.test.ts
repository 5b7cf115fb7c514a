// CSV errors name the file's line (issue 14, point 13): blank lines and quoted newlines used to
// shift the reported "row" away from the line an editor shows.
import { describe, expect, it } from 'vitest';
import { FitDataError } from './errors';
import { parseSamples } from './parse';

function lineOf(text: string): { line: unknown; message: string } {
  try {
    parseSamples(text, { format: 'csv' });
  } catch (err) {
    expect(err).toBeInstanceOf(FitDataError);
    return { line: (err as FitDataError).details.line, message: (err as Error).message };
  }
  throw new Error('expected a FitDataError');
}

describe('CSV error lines', () => {
  it.each([
    ['blank lines before the bad cell', 'x,y\n\n\n0,0\n\n500,abc\n', 6],
    ['blank lines with spaces', 'x,y\n   \n0,0\n\t\n500,abc\n', 5],
    ['a quoted newline in the header', 'x,"y\nin px"\n0,0\n1,zz\n', 4],
    ['quoted newlines in data cells', 'x,y,note\n0,0,"a\nb\nc"\n1,zz,d\n', 5],
    ['CRLF with blank lines', 'x,y\r\n\r\n0,0\r\n1,zz\r\n', 4],
    ['CR-only line ends', 'x,y\r\r0,0\r1,zz\r', 4],
    ['a leading blank line and no header', '\n\n0,0\n1,NaN\n', 4],
    ['too few fields after blank lines', 'x,y\n\n0,0\n\n1\n', 5],
    ['semicolons and a quoted newline', 'x;y\n0;"0"\n"1\n";zz\n', 3],
  ])('%s', (_, text, line) => {
    const error = lineOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^line ${line}[: ]`));
  });

  it('an unterminated quote names the line it starts on', () => {
    const error = lineOf('x,y\n\n0,0\n\n"1,2\n3,4\n');
    expect(error.message).toMatch(/^line 5: Quoted field unterminated/);
  });
});
