// Rollout planning for the demo portfolio: shared capacity pools (with a
// holiday dip), a freeze window, a quarterly rollout budget, and waves per
// initiative — its own business unit first, then a second unit that competes
// for the same pools — so the plan has contests to explain.

const POOLS = {
  'deployment-engineering': { name: 'Deployment engineering', capacityPerWeek: 6 },
  platform: { name: 'AI platform team', capacityPerWeek: 5 },
  'change-management': { name: 'Change management', capacityPerWeek: 4 },
  'support-onboarding': { name: 'Support onboarding', capacityPerWeek: 3 },
};
const UNITS = ['Operations', 'Retail Banking', 'Payments', 'Insurance', 'Commercial Banking', 'Wealth Management', 'People & HR'];

function mondayOfThisWeek() {
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7)));
}

const isoDay = (date, days = 0) => new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);

function rolloutOf(initiative, index) {
  const otherUnit = UNITS[(UNITS.indexOf(initiative.businessUnit) + 1 + (index % 3)) % UNITS.length];
  const waves = [
    {
      key: 'first-unit',
      name: `${initiative.businessUnit}: first teams`,
      durationWeeks: 3 + (index % 4),
      demand: { 'deployment-engineering': 2 + (index % 2), platform: 1 + (index % 3 === 0 ? 1 : 0), 'support-onboarding': 1 },
      costPerWeek: `${8 + (index % 5) * 2}000.00`,
      withinControlledScope: true,
    },
    {
      key: 'whole-unit',
      name: `${initiative.businessUnit}: whole unit`,
      durationWeeks: 4 + (index % 3),
      demand: { 'deployment-engineering': 2, 'change-management': 2, 'support-onboarding': 1 },
      costPerWeek: `${12 + (index % 4) * 3}000.00`,
      after: [{ wave: 'first-unit', lagWeeks: 1 }],
    },
  ];
  if (index % 3 !== 2) {
    waves.push({
      key: 'second-unit',
      name: `${otherUnit}`,
      businessUnit: otherUnit,
      durationWeeks: 5,
      demand: { 'deployment-engineering': 3, 'change-management': 2, platform: 1 },
      costPerWeek: '15000.00',
      ...(index % 5 === 0 ? { deadline: isoDay(mondayOfThisWeek(), 7 * 30) } : {}),
      after: [{ wave: 'whole-unit' }],
    });
  }
  return { value: `${(36 - index) * 125_000 + (index % 7) * 40_000}.00`, waves };
}

/** Pools, freeze windows, a budget and each new initiative's rollout; then a draft plan, published as version 1. */
export async function loadDemoRollouts(call, ids, initiatives) {
  const monday = mondayOfThisWeek();
  for (const [id, pool] of Object.entries(POOLS)) {
    const adjustments = [{ from: `${monday.getUTCFullYear()}-12-21`, to: `${monday.getUTCFullYear() + 1}-01-03`, capacity: Math.floor(pool.capacityPerWeek / 2), reason: 'year-end holidays' }];
    await call('PUT', `/capacity-pools/${id}`, { ...pool, adjustments });
  }
  await call('PUT', `/business-units/${encodeURIComponent('Retail Banking')}/freeze-windows`, {
    windows: [{ from: isoDay(monday, 7 * 8), to: isoDay(monday, 7 * 10 - 1), reason: 'core banking release freeze' }],
  });
  const quarter = `${monday.getUTCFullYear() + 1}-Q1`;
  await call('PUT', `/rollout-budgets/${quarter}`, { amount: '2400000.00' });
  for (const [index, initiative] of initiatives.entries()) {
    if (!ids[index]) continue;
    // Sequencing learns of a new initiative from intake's event: wait for it briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await call('PUT', `/initiatives/${ids[index]}/rollout`, rolloutOf(initiative, index));
        break;
      } catch (error) {
        if (attempt > 50 || !String(error).includes('422')) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  // Finance's budgets for this month: capital committed — ahead of readiness where the posture is not authorized.
  const month = isoDay(monday).slice(0, 7);
  for (const [index, initiative] of initiatives.entries()) {
    if (!ids[index] || initiative.stage === 'pilot') continue;
    await call('PUT', '/budgets', { initiativeId: ids[index], period: month, category: 'inference', amount: `${(20 + index) * 1500}.00`, currency: 'EUR' });
  }
  const draft = await call('POST', '/plans', { startDate: isoDay(monday), timeLimitMs: 3000 });
  await call('POST', `/plans/${draft.id}/publish`);
}
