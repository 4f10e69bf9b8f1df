import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { FocusRowError } from '@capstan/cost-tracking-core';

/** Parsed pieces that may wait for the consumer before the parser, and the text it reads, pause. */
const MAX_WAITING = 2;

/**
 * The most text read without the parser giving a row: far past any real row.
 * A quote left open early in a large file otherwise has the parser hold the
 * rest of the file and scan it again with every piece, for hours.
 */
const MAX_ROW_CHARS = 16 * 1024 * 1024;

/** Records whose quoted cell the parser found never closed (or closed far too late): it took the lines after it. */
const UNCLOSED = new WeakSet<readonly string[]>();

/** Whether the parser found a quote in `record` that was never closed (the rows after it are in its cell). */
export function hasUnclosedQuote(record: readonly string[]): boolean {
  return UNCLOSED.has(record);
}

/**
 * The rows of a CSV text stream, in runs: each run holds the rows of one
 * piece of text as the parser delivers them (papaparse's chunk mode), and the
 * parser pauses while runs wait. Papaparse's own Node stream hands the rows
 * out one by one through an object stream that is full after 16, stopping and
 * restarting the parser each time: that took as long as the parsing itself.
 * Rows split between pieces of text come out whole.
 */
export async function* csvRuns(text: Readable, maxRowChars = MAX_ROW_CHARS): AsyncGenerator<string[][]> {
  const waiting: string[][][] = [];
  /** Characters read since the parser last gave rows. */
  let unparsed = 0;
  let rowsGiven = 0;
  let parser: Papa.Parser | undefined;
  let paused = false;
  let done = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  Papa.parse<string[], Readable>(text, {
    skipEmptyLines: true,
    chunk: (results, handle) => {
      parser = handle;
      if (results.data.length) unparsed = 0;
      rowsGiven += results.data.length;
      // A quote the parser found unclosed or misplaced: the records of this piece with a cell over several lines
      // took the lines after them (the error's row index does not count the blank lines skipped, so it is not used).
      if (results.errors.some((error) => error.type === 'Quotes')) {
        for (const record of results.data) if (record.some((cell) => cell.includes('\n'))) UNCLOSED.add(record);
      }
      if (results.data.length) waiting.push(results.data);
      if (waiting.length >= MAX_WAITING && !paused) {
        paused = true;
        // The parser's pause stops the parsing only; the text is held back here.
        handle.pause();
        text.pause();
      }
      wake?.();
    },
    complete: () => {
      done = true;
      wake?.();
    },
    // A failing source (a stored piece that cannot be read) ends up here.
    error: (error: unknown) => {
      failure = { error };
      wake?.();
    },
  });
  text.on('data', (piece: string | Buffer) => {
    unparsed += piece.length;
    if (unparsed > maxRowChars && !failure) {
      failure = { error: new FocusRowError(`A row runs past ${maxRowChars} characters after row ${rowsGiven}: a quote never closed? The file cannot be read past it`) };
      wake?.();
    }
  });
  try {
    for (;;) {
      if (failure) throw failure.error;
      const run = waiting.shift();
      if (run) {
        if (paused && waiting.length < MAX_WAITING) {
          paused = false;
          text.resume();
          parser?.resume();
        }
        yield run;
        continue;
      }
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    if (!done) {
      parser?.abort();
      text.destroy();
    }
  }
}
