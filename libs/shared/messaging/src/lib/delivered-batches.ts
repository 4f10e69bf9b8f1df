/**
 * Groups delivered messages into batches of at most `size`: a batch takes the
 * first message and whatever else has already arrived, so under light load
 * every event goes on alone at once and under heavy load batches fill up.
 */
export async function* deliveredBatches<T>(messages: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  const iterator = messages[Symbol.asyncIterator]();
  const nothingYet = Symbol('nothing yet');
  let next = iterator.next();
  for (;;) {
    const first = await next;
    if (first.done) return;
    const batch = [first.value];
    next = iterator.next();
    let done = false;
    while (batch.length < size) {
      const arrived = await Promise.race([next, new Promise<typeof nothingYet>((resolve) => setImmediate(() => resolve(nothingYet)))]);
      if (arrived === nothingYet) break;
      if (arrived.done) {
        done = true;
        break;
      }
      batch.push(arrived.value);
      next = iterator.next();
    }
    yield batch;
    if (done) return;
  }
}
