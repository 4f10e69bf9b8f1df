import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { pollUntil } from './poll';
import { freePort } from './free-port';

/**
 * A Postgres server of a test's own (its data directory, its port), for tests
 * that stop it — cleanly or as a crash — and start it again. Postgres refuses
 * to run as root, so under root it runs as the `postgres` user.
 */
export class PostgresServerProcess {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'capstan-pg-'));
  private process?: ChildProcess;
  private errors = '';
  private readonly owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  port = 0;

  constructor() {
    if (this.owner) chownSync(this.dataDir, this.owner.uid, this.owner.gid);
  }

  /** A connection as the superuser, allowed to create databases. */
  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) {
      execFileSync(binary('initdb'), ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8'], {
        ...this.owner,
        stdio: 'pipe',
      });
    }
    this.errors = '';
    const child = spawn(binary('postgres'), ['-D', this.dataDir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${this.dataDir}`], {
      ...this.owner,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.errors = (this.errors + chunk.toString()).slice(-2_000)));
    this.process = child;
    await pollUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}: ${this.errors}`);
        const client = new Client({ connectionString: this.adminUrl });
        await client.connect();
        await client.end();
        return true;
      },
      { timeoutMs: 30_000, what: 'the test Postgres to accept connections' },
    );
  }

  /** `immediate` is a crash: no checkpoint, the restart replays the write-ahead log. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill(mode === 'immediate' ? 'SIGQUIT' : 'SIGINT');
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The server binaries: PG_BIN_DIR, else Debian's newest /usr/lib/postgresql/<version>/bin, else the PATH. */
function binary(name: string): string {
  const dir = process.env['PG_BIN_DIR'] ?? debianBinDir();
  return dir ? join(dir, name) : name;
}

function debianBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const [newest] = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return newest ? join(root, newest, 'bin') : undefined;
}
