import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { CapstanProblem, createCapstanClient } from '@capstan/client';
import { pollUntil, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

const ROOT = resolve(__dirname, '../../..');

describe('the typed client', () => {
  let context: TestSystem;

  beforeAll(async () => {
    context = await startTestSystem(ROOT);
  });

  afterAll(async () => {
    await context?.teardown();
  });

  it('should be current with the gateway: regenerating from its document changes nothing', async () => {
    const run = promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/api/generate-client.ts', '--check', '--from', `${context.system.gatewayUrl}/api/openapi.json`],
      { cwd: ROOT, env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.typecheck.json' } },
    );
    await expect(run).resolves.toMatchObject({ stdout: expect.stringContaining('current') });
  });

  it('should register an initiative and read its posture, end to end', async () => {
    const capstan = createCapstanClient({ baseUrl: context.system.gatewayUrl, credential: await tokenFor(context.jwtSecret, ['pmo'], 'client-user') });
    const { data: created } = await capstan.POST('/api/v1/initiatives', { body: { name: 'Typed client slice', businessUnit: 'Operations' } });
    expect(created?.name).toBe('Typed client slice');
    const id = created?.id ?? '';

    const posture = await pollUntil(
      async () => {
        try {
          return (await capstan.GET('/api/v1/initiatives/{id}/posture', { params: { path: { id } } })).data;
        } catch (error) {
          if (error instanceof CapstanProblem && error.status === 404) return undefined;
          throw error;
        }
      },
      { what: 'the first posture' },
    );
    expect(posture.posture).toBe('pause');
    expect(posture.domains).toHaveLength(6);
    expect(posture.conditions).toContain('assign an accountable_owner');
  });

  it('should surface errors as typed problem details', async () => {
    const capstan = createCapstanClient({ baseUrl: context.system.gatewayUrl, credential: await tokenFor(context.jwtSecret, ['viewer'], 'viewer') });
    const refused = await capstan.POST('/api/v1/initiatives', { body: { name: 'Not mine to register', businessUnit: 'Operations' } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CapstanProblem);
    expect(refused).toMatchObject({ status: 403, type: expect.stringContaining('forbidden') });

    const pmo = createCapstanClient({ baseUrl: context.system.gatewayUrl, credential: await tokenFor(context.jwtSecret, ['pmo'], 'pmo') });
    const invalid = await pmo.POST('/api/v1/initiatives', { body: { name: '', businessUnit: 'Operations' } }).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'name' })] });
  });
});
