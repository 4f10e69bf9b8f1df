import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { z } from 'zod';
import { rpcContract, subjectsFor } from '@capstan/contracts';
import { NatsClient, RpcClient, RpcError, RpcServer } from '@capstan/messaging';
import { createTestDatabase } from '@capstan/testing';

const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

/**
 * What a caller is told when a handler meets the database refusing its work for reasons of the moment rather than
 * of the request: a row of the same key written at the same moment is a conflict (409), not a failure of the service.
 */
describe('request/reply over database errors no handler expected', () => {
  const subjects = subjectsFor(`rpc${randomBytes(4).toString('hex')}`);
  const nats = new NatsClient({ url: NATS_URL, name: 'rpc-database-errors' });
  const contract = rpcContract('test.insert', z.object({ name: z.string() }), z.object({ ok: z.boolean() }));
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Client;
  let client: RpcClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    await db.query('CREATE TABLE rules (name text PRIMARY KEY)');
    await nats.connect();
    const server = new RpcServer(nats, subjects, 'test');
    server.handle(contract, async ({ name }) => {
      await db.query('INSERT INTO rules (name) VALUES ($1)', [name]);
      return { ok: true };
    });
    client = new RpcClient(nats, subjects, 10_000);
  });

  afterAll(async () => {
    await nats.close();
    await db?.end();
    await database?.drop();
  });

  it('should answer a unique key refusing the row as a conflict, saying nothing was changed', async () => {
    expect(await client.call(contract, { name: 'made at once' })).toEqual({ ok: true });
    const refused = await client.call(contract, { name: 'made at once' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RpcError);
    expect((refused as RpcError).code).toBe('conflict');
    expect((refused as RpcError).message).toContain('nothing was changed');
  });
});
