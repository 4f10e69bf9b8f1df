/** Responsibilities an initiative needs a named owner (person and team) for. */
export const RESPONSIBILITIES = [
  'accountable_owner',
  'production_support',
  'escalation_owner',
  'approval_authority',
  'budget_owner',
  'risk_owner',
] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

export function isResponsibility(value: unknown): value is Responsibility {
  return typeof value === 'string' && (RESPONSIBILITIES as readonly string[]).includes(value);
}
