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

  it('should give every service a healthcheck', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, test: Array.isArray(service.healthcheck?.test) }).toEqual({ name, test: true });
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
      expect(Object.keys(dependencies)).toEqual(expect.arrayContaining(['postgres', 'nats']));
      for (const dependency of Object.values(dependencies)) expect(dependency.condition).toBe('service_healthy');
    }
  });

  it('should keep secrets out of the file', () => {
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(text).not.toMatch(/(PASSWORD|SECRET|PASS):\s*["']?[A-Za-z0-9]{6,}["']?\s*$/m);
  });
});
