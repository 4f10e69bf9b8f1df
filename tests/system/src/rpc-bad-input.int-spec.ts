import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { rpcContract, subjectsFor } from '@capstan/contracts';
import { NatsClient, RpcClient, RpcError, RpcServer } from '@capstan/messaging';

const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

/** A request a service cannot take is answered with a typed error naming the field, and the handler never runs. */
describe('request/reply with bad input', () => {
  const subjects = subjectsFor(`rpc${randomBytes(4).toString('hex')}`);
  const nats = new NatsClient({ url: NATS_URL, name: 'rpc-bad-input' });
  const contract = rpcContract(
    'test.windows',
    z.object({ unit: z.string().min(1), windows: z.array(z.object({ reason: z.string() })) }).strict(),
    z.object({ stored: z.number().int() }),
  );
  const handled: unknown[] = [];
  let client: RpcClient;

  beforeAll(async () => {
    await nats.connect();
    new RpcServer(nats, subjects, 'test').handle(contract, async (request) => {
      handled.push(request);
      return { stored: request.windows.length };
    });
    client = new RpcClient(nats, subjects, 10_000);
  });

  beforeEach(() => {
    handled.length = 0;
  });

  afterAll(async () => {
    await nats.close();
  });

  const failureOf = (request: unknown) =>
    client.call(contract, request as z.input<typeof contract.request>).then(
      () => undefined,
      (error: unknown) => (error instanceof RpcError ? error.toBody() : error),
    );

  it('should refuse text Postgres cannot store (U+0000, a lone surrogate) anywhere in a request, naming where, before the handler runs', async () => {
    expect(await failureOf({ unit: 'Retail', windows: [{ reason: 'ok' }, { reason: 'quarter\u0000end' }] })).toEqual({
      code: 'validation_failed',
      message: 'Invalid test.windows request',
      errors: [{ field: 'windows.1.reason', message: 'Must not contain the NUL character (U+0000)' }],
    });
    expect(await failureOf({ unit: 'Retail', windows: [], 'x\u0000': 1 })).toMatchObject({ code: 'validation_failed', errors: [{ field: 'x\\u0000' }] });
    expect(await failureOf({ unit: 'Retail \ud800', windows: [] })).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'unit', message: 'Must be well-formed Unicode (it holds half of a surrogate pair)' }],
    });
    expect(handled).toEqual([]);
  });

  it('should refuse what the schema does not take, field by field, and answer what it does', async () => {
    expect(await failureOf({ unit: '', windows: [{}] })).toEqual({
      code: 'validation_failed',
      message: 'Invalid test.windows request',
      errors: [
        { field: 'unit', message: expect.any(String) },
        { field: 'windows.0.reason', message: expect.any(String) },
      ],
    });
    expect(handled).toEqual([]);
    await expect(client.call(contract, { unit: 'Retail', windows: [{ reason: 'quarter end' }] })).resolves.toEqual({ stored: 1 });
    expect(handled).toHaveLength(1);
  });

  it('should answer a request that is not JSON with a typed error', async () => {
    const reply = await nats.nc.request(subjects.rpc(contract.name), new TextEncoder().encode('{not json'), { timeout: 10_000 });
    expect(JSON.parse(new TextDecoder().decode(reply.data))).toEqual({ ok: false, error: { code: 'validation_failed', message: 'The request is not valid JSON' } });
  });
});
