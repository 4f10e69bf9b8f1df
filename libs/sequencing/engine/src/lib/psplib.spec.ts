import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { violationsOf } from './feasibility';
import { parsePsplibSm, PsplibFormatError } from './psplib';
import { solve } from './solve';

const fixture = readFileSync(join(__dirname, 'fixtures', 'j301_1.sm'), 'utf8');

describe('parsePsplibSm', () => {
  it('reads jobs, resources, precedences and durations', () => {
    const problem = parsePsplibSm(fixture);
    expect(problem.objective).toBe('makespan');
    expect(problem.horizon).toBe(158);
    expect(problem.activities).toHaveLength(32);
    expect(problem.resources).toEqual([
      { id: 'R1', capacity: [12] },
      { id: 'R2', capacity: [13] },
      { id: 'R3', capacity: [4] },
      { id: 'R4', capacity: [12] },
    ]);
    expect(problem.activities[1]).toMatchObject({ id: '2', duration: 8, demand: [4, 0, 0, 0], release: 0 });
    expect(problem.activities[31]).toMatchObject({ id: '32', duration: 0 });
    expect(problem.precedences.filter((p) => p.before === 0).map((p) => p.after)).toEqual([1, 2, 3]);
    expect(problem.precedences).toHaveLength(48);
  });

  it('is solved to its known optimum, 43', () => {
    const problem = parsePsplibSm(fixture);
    const solution = solve(problem, { maxSchedules: 20_000 });
    expect(violationsOf(problem, solution.starts)).toEqual([]);
    expect(solution.makespan).toBe(43);
  });

  it('says which line is malformed', () => {
    const broken = fixture.replace(/^( {3}2 {8}1 {10})3/m, '$14');
    expect(() => parsePsplibSm(broken)).toThrow(PsplibFormatError);
    expect(() => parsePsplibSm(broken)).toThrow(/^line 20: job 2 lists 3 successors, expected 4/);
    expect(() => parsePsplibSm(fixture.replace(' 10      1     7', ' 10      1     x'))).toThrow(/^line \d+: expected integers, found "x"/);
    expect(() => parsePsplibSm('nothing here')).toThrow(/missing the number of jobs/);
  });
});
