import type { CriterionId, EvidenceStatus, Responsibility } from '@capstan/domain';

export interface OwnerInput {
  person: string;
  team: string;
}

export interface EvidenceInput {
  status: EvidenceStatus;
  attestedAt: string;
  /** ISO timestamp; evidence past it counts as absent. */
  expiresAt: string | null;
}

/** Everything scoring knows about one initiative at a moment. */
export interface ScoringInputs {
  initiativeId: string;
  owners: Partial<Record<Responsibility, OwnerInput>>;
  evidence: Partial<Record<CriterionId, EvidenceInput>>;
  /** Measured by cost-tracking: share of recorded spend attributed from reliable sources, "0".."1". */
  attributedSpendShare?: string;
}

export function emptyInputs(initiativeId: string): ScoringInputs {
  return { initiativeId, owners: {}, evidence: {} };
}
