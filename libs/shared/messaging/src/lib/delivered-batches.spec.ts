import { deliveredBatches } from './delivered-batches';

/** Yields `waves` of items: the items of one wave arrive together, the next after a pause. */
async function* arriving(waves: number[][]): AsyncGenerator<number> {
  for (const wave of waves) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    yield* wave;
  }
}

describe(deliveredBatches.name, () => {
  it('should batch what has already arrived, up to the size, and never wait for more', async () => {
    const batches: number[][] = [];
    for await (const batch of deliveredBatches(arriving([[1, 2, 3, 4, 5], [6], [7, 8]]), 3)) batches.push(batch);
    expect(batches).toEqual([[1, 2, 3], [4, 5], [6], [7, 8]]);
  });

  it('should hand on one at a time with a size of 1', async () => {
    const batches: number[][] = [];
    for await (const batch of deliveredBatches(arriving([[1, 2], [3]]), 1)) batches.push(batch);
    expect(batches).toEqual([[1], [2], [3]]);
  });
});
