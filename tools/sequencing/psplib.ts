/**
 * npm run -s sequence:psplib -- <file.sm> [--time-limit-ms 1000] [--seed 1]
 *
 * Schedules a PSPLIB single-mode instance and prints
 * `{ "makespan": n, "starts": { "<job>": t, … } }` (jobs numbered as in the
 * file) on stdout; errors go to stderr with exit code 1.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePsplibSm, solve } from '@capstan/sequencing-engine';

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'time-limit-ms': { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
    },
  });
  if (positionals.length !== 1) throw new Error('usage: sequence:psplib -- <file.sm> [--time-limit-ms N] [--seed S]');
  const timeLimitMs = wholeNumber(values['time-limit-ms'], '--time-limit-ms');
  const seed = wholeNumber(values.seed, '--seed');
  const problem = parsePsplibSm(readFileSync(positionals[0], 'utf8'));
  const solution = solve(problem, { timeLimitMs, seed });
  const starts = Object.fromEntries(problem.activities.map((activity, i) => [activity.id, solution.starts[i]]));
  process.stdout.write(`${JSON.stringify({ makespan: solution.makespan, starts })}\n`);
}

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`${option} must be a whole number, got "${text}"`);
  return Number(text);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
