// The demo portfolio `npm start` loads into an empty system: a few dozen AI
// initiatives across business units that compete for the same rollout capacity.
import { readFileSync } from 'node:fs';

export const DEMO_PORTFOLIO = JSON.parse(readFileSync(new URL('./demo-portfolio.json', import.meta.url), 'utf8'));

/** Registers the demo initiatives the system does not hold yet (by name); returns how many it added. */
export async function loadDemoPortfolio(baseUrl, token) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const existing = await fetch(`${baseUrl}/api/v1/initiatives?limit=500`, { headers }).then((r) => r.json());
  const present = new Set((existing.items ?? []).map((item) => item.name));
  let added = 0;
  for (const [index, initiative] of DEMO_PORTFOLIO.initiatives.entries()) {
    if (present.has(initiative.name)) continue;
    const response = await fetch(`${baseUrl}/api/v1/initiatives`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': `demo-${index}` },
      body: JSON.stringify(initiative),
    });
    if (response.status !== 201) throw new Error(`Loading demo initiative "${initiative.name}" failed: ${response.status} ${await response.text()}`);
    added++;
  }
  return added;
}
