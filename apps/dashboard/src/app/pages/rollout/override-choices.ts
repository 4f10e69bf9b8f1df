import type { PlanOverrideView, PlanView } from '@capstan/contracts';

export interface PlanChoices {
  /** Initiatives in the plan, scheduled (with their priority) or held, by key. */
  initiatives: { id: string; label: string }[];
  wavesByInitiative: Map<string, { key: string; label: string }[]>;
  /** "KEY name" by initiative id. */
  names: Map<string, string>;
}

/** What an override or a what-if can name: the plan's initiatives (held ones too) and their waves. */
export function planChoices(plan: Pick<PlanView, 'waves' | 'held'>): PlanChoices {
  const names = new Map<string, string>();
  const wavesByInitiative = new Map<string, { key: string; label: string }[]>();
  const addWave = (initiativeId: string, key: string, label: string) => {
    const waves = wavesByInitiative.get(initiativeId) ?? [];
    if (!waves.some((w) => w.key === key)) waves.push({ key, label });
    wavesByInitiative.set(initiativeId, waves);
  };
  for (const w of plan.waves) {
    names.set(w.initiativeId, `${w.initiativeKey} ${w.initiativeName}`);
    addWave(w.initiativeId, w.wave, `${w.wave} — ${w.name}`);
  }
  for (const h of plan.held) {
    names.set(h.initiativeId, `${h.initiativeKey} ${h.name}`);
    for (const w of h.waves) addWave(h.initiativeId, w.wave, `${w.wave} (held)`);
  }
  const priorities = new Map(plan.waves.map((w) => [w.initiativeId, w.priority]));
  const initiatives = [...names]
    .map(([id, name]) => ({ id, label: `${name} (${priorities.has(id) ? `priority ${priorities.get(id)}` : 'held'})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { initiatives, wavesByInitiative, names };
}

/** An override in words, initiatives by key and name (by id when the plan does not have them). */
export function describeOverride(override: PlanOverrideView['override'], { names }: Pick<PlanChoices, 'names'>): string {
  const name = (id: string) => names.get(id) ?? id;
  switch (override.kind) {
    case 'priority':
      return `${name(override.initiativeId)}: priority ${override.priority}`;
    case 'pin':
      return `${name(override.initiativeId)} ${override.wave} starts on ${override.start}`;
    case 'order':
      return `${name(override.first)} before ${name(override.then)}`;
  }
}

/**
 * What a select's model should hold once its options change: `current` while it is still offered, else the option
 * at `fallback` (else the first; '' when none is). A select shows only what it offers, so a model holding anything
 * else would send what is not on screen.
 */
export function offeredChoice(current: string, offered: readonly string[], fallback = 0): string {
  return offered.includes(current) ? current : (offered[fallback] ?? offered[0] ?? '');
}
