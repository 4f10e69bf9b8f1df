/**
 * npm run audit:verify [-- --database-url postgres://…]
 *
 * Checks intake's audit trail against its hash chain, reading the database
 * directly (not through the services it audits): every sealed record must
 * hash to what is stored and link to the one before it, with no gap. Prints
 * the count and exits 0, or lists what was changed or deleted and exits 1.
 */
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { verifyChain } from '../../apps/intake/src/app/audit/audit-chain';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'database-url': { type: 'string' } } });
  const url = values['database-url'] ?? process.env['DATABASE_URL'];
  if (!url) {
    console.error('audit:verify reads Postgres directly: set DATABASE_URL or pass --database-url (the embedded database of npm start is not reachable from outside).');
    return 2;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const report = await verifyChain(async (sql, params) => (await client.query(sql, params)).rows as Record<string, unknown>[]);
    if (report.problems.length) {
      console.error(`The audit trail has been tampered with (${report.sealed} sealed records checked):\n- ${report.problems.join('\n- ')}`);
      return 1;
    }
    console.log(`Audit trail intact: ${report.sealed} sealed records verified; ${report.pending} not sealed yet.`);
    return 0;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
