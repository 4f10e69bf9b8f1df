/**
 * npm run bench:sequencing -- --set <dir of .sm files> --ref <csv> [--time-limit-ms 1000] [--max-schedules N] [--seed 1] [--limit K]
 *
 * Solves every PSPLIB single-mode instance of a set (in natural name order)
 * within the time limit (1000 ms unless a schedule budget is given instead; a
 * schedule budget makes the figures independent of the machine) and compares
 * each makespan with the reference CSV
 * (`instance,optimum_or_best_known,…`). Prints JSON: the average and maximum
 * deviation from the reference, how many reached it, time per instance.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePsplibSm, solve, violationsOf } from '@capstan/sequencing-engine';
import { report, round } from './measure';

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    ref: { type: 'string' },
    'time-limit-ms': { type: 'string' },
    'max-schedules': { type: 'string' },
    seed: { type: 'string', default: '1' },
    limit: { type: 'string' },
  },
});

function references(csv: string): Map<string, number> {
  const [header, ...rows] = csv.trim().split(/\r?\n/).map((line) => line.split(','));
  const instance = header.indexOf('instance');
  const best = header.indexOf('optimum_or_best_known');
  if (instance < 0 || best < 0) throw new Error('the reference CSV needs the columns instance and optimum_or_best_known');
  return new Map(rows.map((row) => [basename(row[instance].trim()), Number(row[best])]));
}

report(async () => {
  if (!values.set || !values.ref) throw new Error('usage: bench:sequencing -- --set <dir> --ref <csv> [--time-limit-ms N] [--max-schedules N] [--seed S] [--limit K]');
  const maxSchedules = values['max-schedules'] === undefined ? undefined : Number(values['max-schedules']);
  const timeLimitMs = values['time-limit-ms'] === undefined ? (maxSchedules === undefined ? 1000 : undefined) : Number(values['time-limit-ms']);
  const seed = Number(values.seed);
  const reference = references(readFileSync(values.ref, 'utf8'));
  let files = readdirSync(values.set)
    .filter((file) => file.endsWith('.sm'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (values.limit) files = files.slice(0, Number(values.limit));

  const deviations: number[] = [];
  const times: number[] = [];
  const missed: { instance: string; makespan: number; reference: number }[] = [];
  let optimaHit = 0;
  let schedules = 0;
  for (const [k, file] of files.entries()) {
    const best = reference.get(file);
    if (best === undefined) throw new Error(`${file} is not in the reference CSV`);
    const problem = parsePsplibSm(readFileSync(join(values.set, file), 'utf8'));
    const started = performance.now();
    const solution = solve(problem, { timeLimitMs, maxSchedules, seed });
    times.push(performance.now() - started);
    if (violationsOf(problem, solution.starts).length) throw new Error(`${file}: the plan breaks a constraint`);
    deviations.push(((solution.makespan - best) / best) * 100);
    schedules += solution.stats.schedules;
    if (solution.makespan <= best) optimaHit++;
    else missed.push({ instance: file, makespan: solution.makespan, reference: best });
    if ((k + 1) % 20 === 0 || k + 1 === files.length) {
      const average = deviations.reduce((a, b) => a + b, 0) / deviations.length;
      process.stderr.write(`${k + 1}/${files.length} instances, average deviation ${average.toFixed(3)} %, ${optimaHit} at the reference\n`);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    set: basename(values.set),
    instances: files.length,
    timeLimitMs: timeLimitMs ?? null,
    maxSchedules: maxSchedules ?? null,
    seed,
    averageDeviationPercent: Number((deviations.reduce((a, b) => a + b, 0) / deviations.length).toFixed(3)),
    maxDeviationPercent: Number(Math.max(...deviations).toFixed(3)),
    optimaHit,
    meanMsPerInstance: round(times.reduce((a, b) => a + b, 0) / times.length),
    p95MsPerInstance: round(sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))]),
    meanSchedulesPerInstance: Math.round(schedules / files.length),
    missed,
  };
});
