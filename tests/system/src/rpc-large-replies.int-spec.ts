import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { rpcContract, subjectsFor } from '@capstan/contracts';
import { COMPRESS_REPLIES_OVER_BYTES, NatsClient, RpcClient, RpcServer } from '@capstan/messaging';

const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

/** A reply several times NATS's 1 MiB message limit (a large plan, say) still reaches the caller whole. */
describe('request/reply with large answers', () => {
  const subjects = subjectsFor(`rpc${randomBytes(4).toString('hex')}`);
  const nats = new NatsClient({ url: NATS_URL, name: 'rpc-large-replies' });
  const rows = z.object({ count: z.number().int() });
  const contract = rpcContract('test.rows', rows, z.object({ rows: z.array(z.object({ id: z.number(), text: z.string() })) }));
  let client: RpcClient;

  beforeAll(async () => {
    await nats.connect();
    const server = new RpcServer(nats, subjects, 'test');
    // Repetitive, like real JSON: it compresses well.
    server.handle(contract, async ({ count }) => ({ rows: Array.from({ length: count }, (_, id) => ({ id, text: `wave ${id % 50} waits for platform capacity in week ${id % 52}` })) }));
    client = new RpcClient(nats, subjects, 10_000);
  });

  afterAll(async () => {
    await nats.close();
  });

  it('should carry a small answer as it is and a 5 MB answer compressed, both intact', async () => {
    const small = await client.call(contract, { count: 10 });
    expect(small.rows).toHaveLength(10);
    const large = await client.call(contract, { count: 80_000 });
    expect(JSON.stringify(large).length).toBeGreaterThan(5 * 1024 * 1024);
    expect(JSON.stringify(large).length).toBeGreaterThan(COMPRESS_REPLIES_OVER_BYTES);
    expect(large.rows[79_999]).toEqual({ id: 79_999, text: 'wave 49 waits for platform capacity in week 23' });
  });
});
