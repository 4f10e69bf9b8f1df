// The demo portfolio `npm start` loads into an empty system: a few dozen AI
// initiatives across business units that compete for the same rollout capacity,
// at every stage of readiness — owners with gaps, evidence partial or expired.
import { readFileSync } from 'node:fs';
import { loadDemoRollouts } from './demo-rollouts.mjs';

export const DEMO_PORTFOLIO = JSON.parse(readFileSync(new URL('./demo-portfolio.json', import.meta.url), 'utf8'));

const RESPONSIBILITIES = ['accountable_owner', 'production_support', 'escalation_owner', 'approval_authority', 'budget_owner', 'risk_owner'];
const CRITERIA = [
  'ownership.long_term_accountability', 'ownership.production_support', 'ownership.escalation_paths',
  'governance.approval_pathways', 'governance.escalation_authority', 'governance.coordination',
  'sequencing.prioritization', 'sequencing.pacing', 'sequencing.dependencies',
  'economics.cost_visibility', 'economics.monitoring_overhead', 'economics.support_burden',
  'resilience.support_escalation', 'resilience.rollback', 'resilience.instability',
  'portfolio.priorities', 'portfolio.dependencies', 'portfolio.conflicts',
];
const PEOPLE = ['Ana Ruiz', 'Ben Okafor', 'Chloé Martin', 'Dev Patel', 'Eva Novak', 'Farid Haddad', 'Grace Liu', 'Hugo Berg'];
const TEAMS = { accountable_owner: 'Business Line', production_support: 'Platform Operations', escalation_owner: 'Service Management', approval_authority: 'AI Governance Board', budget_owner: 'Finance', risk_owner: 'Model Risk' };

/**
 * How ready a demo initiative is, by its stage, varied by its position so the
 * portfolio shows every posture and the gaps that hold each one back.
 */
function readinessOf(initiative, index) {
  const every = (n) => index % n === 0;
  if (initiative.stage === 'production') {
    const evidence = Object.fromEntries(CRITERIA.map((c) => [c, 'established']));
    if (every(3)) evidence['resilience.rollback'] = 'partial';
    return { owners: RESPONSIBILITIES, evidence, expiredApproval: every(5) };
  }
  if (initiative.stage === 'scaling') {
    const owners = ['accountable_owner', 'production_support', 'approval_authority', 'budget_owner'];
    if (every(2)) owners.push('escalation_owner');
    const evidence = { 'governance.approval_pathways': 'established', 'economics.cost_visibility': every(4) ? 'absent' : 'established' };
    for (const [i, criterion] of CRITERIA.entries()) evidence[criterion] ??= (i + index) % 3 === 0 ? 'established' : 'partial';
    return { owners, evidence, expiredApproval: false };
  }
  const owners = every(2) ? ['accountable_owner', 'budget_owner'] : ['accountable_owner'];
  return { owners, evidence: { 'ownership.long_term_accountability': 'partial', 'economics.cost_visibility': 'partial' }, expiredApproval: false };
}

const WEEKS = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];
/** Dependencies between demo initiatives, by position: [dependent, dependency]. */
const DEPENDENCIES = [[1, 0], [25, 0], [4, 2], [28, 2], [6, 8], [23, 8], [24, 5], [13, 14]];

/** Weekly operational telemetry: some initiatives settle, some show friction building. */
function telemetryOf(index, week) {
  const strained = index % 4 === 1;
  return {
    period: { kind: 'week', start: WEEKS[week] },
    supportTicketsOpened: 8 + ((index * 3 + week * (strained ? 4 : 1)) % 17),
    supportTicketsClosed: 8 + ((index * 3 + week) % 15),
    supportBacklog: strained ? 10 + week * 6 : Math.max(2, 14 - week * 2),
    incidents: strained && week > 3 ? 2 : index % 5 === 0 ? 1 : 0,
    crossTeamEscalations: strained ? Math.floor(week / 2) + 1 : 0,
    rollbacks: strained && week === 5 ? 1 : 0,
    approvalCycleTimeDays: strained ? 9 + week : 6 - (week % 3),
    scopeExpansions: week === 6 && index % 3 === 0 ? 1 : 0,
  };
}

/**
 * A fresh demo system scores with the shipped model's gates but a one-minute
 * hold period (instead of 14 days), so postures can be seen moving up once the
 * gates have held.
 */
async function activateDemoModel(call, headers, baseUrl) {
  const { items } = await fetch(`${baseUrl}/api/v1/scoring-models`, { headers }).then((r) => r.json());
  if (items.some((model) => model.version === 'demo-1')) return;
  const active = items.find((model) => model.status === 'active');
  await call('POST', '/scoring-models', { ...active.definition, version: 'demo-1', holdPeriodSeconds: 60 });
  await call('POST', '/scoring-models/demo-1/activate');
}

/** Three months of costs: metered inference and infrastructure; support staffing metered in production, estimated while scaling. */
async function recordCosts(call, initiativeId, initiative, index) {
  const now = new Date();
  for (let back = 3; back >= 1; back--) {
    const chargeDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 28)).toISOString().slice(0, 10);
    const grow = 4 - back;
    const entries = [
      ['inference', 'metered', `${1200 + index * 37 + grow * 180}.${String(index % 100).padStart(2, '0')}`],
      ['infrastructure', 'metered', `${800 + index * 11}.50`],
      ['support_staffing', initiative.stage === 'production' ? 'metered' : 'manual', `${index % 4 === 1 ? 2600 + grow * 400 : 900}.00`],
    ];
    for (const [category, source, amount] of entries) {
      // Cost tracking learns of a new initiative from intake's event: wait for it briefly.
      for (let attempt = 0; ; attempt++) {
        try {
          await call('POST', '/cost-entries', { initiativeId, chargeDate, category, phase: initiative.stage === 'pilot' ? 'pilot' : 'production', amount, currency: 'EUR', source });
          break;
        } catch (error) {
          if (attempt > 50 || !String(error).includes('422')) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }
  }
}

/**
 * Loads the demo portfolio into a registry that holds no initiative at all (archived ones count: one archived
 * by hand is not brought back); returns how many it added, 0 when the registry was not empty.
 */
export async function loadDemoPortfolio(baseUrl, token) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const call = async (method, path, body) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, { method, headers, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`Demo data: ${method} ${path} failed: ${response.status} ${await response.text()}`);
    return response.json();
  };
  // An answer that is not a list (a 503 while a service starts) must not read as an empty registry, or all is added again.
  const { items } = await call('GET', '/initiatives?limit=1&includeArchived=true');
  if (items.length > 0) return 0;
  await activateDemoModel(call, headers, baseUrl);
  let added = 0;
  const ids = [];
  for (const [index, initiative] of DEMO_PORTFOLIO.initiatives.entries()) {
    const { id } = await call('POST', '/initiatives', initiative);
    ids[index] = id;
    const readiness = readinessOf(initiative, index);
    for (const [i, responsibility] of readiness.owners.entries()) {
      await call('PUT', `/initiatives/${id}/owners/${responsibility}`, {
        person: PEOPLE[(index + i) % PEOPLE.length],
        team: `${initiative.businessUnit} ${TEAMS[responsibility]}`,
      });
    }
    for (const [criterion, status] of Object.entries(readiness.evidence)) {
      await call('PUT', `/initiatives/${id}/criteria/${criterion}`, {
        status,
        evidence: `Demo evidence for ${criterion}`,
        attestedBy: `${initiative.businessUnit} COO office`,
        ...(criterion === 'governance.approval_pathways' && readiness.expiredApproval
          ? { attestedAt: '2025-09-30', expiresAt: '2026-09-30' }
          : { expiresAt: null }),
      });
    }
    if (initiative.stage !== 'pilot') {
      for (let week = 0; week < WEEKS.length; week++) await call('POST', `/initiatives/${id}/telemetry`, telemetryOf(index, week));
      await recordCosts(call, id, initiative, index);
    }
    added++;
  }
  for (const [dependent, dependency] of DEPENDENCIES) {
    if (ids[dependent] && ids[dependency]) {
      await call('POST', `/initiatives/${ids[dependent]}/dependencies`, { dependsOn: ids[dependency], note: 'Shares the platform it builds' });
    }
  }
  for (const [index, initiative] of DEMO_PORTFOLIO.initiatives.entries()) {
    if (!ids[index]) continue;
    if (initiative.stage === 'production' && index % 2 === 0) {
      await call('POST', `/initiatives/${ids[index]}/decisions`, { decision: 'authorize_deployment', rationale: 'Production accountability and cost tracking are established.' });
    } else if (initiative.stage === 'scaling' && index % 3 === 0) {
      await call('POST', `/initiatives/${ids[index]}/decisions`, {
        decision: 'controlled_investment',
        rationale: 'Continue in a bounded scope while support staffing stabilizes.',
        scopeEnvelope: { businessUnits: [initiative.businessUnit], users: 250 + index * 10, monthlySpendCap: `${(12 + index) * 1000}.00`, currency: 'EUR' },
      });
    } else if (initiative.stage === 'pilot' && index % 7 === 0) {
      await call('POST', `/initiatives/${ids[index]}/decisions`, { decision: 'pause', rationale: 'No approval authority named yet.' });
    }
  }
  if (added > 0) await loadDemoRollouts(call, ids, DEMO_PORTFOLIO.initiatives);
  return added;
}
