export const COST_CATEGORIES = [
  'inference',
  'infrastructure',
  'data',
  'monitoring',
  'support_staffing',
  'operating_controls',
  'other',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const COST_PHASES = ['pilot', 'production'] as const;
export type CostPhase = (typeof COST_PHASES)[number];
