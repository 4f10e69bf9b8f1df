import type { Role } from '@capstan/domain';

export const ALL: readonly Role[] = ['admin', 'pmo', 'finance', 'engineering', 'viewer'];

/**
 * Who may call what: the expected answer for every operation of the API,
 * written out here rather than read from the code, so that a changed role on
 * a route, or a new route nobody placed in the matrix, fails
 * role-matrix.int-spec, and the README's table saying otherwise fails
 * readme-roles.spec.
 * `admin` may do whatever any role may.
 */
export const MATRIX: Record<string, readonly Role[] | 'public'> = {
  'GET /api/v1/health': 'public',
  'GET /api/v1/auth/config': 'public',
  'GET /api/v1/auth/me': ALL,
  'GET /api/v1/events': ALL,
  'GET /api/v1/audit': ALL,
  'POST /api/v1/admin/evidence-sweeps': ['admin'],

  'POST /api/v1/initiatives': ['admin', 'pmo'],
  'GET /api/v1/initiatives': ALL,
  'GET /api/v1/initiatives/export': ALL,
  'GET /api/v1/initiatives/{id}': ALL,
  'PATCH /api/v1/initiatives/{id}': ['admin', 'pmo'],
  'PUT /api/v1/initiatives/{id}/owners/{responsibility}': ['admin', 'pmo'],
  'PUT /api/v1/initiatives/{id}/criteria/{criterionId}': ['admin', 'pmo', 'engineering'],
  'POST /api/v1/initiatives/{id}/archive': ['admin', 'pmo'],
  'POST /api/v1/initiatives/{id}/dependencies': ['admin', 'pmo'],
  // Others only with the `committee` capability, which these tokens do not carry.
  'POST /api/v1/initiatives/{id}/decisions': ['admin'],
  'POST /api/v1/initiatives/{id}/telemetry': ['admin', 'pmo', 'engineering'],
  'GET /api/v1/initiatives/{id}/audit': ALL,
  'GET /api/v1/initiatives/{id}/telemetry': ALL,
  'POST /api/v1/initiative-imports': ['admin', 'pmo'],
  'GET /api/v1/initiative-imports/{id}': ALL,
  'POST /api/v1/telemetry-imports': ['admin', 'pmo', 'engineering'],
  'GET /api/v1/telemetry-imports/{id}': ALL,

  'GET /api/v1/scoring-models': ALL,
  'POST /api/v1/scoring-models': ['admin'],
  'POST /api/v1/scoring-models/{version}/dry-run': ['admin', 'pmo'],
  'POST /api/v1/scoring-models/{version}/activate': ['admin'],
  'GET /api/v1/initiatives/{id}/posture': ALL,
  'GET /api/v1/portfolio/readiness': ALL,
  'GET /api/v1/portfolio/trends': ALL,

  'POST /api/v1/cost-entries': ['admin', 'finance', 'engineering'],
  'POST /api/v1/cost-entries/{id}/reversal': ['admin', 'finance'],
  'PUT /api/v1/budgets': ['admin', 'finance'],
  'POST /api/v1/fx-rates': ['admin', 'finance'],
  'GET /api/v1/fx-rates': ALL,
  'POST /api/v1/token-prices/{model}': ['admin', 'finance'],
  'GET /api/v1/token-prices/{model}': ALL,
  'POST /api/v1/token-prices/{model}/repricing': ['admin', 'finance'],
  'POST /api/v1/token-usage': ['admin', 'finance', 'engineering'],
  'GET /api/v1/budgets': ALL,
  'GET /api/v1/costs/summary': ALL,
  'PUT /api/v1/business-volumes': ['admin', 'finance', 'engineering'],
  'GET /api/v1/initiatives/{id}/unit-costs': ALL,
  'GET /api/v1/initiatives/{id}/forecast': ALL,
  'POST /api/v1/cost-imports': ['admin', 'finance'],
  'GET /api/v1/cost-imports/{id}': ALL,
  'POST /api/v1/allocation-rules': ['admin', 'finance'],
  'GET /api/v1/allocation-rules': ALL,
  'POST /api/v1/allocation-rules/{id}/retirement': ['admin', 'finance'],

  'PUT /api/v1/capacity-pools/{id}': ['admin', 'pmo'],
  'GET /api/v1/capacity-pools': ALL,
  'PUT /api/v1/initiatives/{id}/rollout': ['admin', 'pmo'],
  'GET /api/v1/initiatives/{id}/rollout': ALL,
  'PUT /api/v1/business-units/{businessUnit}/freeze-windows': ['admin', 'pmo'],
  'PUT /api/v1/rollout-budgets/{quarter}': ['admin', 'finance'],
  'GET /api/v1/rollout-budgets': ALL,
  'POST /api/v1/plan-overrides': ['admin', 'pmo'],
  'GET /api/v1/plan-overrides': ALL,
  'POST /api/v1/plan-overrides/{id}/revocation': ['admin', 'pmo'],
  'POST /api/v1/plans': ['admin', 'pmo'],
  'GET /api/v1/plans': ALL,
  'GET /api/v1/plans/current': ALL,
  'GET /api/v1/plans/{id}': ALL,
  'GET /api/v1/plans/{id}/contests': ALL,
  'GET /api/v1/plans/{id}/diff': ALL,
  'POST /api/v1/plans/{id}/publish': ['admin', 'pmo'],
  'POST /api/v1/scenarios': ['admin', 'pmo'],
  'GET /api/v1/scenarios/{id}': ALL,
  'GET /api/v1/scenarios/{id}/diff': ALL,
  'POST /api/v1/scenarios/{id}/promotion': ['admin', 'pmo'],

  'POST /api/v1/service-accounts': ['admin'],
  'GET /api/v1/service-accounts': ['admin'],
  'POST /api/v1/service-accounts/{id}/revocation': ['admin'],
  'POST /api/v1/webhooks': ['admin'],
  'GET /api/v1/webhooks': ['admin'],
  'POST /api/v1/webhooks/{id}/deactivation': ['admin'],
  'GET /api/v1/webhooks/{id}/deliveries': ['admin'],
  'GET /api/v1/webhooks/{id}/deliveries/{deliveryId}': ['admin'],
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay': ['admin'],
};
