import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { ApiClient, pollUntil, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

const ROOT = resolve(__dirname, '../../..');

/** The audit trail's hash chain, and `npm run audit:verify` finding what was changed or deleted behind the services' back. */
describe('the tamper-evident audit trail', () => {
  let context: TestSystem;
  let database: Client;

  const verify = () =>
    promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'tools/audit/verify-audit.ts', '--database-url', context.databaseUrl], {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.typecheck.json' },
    }).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code: number; stderr: string }) => ({ code: error.code, output: error.stderr }),
    );
  /** As a database superuser could: with triggers off. */
  const behindTheBack = async (sql: string) => {
    await database.query(`SET session_replication_role = replica`);
    await database.query(sql);
    await database.query(`SET session_replication_role = origin`);
  };

  beforeAll(async () => {
    context = await startTestSystem(ROOT, { AUDIT_SEAL_INTERVAL_MS: '200' });
    database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
    const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo'], 'auditor-test'));
    for (const name of ['Chained one', 'Chained two', 'Chained three']) {
      const created = await pmo.post<{ id: string }>('/api/v1/initiatives', { name, businessUnit: 'Audit' });
      expect(created.status).toBe(201);
      expect((await pmo.request('PUT', `/api/v1/initiatives/${created.body.id}/owners/risk_owner`, { body: { person: 'Rita', team: 'Risk' } })).status).toBe(200);
    }
    await pollUntil(async () => (await database.query(`SELECT count(*)::int AS n FROM intake.audit_trail WHERE chain_seq IS NULL`)).rows[0].n === 0, {
      what: 'every audit record sealed',
    });
  });

  afterAll(async () => {
    await database?.end();
    await context?.teardown();
  });

  it('should refuse to change or delete a record through the database', async () => {
    await expect(database.query(`UPDATE intake.audit_trail SET actor = 'mallory' WHERE chain_seq = 1`)).rejects.toThrow(/append-only/);
    await expect(database.query(`DELETE FROM intake.audit_trail WHERE chain_seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('should verify the intact chain', async () => {
    const result = await verify();
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toMatch(/Audit trail intact: 6 sealed records verified/);
  }, 60_000);

  it('should name a record edited behind the trigger', async () => {
    const { rows } = await database.query<{ id: string }>(`SELECT id::text FROM intake.audit_trail WHERE chain_seq = 2`);
    await behindTheBack(`UPDATE intake.audit_trail SET actor = 'mallory' WHERE chain_seq = 2`);
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.output).toContain(`record ${rows[0].id} (chain position 2) was changed after it was sealed`);
    await behindTheBack(`UPDATE intake.audit_trail SET actor = 'auditor-test' WHERE chain_seq = 2`);
    expect((await verify()).code).toBe(0);
  }, 60_000);

  it('should find a deleted record', async () => {
    await behindTheBack(`DELETE FROM intake.audit_trail WHERE chain_seq = 4`);
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/records 4–4 of the chain are missing/);
    expect(result.output).toMatch(/chain position 5\) does not follow the record before it/);
  }, 60_000);
});
