import { queryDatabase } from '@capstan/testing';

const DAY = 86_400_000;

/** Monday of the current week (UTC): the earliest start sequencing plans from. */
export function thisMonday(): string {
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7))).toISOString().slice(0, 10);
}

/** The day `days` days after `date` (before it when negative). */
export function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The day `weeks` weeks after `date` (before it when negative). */
export function weeksFrom(date: string, weeks: number): string {
  return daysFrom(date, 7 * weeks);
}

interface StoredPlan {
  options: { startDate: string };
  inputs: { startDate: string };
  result: {
    startDate: string;
    waves: { start: string; end: string; underwaySince?: string }[];
    held: { waves: { startedOn?: string; finishedOn?: string }[] }[];
  };
}

/**
 * Moves a stored plan `weeks` weeks into the past, as if it had been computed (or published) then: the API
 * refuses to plan or publish weeks gone by, so a test makes time pass in the database.
 */
export async function backdatePlan(databaseUrl: string, planId: string, weeks: number): Promise<void> {
  const [plan] = await queryDatabase<StoredPlan>(databaseUrl, `SELECT options, inputs, result FROM sequencing.plans WHERE id = $1`, [planId]);
  if (!plan) throw new Error(`No plan ${planId} to backdate`);
  const back = (date: string) => weeksFrom(date, -weeks);
  const result = {
    ...plan.result,
    startDate: back(plan.result.startDate),
    waves: plan.result.waves.map((wave) => ({
      ...wave,
      start: back(wave.start),
      end: back(wave.end),
      ...(wave.underwaySince ? { underwaySince: back(wave.underwaySince) } : {}),
    })),
    held: plan.result.held.map((held) => ({
      ...held,
      waves: held.waves.map((wave) => ({
        ...wave,
        ...(wave.startedOn ? { startedOn: back(wave.startedOn) } : {}),
        ...(wave.finishedOn ? { finishedOn: back(wave.finishedOn) } : {}),
      })),
    })),
  };
  await queryDatabase(databaseUrl, `UPDATE sequencing.plans SET options = $2, inputs = $3, result = $4 WHERE id = $1`, [
    planId,
    JSON.stringify({ ...plan.options, startDate: back(plan.options.startDate) }),
    JSON.stringify({ ...plan.inputs, startDate: back(plan.inputs.startDate) }),
    JSON.stringify(result),
  ]);
}
