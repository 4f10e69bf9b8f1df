/** A scoring model is data; a version never changes once active. */
export interface ScoringModel {
  version: string;
  /** Every domain must score at least this for `authorize_deployment`. */
  domainThreshold: number;
  /** Points per evidence state. */
  points: { absent: number; partial: number; established: number };
  /** Minimum share of spend attributed from reliable sources before cost visibility counts. */
  minAttributedSpendShare: string;
}

export const DEFAULT_MODEL: ScoringModel = {
  version: 'default-1',
  domainThreshold: 70,
  points: { absent: 0, partial: 50, established: 100 },
  minAttributedSpendShare: '0.5',
};
