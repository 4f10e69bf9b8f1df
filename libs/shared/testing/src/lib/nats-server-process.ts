import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { pollUntil } from './poll';
import { freePort } from './free-port';

const BINARY = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find(existsSync) ?? 'nats-server';

/**
 * A nats-server of a test's own (its port, its JetStream store), for tests
 * that stop and start NATS or run it with a configuration of their own.
 */
export class NatsServerProcess {
  readonly storeDir = mkdtempSync(join(tmpdir(), 'capstan-nats-'));
  private process?: ChildProcess;
  private errors = '';
  port = 0;

  constructor(
    private readonly options: {
      /** Arguments besides address, port and store directory (`-js`, `-c <file>` …). */
      args: string[];
      env?: Record<string, string>;
      /** Credentials to prove it is up with, when its configuration requires some. */
      user?: string;
      pass?: string;
    },
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    this.errors = '';
    const child = spawn(BINARY, [...this.options.args, '-a', '127.0.0.1', '-p', String(this.port), '-sd', this.storeDir], {
      env: { ...process.env, ...this.options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.errors += chunk.toString()));
    this.process = child;
    await pollUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}: ${this.errors.slice(-500)}`);
        await (await connect({ servers: this.url, user: this.options.user, pass: this.options.pass, reconnect: false })).close();
        return true;
      },
      { timeoutMs: 10_000, what: 'the nats-server to accept connections' },
    );
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
