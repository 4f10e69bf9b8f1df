import type { AuditEntry } from '@capstan/contracts';
import type { Posture } from '@capstan/domain';

export interface CommitteeDecision {
  auditId: string;
  initiativeId: string;
  decision: Posture;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
}

/** A committee decision as its audit record tells it (`decision.*` fields). */
export function decisionOf(entry: AuditEntry): CommitteeDecision | null {
  const field = (name: string) => entry.changes.find((change) => change.field === `decision.${name}`)?.to;
  const decision = field('decision');
  if (typeof decision !== 'string') return null;
  return {
    auditId: entry.id,
    initiativeId: entry.initiativeId,
    decision: decision as Posture,
    rationale: String(field('rationale') ?? ''),
    decidedBy: entry.actor,
    decidedAt: entry.at,
  };
}

/** The last instant of a calendar day where the user is (a decision at 8 pm in New York is of that day). */
export function endOfLocalDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(new Date(year, month - 1, date + 1).getTime() - 1).toISOString();
}

/** Each initiative's latest decision made by the end of `asOf` (the user's day), newest first; all of them when no date is given. */
export function latestDecisions(decisions: CommitteeDecision[], asOf?: string): CommitteeDecision[] {
  const cutoff = asOf ? endOfLocalDay(asOf) : undefined;
  const latest = new Map<string, CommitteeDecision>();
  for (const decision of decisions) {
    if (cutoff && new Date(decision.decidedAt).toISOString() > cutoff) continue;
    const known = latest.get(decision.initiativeId);
    if (!known || known.decidedAt < decision.decidedAt) latest.set(decision.initiativeId, decision);
  }
  return [...latest.values()].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
}
