import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '../../..');
const run = (args: string[] = []) =>
  promisify(execFile)(process.execPath, ['tools/deploy/validate-manifests.mjs', ...args], { cwd: ROOT }).then(
    ({ stdout }) => ({ ok: true, output: stdout }),
    (error: { stderr: string }) => ({ ok: false, output: error.stderr }),
  );

/** The Kubernetes manifests and the compose file, checked offline against their schemas (npm run check:deploy). */
describe('the deployment files', () => {
  let scratch: string;

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'capstan-deploy-'));
    cpSync(join(ROOT, 'infra/k8s'), join(scratch, 'k8s'), { recursive: true });
  });

  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('should validate against the Kubernetes and Compose schemas and the house rules', async () => {
    const result = await run();
    expect(result).toMatchObject({ ok: true });
    expect(result.output).toContain('infra/k8s/base');
    expect(result.output).toContain('infra/k8s/overlays/production');
    expect(result.output).toContain('docker-compose.yml');
  }, 60_000);

  it("should hold the NATS users tools/deploy/nats-users.mjs writes, in the compose and the cluster's configuration", async () => {
    const check = (root: string) =>
      promisify(execFile)(process.execPath, ['tools/deploy/nats-users.mjs', '--check', '--root', root], { cwd: ROOT }).then(
        () => 'current',
        (error: { stderr: string }) => error.stderr,
      );
    expect(await check(ROOT)).toBe('current');
    // An allow-list edited by hand (here, one of scoring's own consumers taken out of it) is caught.
    cpSync(join(ROOT, 'infra/nats'), join(scratch, 'infra/nats'), { recursive: true });
    cpSync(join(ROOT, 'infra/k8s'), join(scratch, 'infra/k8s'), { recursive: true });
    const config = join(scratch, 'infra/nats/nats-server.conf');
    writeFileSync(config, readFileSync(config, 'utf8').replace('"$JS.ACK.CAPSTAN_EVENTS.scoring__initiative_registered.>",\n', ''));
    expect(await check(scratch)).toContain('infra/nats/nats-server.conf is out of date');
  });

  it('should catch a field of the wrong type', async () => {
    const file = join(scratch, 'k8s/base/scoring.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  replicas: 2\n', '  replicas: two\n'));
    const result = await run(['--k8s', join(scratch, 'k8s')]);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Deployment scoring.*replicas/);
  }, 60_000);

  it('should catch a Deployment without its disruption budget, and a probe gone', async () => {
    const file = join(scratch, 'k8s/base/intake.yaml');
    const text = readFileSync(file, 'utf8');
    const withoutBudget = text.replace(/---\napiVersion: policy\/v1\nkind: PodDisruptionBudget[\s\S]*?(?=---)/, '');
    writeFileSync(file, withoutBudget.replace(/ {10}livenessProbe:\n(?: {12}.*\n)+/, ''));
    const result = await run(['--k8s', join(scratch, 'k8s')]);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('Deployment intake: no PodDisruptionBudget beside it');
    expect(result.output).toContain('Deployment intake: container intake has no liveness probe');
  }, 60_000);

  it('should catch a Job the restricted namespace would refuse, and pods that would not wait for their schema', async () => {
    const job = join(scratch, 'k8s/base/migrations-job.yaml');
    writeFileSync(job, readFileSync(job, 'utf8').replace(/, securityContext: \{ allowPrivilegeEscalation: false[^}]*\{ drop: \[ALL\] \} \}/, ''));
    const scoring = join(scratch, 'k8s/base/scoring.yaml');
    writeFileSync(scoring, readFileSync(scoring, 'utf8').replace('args: ["--await-migrations"]', 'args: ["--migrate-only"]'));
    const result = await run(['--k8s', join(scratch, 'k8s')]);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('Job capstan-migrate: container streams must set allowPrivilegeEscalation: false and drop ALL capabilities');
    expect(result.output).toContain('Deployment scoring: no init container awaiting its migrations (--await-migrations)');
  }, 60_000);

  it('should catch an invalid compose file', async () => {
    const compose = join(scratch, 'compose.yml');
    writeFileSync(compose, readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8').replace('restart: unless-stopped', 'restart: [sometimes]'));
    const result = await run(['--k8s', join(scratch, 'k8s'), '--compose', compose]);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('compose.yml');
  }, 60_000);
});
