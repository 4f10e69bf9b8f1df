import { PassThrough, Readable } from 'node:stream';
import { FocusRowError, readFocusHeader, readFocusRow } from '@capstan/cost-tracking-core';
import { csvRuns, hasUnclosedQuote } from './csv-runs';

async function collect(text: Readable): Promise<string[][][]> {
  const runs: string[][][] = [];
  for await (const run of csvRuns(text)) runs.push(run);
  return runs;
}

describe('csvRuns', () => {
  it('yields every row once, in order and whole, however the text is cut', async () => {
    const rows = Array.from({ length: 3000 }, (_, k) => [`acct-${k}`, `"quoted, with a comma"`, `"two\nlines ""${k}"""`, String(k)]);
    const text = rows.map((row) => row.join(',')).join('\r\n');
    const pieces = [];
    for (let at = 0; at < text.length; at += 997) pieces.push(text.slice(at, at + 997));
    const runs = await collect(Readable.from(pieces));
    expect(runs.flat()).toEqual(rows.map(([account, , , k]) => [account, 'quoted, with a comma', `two\nlines "${k}"`, k]));
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.length).toBeLessThan(rows.length / 10);
  });

  it('reads the text only as far as the consumer keeps up', async () => {
    let piecesRead = 0;
    async function* pieces() {
      for (let k = 0; k < 100; k++) {
        piecesRead++;
        yield `${k},a\n${k},b\n`;
      }
    }
    const runs = csvRuns(Readable.from(pieces()));
    const rows = (await runs.next()).value as string[][];
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(piecesRead).toBeLessThan(20);
    for await (const run of runs) {
      rows.push(...run);
      await new Promise(setImmediate);
    }
    expect(rows).toEqual(Array.from({ length: 100 }, (_, k) => [[String(k), 'a'], [String(k), 'b']]).flat());
    expect(piecesRead).toBe(100);
  });

  it('waits for text written later and ends with it', async () => {
    const text = new PassThrough();
    const collected = collect(text);
    for (let k = 0; k < 5; k++) {
      text.write(`${k},x\n`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    text.end();
    expect((await collected).flat()).toEqual([0, 1, 2, 3, 4].map((k) => [String(k), 'x']));
  });

  it('leaves a row with an unclosed quote one field short, so reading it as FOCUS refuses it on its line', async () => {
    const text = ['ChargePeriodStart,BilledCost,BillingCurrency', '2026-10-01,1.00,EUR', '2026-10-02,"abc,EUR', '2026-10-03,3.00,EUR'].join('\n');
    const [header, ...rows] = (await collect(Readable.from([text]))).flat();
    const focus = readFocusHeader(header);
    // Numbered as the import numbers them: the header is row 1.
    const outcomes = rows.map((record, k) => {
      try {
        return { row: k + 2, billedCost: readFocusRow(record, focus, null).billedCost };
      } catch (error) {
        return { row: k + 2, error: (error as FocusRowError).message };
      }
    });
    // The third row went into the unclosed field: refused with it, not taken silently as part of row 3's currency.
    expect(outcomes).toEqual([
      { row: 2, billedCost: '1.00' },
      { row: 3, error: 'A cell runs over 2 lines (from "abc,EUR"): an unclosed quote took the lines after it into this row' },
    ]);
  });

  it('marks a record whose quote is never closed, which took the rows after it into its last cell', async () => {
    const text = ['ChargePeriodStart,BilledCost,x_Note', '2026-10-01,1.00,fine', '2026-10-02,2.00,"oops', '2026-10-03,3.00,lost', '2026-10-04,4.00,lost'].join('\n');
    const records = (await collect(Readable.from([text]))).flat();
    // The field count is right and the note is not read: without the mark the two rows after it would vanish unsaid.
    expect(records.map((record) => record.length)).toEqual([3, 3, 3]);
    expect(records.map(hasUnclosedQuote)).toEqual([false, false, true]);
    expect(records[2][2]).toBe('oops\n2026-10-03,3.00,lost\n2026-10-04,4.00,lost');
  });

  it('marks a record whose unclosed quote a later quoted cell closed, taking the rows between', async () => {
    const text = ['ChargePeriodStart,BilledCost,Tags', '2026-10-01,1.00,"oops', '2026-10-02,2.00,lost', '', '2026-10-03,3.00,"{""app"":""x""}"', '2026-10-04,4.00,kept'].join('\n');
    const records = (await collect(Readable.from([text]))).flat();
    expect(records.filter(hasUnclosedQuote).map((record) => record[0])).toEqual(['2026-10-01']);
    expect(records.at(-1)).toEqual(['2026-10-04', '4.00', 'kept']);
  });

  it('stops with a row error when a quote left open has the parser read on without giving a row', async () => {
    async function* pieces() {
      yield 'ChargePeriodStart,BilledCost,Tags\n2026-10-01,1.00,x\n2026-10-02,2.00,"open\n';
      for (let k = 0; k < 200; k++) yield `2026-10-03,3.00,row ${k}\n`.repeat(20);
    }
    const read: string[][] = [];
    const reading = (async () => {
      for await (const run of csvRuns(Readable.from(pieces()), 10_000)) read.push(...run);
    })();
    await expect(reading).rejects.toThrow(new FocusRowError('A row runs past 10000 characters after row 2: a quote never closed? The file cannot be read past it'));
    expect(read.map((record) => record[0])).toEqual(['ChargePeriodStart', '2026-10-01']);
  });

  it('passes on the source’s error', async () => {
    const text = new PassThrough();
    const collected = collect(text);
    text.write('1,a\n');
    setTimeout(() => text.destroy(new Error('piece 3 is missing')), 5);
    await expect(collected).rejects.toThrow('piece 3 is missing');
  });

  it('gives no run for empty text', async () => {
    expect(await collect(Readable.from(['']))).toEqual([]);
  });
});
