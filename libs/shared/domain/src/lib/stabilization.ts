/** The six stabilization domains and their eighteen criteria, as named in the product brief. */
export const STABILIZATION_DOMAINS = {
  ownership: {
    title: 'Operational Ownership',
    criteria: {
      'ownership.long_term_accountability': 'long-term accountability defined',
      'ownership.production_support': 'production support responsibilities established',
      'ownership.escalation_paths': 'cross-functional escalation paths stabilized',
    },
  },
  governance: {
    title: 'Governance Continuity',
    criteria: {
      'governance.approval_pathways': 'approval pathways formalized',
      'governance.escalation_authority': 'escalation authority defined',
      'governance.coordination': 'governance coordination stabilized',
    },
  },
  sequencing: {
    title: 'Deployment Sequencing',
    criteria: {
      'sequencing.prioritization': 'rollout prioritization aligned',
      'sequencing.pacing': 'deployment pacing controlled',
      'sequencing.dependencies': 'dependency coordination stabilized',
    },
  },
  economics: {
    title: 'Production Economics',
    criteria: {
      'economics.cost_visibility': 'cost visibility reliable',
      'economics.monitoring_overhead': 'monitoring overhead understood',
      'economics.support_burden': 'operational support burden sustainable',
    },
  },
  resilience: {
    title: 'Operational Resilience',
    criteria: {
      'resilience.support_escalation': 'support escalation manageable',
      'resilience.rollback': 'rollback conditions understood',
      'resilience.instability': 'deployment instability contained',
    },
  },
  portfolio: {
    title: 'Portfolio Coordination',
    criteria: {
      'portfolio.priorities': 'competing deployment priorities aligned',
      'portfolio.dependencies': 'operational dependencies visible',
      'portfolio.conflicts': 'rollout conflicts reduced',
    },
  },
} as const;

type Domains = typeof STABILIZATION_DOMAINS;
export type DomainId = keyof Domains;
export type CriterionId = { [D in DomainId]: keyof Domains[D]['criteria'] }[DomainId];

export const DOMAIN_IDS = Object.keys(STABILIZATION_DOMAINS) as DomainId[];

export const CRITERION_IDS: CriterionId[] = DOMAIN_IDS.flatMap(
  (domain) => Object.keys(STABILIZATION_DOMAINS[domain].criteria) as CriterionId[],
);

export function isCriterionId(value: unknown): value is CriterionId {
  return typeof value === 'string' && (CRITERION_IDS as string[]).includes(value);
}

export function domainOf(criterion: CriterionId): DomainId {
  return criterion.slice(0, criterion.indexOf('.')) as DomainId;
}

export function criterionTitle(criterion: CriterionId): string {
  const criteria: Record<string, string> = STABILIZATION_DOMAINS[domainOf(criterion)].criteria;
  return criteria[criterion];
}

export const EVIDENCE_STATUSES = ['absent', 'partial', 'established'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/**
 * Criteria engineering teams may attest from their own systems; the rest need
 * PMO (governance, ownership, portfolio and cost judgements).
 */
export const ENGINEERING_ATTESTABLE_CRITERIA: readonly CriterionId[] = [
  'sequencing.pacing',
  'sequencing.dependencies',
  'economics.monitoring_overhead',
  'economics.support_burden',
  'resilience.support_escalation',
  'resilience.rollback',
  'resilience.instability',
  'portfolio.dependencies',
];
