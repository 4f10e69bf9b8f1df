import { PassThrough, Readable } from 'node:stream';
import { bufferedRuns } from './buffered-runs';

async function collect<T>(stream: Readable): Promise<T[][]> {
  const runs: T[][] = [];
  for await (const run of bufferedRuns<T>(stream)) runs.push(run);
  return runs;
}

describe('bufferedRuns', () => {
  it('yields every item once, in order, in runs of what was buffered', async () => {
    const items = Array.from({ length: 1000 }, (_, k) => ({ k }));
    const runs = await collect<{ k: number }>(Readable.from(items, { highWaterMark: 64 }));
    expect(runs.flat()).toEqual(items);
    expect(runs.length).toBeLessThan(items.length);
  });

  it('waits for items written later and ends with the stream', async () => {
    const stream = new PassThrough({ objectMode: true });
    const collected = collect<number>(stream);
    for (let k = 0; k < 5; k++) {
      stream.write(k);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    stream.end();
    expect((await collected).flat()).toEqual([0, 1, 2, 3, 4]);
  });

  it('passes on the stream’s error', async () => {
    const stream = new PassThrough({ objectMode: true });
    const collected = collect<number>(stream);
    stream.write(1);
    setTimeout(() => stream.destroy(new Error('piece 3 is missing')), 5);
    await expect(collected).rejects.toThrow('piece 3 is missing');
  });

  it('an empty stream gives no run', async () => {
    expect(await collect(Readable.from([]))).toEqual([]);
  });
});
