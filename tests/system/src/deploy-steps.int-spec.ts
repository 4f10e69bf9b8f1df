import { execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { connect } from 'nats';
import { Client } from 'pg';
import { subjectsFor } from '@capstan/contracts';
import { createTestDatabase, freePort, pollUntil } from '@capstan/testing';

const ROOT = resolve(__dirname, '../../..');

/**
 * The deploy steps a cluster runs (infra/k8s): the migrations Job
 * (`--ensure-streams`, `--migrate-only`), each pod's init container that waits
 * for it (`--await-migrations`), and a rollback (`--revert-last-migration`);
 * run as the built service against a database of their own, with migrations on
 * start switched off as in the cluster.
 */
describe('deploy steps', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let environment: NodeJS.ProcessEnv;

  const step = (flag: string) =>
    promisify(execFile)(process.execPath, [resolve(ROOT, 'dist/apps/scoring/main.js'), flag], { cwd: ROOT, env: environment, timeout: 60_000 });

  const applied = async (): Promise<string[]> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ known: boolean }>(`SELECT to_regclass('scoring.schema_migrations') IS NOT NULL AS known`);
      if (!rows[0].known) return [];
      return (await client.query<{ name: string }>('SELECT name FROM scoring.schema_migrations ORDER BY timestamp')).rows.map((row) => row.name);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    environment = {
      ...process.env,
      DATABASE_URL: database.url,
      // No NATS answers here: the schema's steps sign in to none (the migrations Job has no service's NATS user).
      NATS_URL: `nats://127.0.0.1:${await freePort()}`,
      CAPSTAN_NAMESPACE: `deploy${database.name.replace('capstan_it_', '')}`,
      CAPSTAN_MIGRATE: 'false',
      SCORING_PORT: String(await freePort()),
      LOG_FORMAT: 'text',
    };
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('should hold a pod until the migrations Job has run, whatever CAPSTAN_MIGRATE says, and revert the newest', async () => {
    const waiting = spawn(process.execPath, [resolve(ROOT, 'dist/apps/scoring/main.js'), '--await-migrations'], { cwd: ROOT, env: environment });
    let output = '';
    waiting.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    waiting.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => waiting.once('exit', (code) => done(code)));
    let all: string[] = [];
    try {
      await pollUntil(async () => (output.includes('waiting for') ? true : undefined), { what: 'the init container waiting for its schema' });
      expect(await applied()).toEqual([]);
      expect(waiting.exitCode).toBeNull();

      await step('--migrate-only');
      all = await applied();
      expect(all.length).toBeGreaterThan(1);
      // The waiting container sees the schema brought up to its version and lets the pod start.
      expect(await exited).toBe(0);
      expect(output).toContain('migrations applied; starting');
    } finally {
      waiting.kill('SIGKILL');
    }

    await step('--revert-last-migration');
    expect(await applied()).toEqual(all.slice(0, -1));
    await step('--migrate-only');
    expect(await applied()).toEqual(all);
    // With nothing pending, waiting is over at once.
    await step('--await-migrations');
  }, 120_000);

  it('should keep trying to make the streams while NATS cannot keep them yet, saying why', async () => {
    // Three copies asked of one server: as a cluster still forming (or still running an earlier version's users) refuses.
    const namespace = `waits${database.name.replace('capstan_it_', '')}`;
    const trying = spawn(process.execPath, [resolve(ROOT, 'dist/apps/scoring/main.js'), '--ensure-streams'], {
      cwd: ROOT,
      env: { ...environment, NATS_URL: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222', CAPSTAN_NAMESPACE: namespace, NATS_STREAM_REPLICAS: '3' },
    });
    let output = '';
    trying.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    trying.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await pollUntil(async () => (output.includes('could not make the streams yet') ? true : undefined), { what: 'the streams step to say it tries again' });
      expect(output).toContain('trying again in 5 s');
      expect(trying.exitCode).toBeNull();
    } finally {
      trying.kill('SIGKILL');
    }
  }, 60_000);

  it('should hold a service that may not make the streams until the streams step has made them', async () => {
    const nats = { NATS_URL: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222', CAPSTAN_NAMESPACE: `streams${database.name.replace('capstan_it_', '')}` };
    const subjects = subjectsFor(nats.CAPSTAN_NAMESPACE);
    const serving = spawn(process.execPath, [resolve(ROOT, 'dist/apps/scoring/main.js')], {
      cwd: ROOT,
      env: { ...environment, ...nats, CAPSTAN_MIGRATE: 'true', NATS_MANAGE_STREAMS: 'false' },
    });
    let output = '';
    serving.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    serving.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const admin = await connect({ servers: nats.NATS_URL });
    const jsm = await admin.jetstreamManager();
    try {
      await pollUntil(async () => (output.includes('waiting for the stream(s)') ? true : undefined), { what: 'the service waiting for its streams' });
      await expect(jsm.streams.info(subjects.eventStream)).rejects.toThrow(/stream not found/);
      expect(output).not.toContain('ready on NATS namespace');

      await promisify(execFile)(process.execPath, [resolve(ROOT, 'dist/apps/gateway/main.js'), '--ensure-streams'], { cwd: ROOT, env: { ...environment, ...nats, CAPSTAN_JWT_SECRET: 'x'.repeat(40) }, timeout: 60_000 });
      expect((await jsm.streams.info(subjects.eventStream)).config.subjects).toEqual([subjects.allEvents]);
      expect((await jsm.streams.info(subjects.deadLetterStream)).config.name).toBe(subjects.deadLetterStream);
      await pollUntil(async () => (output.includes('ready on NATS namespace') ? true : undefined), { what: 'the service to start once its streams exist' });
    } finally {
      serving.kill('SIGKILL');
      for (const stream of [subjects.eventStream, subjects.deadLetterStream]) await jsm.streams.delete(stream).catch(() => undefined);
      await admin.close();
    }
  }, 120_000);
});
