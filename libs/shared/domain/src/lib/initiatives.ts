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

/** The organisation's role for the AI system under the EU AI Act. */
export const OPERATOR_ROLES = ['provider', 'deployer', 'importer', 'distributor', 'product_manufacturer', 'authorised_representative'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const DATA_SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted'] as const;
export type DataSensitivity = (typeof DATA_SENSITIVITIES)[number];
