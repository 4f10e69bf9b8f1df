import type { Readable } from 'node:stream';

/**
 * An object stream's items in runs: each run is everything the stream has
 * buffered, taken with synchronous `read()`s. Iterating item by item costs a
 * promise (and its async hooks) per item, which over the millions of rows of
 * a billing export is a large share of the work.
 */
export async function* bufferedRuns<T>(stream: Readable): AsyncGenerator<T[]> {
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const onReadable = () => wake?.();
  const onEnd = () => {
    ended = true;
    wake?.();
  };
  const onError = (error: unknown) => {
    failure = { error };
    wake?.();
  };
  stream.on('readable', onReadable);
  stream.on('end', onEnd);
  stream.on('error', onError);
  try {
    for (;;) {
      if (failure) throw failure.error;
      const run: T[] = [];
      for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) run.push(item);
      if (run.length) {
        yield run;
        continue;
      }
      if (ended) return;
      // 'readable' and 'end' are emitted only after a read() came back empty, as the one above did.
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    stream.off('readable', onReadable);
    stream.off('end', onEnd);
    stream.off('error', onError);
    if (!ended) stream.destroy();
  }
}
