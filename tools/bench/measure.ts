/** Latency percentiles of a request run `count` times by `concurrency` workers. */
export async function measureLatency(
  request: () => Promise<void>,
  { count, concurrency, warmup = 20 }: { count: number; concurrency: number; warmup?: number },
): Promise<{ p50: number; p95: number; p99: number; max: number; perSecond: number }> {
  for (let i = 0; i < warmup; i++) await request();
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) {
        const t0 = performance.now();
        await request();
        samples.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  const at = (q: number) => round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(samples[samples.length - 1]), perSecond: round((samples.length / elapsed) * 1000) };
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
