import type { Responsibility } from '@capstan/domain';
import { DEFAULT_PATTERN_PARAMETERS, type PatternParameters } from './patterns';

/** A scoring model is data; a version never changes once active. */
export interface ScoringModel {
  version: string;
  /** Every domain must score at least this for `authorize_deployment`. */
  domainThreshold: number;
  /** Points per evidence state. */
  points: { absent: number; partial: number; established: number };
  /** Minimum share of spend attributed from reliable sources before cost visibility counts. */
  minAttributedSpendShare: string;
  /**
   * How long every gate of `authorize_deployment` must hold before the posture
   * moves up (hysteresis); a failing gate moves it down at once.
   */
  holdPeriodSeconds: number;
  /** Responsibilities without which an initiative is paused. */
  pauseUnlessOwned: Responsibility[];
  /** `authorize_deployment` needs actual cost data recorded for the latest closed month. */
  requireLatestClosedMonthCosts: boolean;
  /**
   * Days into a month during which the month before last still counts as the
   * latest closed one: a billing export for a month arrives days after it
   * ends, and an authorized initiative should not drop every month meanwhile.
   */
  closedMonthGraceDays: number;
  patterns: PatternParameters;
}

export const DEFAULT_MODEL: ScoringModel = {
  version: 'default-3',
  domainThreshold: 70,
  points: { absent: 0, partial: 50, established: 100 },
  minAttributedSpendShare: '0.5',
  holdPeriodSeconds: 14 * 24 * 60 * 60,
  pauseUnlessOwned: ['approval_authority', 'accountable_owner', 'production_support'],
  requireLatestClosedMonthCosts: true,
  closedMonthGraceDays: 10,
  patterns: DEFAULT_PATTERN_PARAMETERS,
};
