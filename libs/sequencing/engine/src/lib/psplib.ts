import type { Activity, Precedence, Problem } from './problem';

/** A PSPLIB file that cannot be read, with the line (1-based) where reading failed. */
export class PsplibFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'PsplibFormatError';
  }
}

/**
 * Reads a PSPLIB single-mode RCPSP instance (`.sm`): jobs 1..n including the
 * dummy source and sink, renewable resources with constant availability.
 * Activity ids are the job numbers; the objective is the makespan.
 */
export function parsePsplibSm(text: string): Problem {
  const lines = text.split(/\r?\n/);
  const fail = (message: string, index?: number): never => {
    throw new PsplibFormatError(message, index === undefined ? undefined : index + 1);
  };
  const find = (pattern: RegExp, what: string): number => {
    const index = lines.findIndex((line) => pattern.test(line));
    return index >= 0 ? index : fail(`missing ${what}`);
  };
  const valueAfterColon = (index: number, what: string): number => {
    const match = /:\s*(\d+)/.exec(lines[index]);
    return match ? Number(match[1]) : fail(`expected a number for ${what}`, index);
  };
  const integers = (index: number): number[] => {
    const fields = lines[index].trim().split(/\s+/).filter(Boolean);
    return fields.map((field) => (/^-?\d+$/.test(field) ? Number(field) : fail(`expected integers, found "${field}"`, index)));
  };

  const jobCountLine = find(/^\s*jobs\b/i, 'the number of jobs ("jobs (incl. supersource/sink ):")');
  const jobCount = valueAfterColon(jobCountLine, 'the number of jobs');
  if (jobCount < 1) fail('the instance has no jobs', jobCountLine);
  const horizonLine = lines.findIndex((line) => /^\s*horizon\b/i.test(line));
  const fileHorizon = horizonLine >= 0 ? valueAfterColon(horizonLine, 'the horizon') : undefined;
  const renewableLine = find(/^\s*-\s*renewable\b/i, 'the number of renewable resources');
  const renewable = valueAfterColon(renewableLine, 'renewable resources');
  const otherKinds = [/^\s*-\s*nonrenewable\b/i, /^\s*-\s*doubly constrained\b/i].map((pattern) => lines.findIndex((line) => pattern.test(line)));
  for (const index of otherKinds) if (index >= 0 && valueAfterColon(index, 'resources') > 0) fail('only renewable resources are supported (single-mode RCPSP)', index);

  // Sections: a title line, a column header, (a rule for requests), then one row per job.
  const rows = (title: RegExp, what: string): { index: number; values: number[] }[] => {
    const titleLine = find(title, `the ${what} section`);
    let index = titleLine + 2;
    if (/^\s*-+\s*$/.test(lines[index] ?? '')) index++;
    const out: { index: number; values: number[] }[] = [];
    for (let k = 0; k < jobCount; k++, index++) {
      if (index >= lines.length || /^\s*\*+\s*$/.test(lines[index])) fail(`the ${what} section has ${k} job rows, expected ${jobCount}`, Math.min(index, lines.length - 1));
      const values = integers(index);
      if (values[0] !== k + 1) fail(`expected job ${k + 1}, found "${lines[index].trim()}"`, index);
      out.push({ index, values });
    }
    return out;
  };

  const precedences: Precedence[] = [];
  for (const { index, values } of rows(/^\s*PRECEDENCE RELATIONS:/i, 'precedence')) {
    const [job, modes, count, ...successors] = values;
    if (modes !== 1) fail(`job ${job} has ${modes} modes; only single-mode instances are supported`, index);
    if (successors.length !== count) fail(`job ${job} lists ${successors.length} successors, expected ${count}`, index);
    for (const successor of successors) {
      if (successor < 1 || successor > jobCount) fail(`job ${job} has an unknown successor ${successor}`, index);
      precedences.push({ before: job - 1, after: successor - 1 });
    }
  }

  const activities: Activity[] = [];
  for (const { index, values } of rows(/^\s*REQUESTS\/DURATIONS:/i, 'requests/durations')) {
    const [job, , duration, ...demand] = values;
    if (values.length !== 3 + renewable) fail(`job ${job} has ${values.length - 3} resource requests, expected ${renewable}`, index);
    activities.push({ id: String(job), duration, demand, release: 0, weight: 0 });
  }

  const availabilityTitle = find(/^\s*RESOURCEAVAILABILITIES:/i, 'the resource availabilities section');
  const availabilityLine = availabilityTitle + 2;
  if (availabilityLine >= lines.length) fail('missing the resource availabilities', availabilityTitle);
  const availabilities = integers(availabilityLine);
  if (availabilities.length !== renewable) fail(`found ${availabilities.length} resource availabilities, expected ${renewable}`, availabilityLine);

  const totalDuration = activities.reduce((sum, a) => sum + a.duration, 0);
  return {
    horizon: fileHorizon ?? totalDuration,
    resources: availabilities.map((capacity, r) => ({ id: `R${r + 1}`, capacity: [capacity] })),
    activities,
    precedences,
    objective: 'makespan',
  };
}
