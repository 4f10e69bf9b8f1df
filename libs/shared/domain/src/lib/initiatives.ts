export const INITIATIVE_STAGES = ['pilot', 'scaling', 'production', 'retired'] as const;
export type InitiativeStage = (typeof INITIATIVE_STAGES)[number];

/** EU AI Act risk tiers. */
export const RISK_TIERS = ['minimal', 'limited', 'high', 'prohibited'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

/** Human-readable initiative keys: `AI-0042`. */
export const INITIATIVE_KEY_PATTERN = /^AI-\d{4,}$/;

export function formatInitiativeKey(sequence: number): string {
  return `AI-${String(sequence).padStart(4, '0')}`;
}
