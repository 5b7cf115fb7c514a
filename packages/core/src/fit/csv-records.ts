// CSV records with the file line each starts on: papaparse tokenises (quotes, delimiters), and we
// count newlines up to each record's start, so an error names the line an editor shows even when
// blank lines or quoted newlines make record numbers and line numbers differ.
import Papa from 'papaparse';
import { FitDataError } from './errors';

export interface CsvRecords {
  /** Records with at least one non-blank cell. */
  readonly rows: string[][];
  /** The 1-based file line each record starts on. */
  readonly lines: number[];
}

export function readCsvRecords(text: string): CsvRecords {
  // "\r"-only files (old Mac) count carriage returns; others count line feeds.
  const newline = text.includes('\n') ? 10 : 13;
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let scanned = 0;
  let start = 0;
  let quoteError: { line: number; message: string } | null = null;
  const lineAt = (offset: number): number => {
    for (; scanned < offset && scanned < text.length; scanned++) if (text.charCodeAt(scanned) === newline) line++;
    return line;
  };
  // Papa guesses the delimiter per step when streaming, so it is guessed once on the first records.
  const { delimiter } = Papa.parse<string[]>(text, { preview: 20, skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] }).meta;
  Papa.parse<string[]>(text, {
    delimiter,
    step: (result, parser) => {
      const recordLine = lineAt(start);
      const quote = result.errors.find((e) => e.type === 'Quotes');
      if (quote) {
        quoteError = { line: lineAt(Math.max(start, quote.index ?? start)), message: quote.message };
        parser.abort();
        return;
      }
      start = result.meta.cursor;
      if (result.data.some((cell) => cell.trim() !== '')) {
        rows.push(result.data);
        lines.push(recordLine);
      }
    },
  });
  if (quoteError) {
    const { line: at, message } = quoteError;
    throw new FitDataError('E_FIT_MALFORMED', `line ${at}: ${message}`, { where: `line ${at}`, line: at });
  }
  return { rows, lines };
}
