import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pollUntil } from './poll';
import { freePort } from './free-port';

export const SYSTEM_SERVICES = ['intake', 'scoring', 'cost-tracking', 'sequencing', 'gateway'] as const;
export type SystemService = (typeof SYSTEM_SERVICES)[number];

export interface SystemOptions {
  /** The repository root: built apps are read from `dist/apps`. */
  root: string;
  databaseUrl: string;
  natsUrl: string;
  namespace: string;
  jwtSecret: string;
  gatewayPort: number;
  /** Where each service's output goes, one log file per service. */
  logDir: string;
  extraEnv?: Record<string, string>;
  /** Settings of one service only (its NATS user, say), over `extraEnv`. */
  serviceEnv?: Partial<Record<SystemService, Record<string, string>>>;
}

/**
 * Runs the built services as separate processes against the real Postgres and
 * NATS, the way `npm start` does, so tests can stop and restart one of them.
 */
export class RunningSystem {
  /** Running processes by instance: a service's name, or `<service>-<n>` for its extra replicas. */
  private readonly processes = new Map<string, ChildProcess>();
  /** The gateway's port: the one given, or another when that was taken before the gateway could listen. */
  private gatewayPort: number;

  constructor(readonly options: SystemOptions) {
    this.gatewayPort = options.gatewayPort;
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.gatewayPort}`;
  }

  async startAll(): Promise<void> {
    for (const service of SYSTEM_SERVICES) this.start(service);
    for (let attempt = 1; ; attempt++) {
      if ((await this.untilUp('gateway', this.gatewayUrl, 'every service to report healthy')) === 'healthy') return;
      if (attempt === 3) throw new Error('The gateway exited before it was healthy, three times (see its log)');
      this.gatewayPort = await freePort();
      this.start('gateway');
    }
  }

  /** Starts a service; `overrides` are settings for this start only (a new reporting currency, say). */
  start(service: SystemService, overrides: Record<string, string> = {}): void {
    this.spawnInstance(service, service, overrides);
  }

  /**
   * Starts one more process of a service, sharing the database and NATS with
   * the others (a replica); an extra gateway listens on a port of its own.
   * A service's replica listens (health, metrics) on `port` when given.
   * Returns the instance name (for `stop`) and, for a gateway, its URL.
   */
  async startReplica(service: SystemService, port?: number): Promise<{ instance: string; url?: string }> {
    let n = 2;
    while (this.processes.has(`${service}-${n}`)) n++;
    const instance = `${service}-${n}`;
    if (service !== 'gateway') {
      this.spawnInstance(instance, service, port === undefined ? {} : { [portVariable(service)]: String(port) });
      return { instance };
    }
    if (port === undefined) throw new Error('An extra gateway needs a port of its own');
    for (let attempt = 1, candidate = port; ; attempt++, candidate = await freePort()) {
      this.spawnInstance(instance, service, { GATEWAY_PORT: String(candidate) });
      const url = `http://127.0.0.1:${candidate}`;
      if ((await this.untilUp(instance, url, `${instance} to report healthy`)) === 'healthy') return { instance, url };
      if (attempt === 3) throw new Error(`${instance} exited before it was healthy, three times (see its log)`);
    }
  }

  /**
   * Waits for a gateway to answer healthy, or to exit first — a free port can be taken between choosing it and
   * listening on it (by another process's port 0), and the gateway is then started on another.
   */
  private async untilUp(instance: string, url: string, what: string): Promise<'healthy' | 'exited'> {
    const child = this.processes.get(instance);
    return pollUntil(
      async () => (!child || child.exitCode !== null ? 'exited' : (await fetch(`${url}/api/v1/health`)).status === 200 ? 'healthy' : undefined),
      { timeoutMs: 90_000, intervalMs: 250, what },
    );
  }

  private spawnInstance(instance: string, service: SystemService, overrides: Record<string, string>): void {
    if (this.processes.has(instance)) return;
    mkdirSync(this.options.logDir, { recursive: true });
    const log = createWriteStream(join(this.options.logDir, `${instance}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [resolve(this.options.root, 'dist/apps', service, 'main.js')], {
      cwd: this.options.root,
      env: { ...process.env, ...this.environment(service), ...overrides },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    child.once('exit', () => this.processes.delete(instance));
    this.processes.set(instance, child);
  }

  /** The process id of a running service (for measuring it). */
  pidOf(service: SystemService | string): number | undefined {
    return this.processes.get(service)?.pid;
  }

  /** Stops a service (or one replica): SIGTERM for a clean stop, SIGKILL to simulate a crash. */
  async stop(service: SystemService | string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.processes.get(service);
    if (!child) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.processes.keys()].map((service) => this.stop(service)));
  }

  async waitHealthy(timeoutMs = 90_000): Promise<void> {
    await pollUntil(
      async () => {
        const response = await fetch(`${this.gatewayUrl}/api/v1/health`);
        return response.status === 200;
      },
      { timeoutMs, intervalMs: 250, what: 'every service to report healthy' },
    );
  }

  private environment(service: SystemService): Record<string, string> {
    return {
      NODE_ENV: 'production',
      DATABASE_URL: this.options.databaseUrl,
      NATS_URL: this.options.natsUrl,
      CAPSTAN_NAMESPACE: this.options.namespace,
      CAPSTAN_JWT_SECRET: this.options.jwtSecret,
      GATEWAY_PORT: String(this.gatewayPort),
      // Tests drive far more than a person would; the test about the limit sets one.
      CAPSTAN_RATE_LIMIT: '0',
      GATEWAY_METRICS_PORT: '0',
      // Back-end services' health ports: 0 lets the OS pick, so parallel runs never collide.
      ...(service === 'gateway' ? {} : { [portVariable(service)]: '0' }),
      ...this.options.extraEnv,
      ...this.options.serviceEnv?.[service],
    };
  }
}

/** The variable a back-end service's health and metrics port comes from. */
function portVariable(service: Exclude<SystemService, 'gateway'>): string {
  return `${service.toUpperCase().replace(/-/g, '_')}_PORT`;
}
