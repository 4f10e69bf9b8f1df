import type { RolloutInput, RolloutView } from '@capstan/contracts';

type Wave = RolloutInput['waves'][number];

/** A wave as the form edits it: demand as "pool: units, …", dates as text (empty: none); the rest kept as it was. */
export interface WaveDraft {
  key: string;
  name: string;
  durationWeeks: number;
  demand: string;
  earliestStart: string;
  deadline: string;
  withinControlledScope: boolean;
  /** What the form does not edit (business unit, cost per week, links to other waves): sent back unchanged. */
  kept: Pick<Wave, 'costPerWeek' | 'after'> & { businessUnit?: string };
}

export interface RolloutDraft {
  value: string;
  waves: WaveDraft[];
}

/** The rollout as the form starts from: the one described, or one wave to fill in. */
export function toDraft(rollout: RolloutView | null): RolloutDraft {
  if (!rollout) return { value: '0', waves: [newWave(1)] };
  return {
    value: rollout.value,
    waves: rollout.waves.map((w) => ({
      key: w.key,
      name: w.name,
      durationWeeks: w.durationWeeks,
      demand: Object.entries(w.demand)
        .map(([pool, units]) => `${pool}: ${units}`)
        .join(', '),
      earliestStart: w.earliestStart ?? '',
      deadline: w.deadline ?? '',
      withinControlledScope: w.withinControlledScope,
      kept: { costPerWeek: w.costPerWeek, after: w.after, ...(w.businessUnit ? { businessUnit: w.businessUnit } : {}) },
    })),
  };
}

/** A new wave numbered after the others. */
export function newWave(n: number): WaveDraft {
  return { key: `w${n}`, name: '', durationWeeks: 4, demand: '', earliestStart: '', deadline: '', withinControlledScope: false, kept: { costPerWeek: '0', after: [] } };
}

/**
 * The draft as the API takes it, or what is wrong with it (the gateway checks
 * the rest: keys, dates, pools that exist). Demand reads "pool: units" pairs
 * separated by commas.
 */
export function toInput(draft: RolloutDraft): { input: RolloutInput } | { errors: string[] } {
  const errors: string[] = [];
  const waves = draft.waves.map((wave, n): Wave => {
    const demand: Record<string, number> = {};
    for (const part of wave.demand.split(',').map((p) => p.trim()).filter(Boolean)) {
      const match = /^([a-z][a-z0-9-]*)\s*:\s*(\d+)$/.exec(part);
      if (!match) errors.push(`Wave ${n + 1} (${wave.key || 'no key'}): demand "${part}" is not "pool: units", such as "platform: 2"`);
      else demand[match[1]] = Number(match[2]);
    }
    if (!Number.isInteger(wave.durationWeeks) || wave.durationWeeks < 1) errors.push(`Wave ${n + 1} (${wave.key || 'no key'}): weeks must be a whole number, at least 1`);
    return {
      ...wave.kept,
      key: wave.key.trim(),
      name: wave.name.trim(),
      durationWeeks: wave.durationWeeks,
      demand,
      earliestStart: wave.earliestStart || null,
      deadline: wave.deadline || null,
      withinControlledScope: wave.withinControlledScope,
    };
  });
  return errors.length ? { errors } : { input: { value: draft.value.trim() || '0', waves } };
}
