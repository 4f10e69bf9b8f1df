/** Authorization postures, from most to least restrictive. */
export const POSTURES = ['pause', 'controlled_investment', 'authorize_deployment'] as const;
export type Posture = (typeof POSTURES)[number];

export function isPosture(value: unknown): value is Posture {
  return typeof value === 'string' && (POSTURES as readonly string[]).includes(value);
}

/** Orders postures so that "never raises the posture" can be checked numerically. */
export function postureRank(posture: Posture): number {
  return POSTURES.indexOf(posture);
}
