import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = resolve(__dirname, '../../..');

interface ComposeService {
  image?: string;
  build?: { dockerfile?: string; args?: Record<string, string> };
  healthcheck?: { test?: unknown };
  depends_on?: Record<string, { condition?: string }>;
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const deployableApps = readdirSync(join(ROOT, 'apps')).filter((app) => app !== 'dashboard');

  it('should have a service for every deployable app, built from its Dockerfile', () => {
    for (const app of deployableApps) {
      const service = compose.services[app];
      expect(service).toBeDefined();
      expect(service.build?.args?.['APP']).toBe(app);
      expect(existsSync(join(ROOT, service.build?.dockerfile ?? ''))).toBe(true);
    }
  });

  /** Services that do one thing and exit (the streams step), which the others wait to have completed. */
  const steps = Object.keys(compose.services).filter((name) =>
    Object.values(compose.services).some((service) => service.depends_on?.[name]?.condition === 'service_completed_successfully'),
  );

  it('should give every service a healthcheck, and a step that exits none', () => {
    expect(steps).toEqual(['streams']);
    for (const [name, service] of Object.entries(compose.services)) {
      if (steps.includes(name)) expect({ name, healthcheck: service.healthcheck }).toEqual({ name, healthcheck: { disable: true } });
      else expect({ name, test: Array.isArray(service.healthcheck?.test) }).toEqual({ name, test: true });
    }
  });

  it('should make the streams as the operators\' user, and tell the services not to', () => {
    const streams = compose.services['streams'] as ComposeService & { command?: string[]; environment?: Record<string, string> };
    expect(streams.command).toEqual(['--ensure-streams']);
    expect(streams.environment?.['NATS_USER']).toBe('ops');
    for (const app of deployableApps) {
      const environment = (compose.services[app] as { environment?: Record<string, string> }).environment ?? {};
      expect({ app, manage: environment['NATS_MANAGE_STREAMS'] }).toEqual({ app, manage: 'false' });
    }
  });

  it('should run the NATS image the cluster runs, which has the wget its healthcheck calls', () => {
    const manifests = parseAllDocuments(readFileSync(join(ROOT, 'infra/k8s/base/nats.yaml'), 'utf8')).map((document) => document.toJS());
    const cluster = manifests.find((resource) => resource?.kind === 'StatefulSet') as { spec: { template: { spec: { containers: { name: string; image: string }[] } } } };
    const image = cluster.spec.template.spec.containers.find((container) => container.name === 'nats')?.image;
    expect(compose.services['nats'].image).toBe(image);
    // The plain nats image is built from scratch: no shell, no wget, so a healthcheck there can never pass.
    expect(image).toMatch(/-alpine$/);
    expect(compose.services['nats'].healthcheck?.test).toEqual(expect.arrayContaining(['wget']));
  });

  it('should start apps only once what they depend on is healthy', () => {
    for (const app of deployableApps) {
      const dependencies = compose.services[app].depends_on ?? {};
      expect(Object.keys(dependencies)).toEqual(expect.arrayContaining(['postgres', 'nats', 'streams']));
      for (const [name, dependency] of Object.entries(dependencies)) {
        expect({ name, condition: dependency.condition }).toEqual({ name, condition: steps.includes(name) ? 'service_completed_successfully' : 'service_healthy' });
      }
    }
  });

  it('should keep secrets out of the file', () => {
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(text).not.toMatch(/(PASSWORD|SECRET|PASS):\s*["']?[A-Za-z0-9]{6,}["']?\s*$/m);
  });
});
