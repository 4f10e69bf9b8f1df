import { cpus, totalmem } from 'node:os';

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

/** The machine a figure was measured on, for the report. */
export function machine(): Record<string, unknown> {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30), node: process.version };
}

/** Prints a benchmark's report as JSON, or its error, and sets the exit code. */
export function report(run: () => Promise<Record<string, unknown>>): void {
  run()
    .then((figures) => console.log(JSON.stringify({ machine: machine(), ...figures }, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
