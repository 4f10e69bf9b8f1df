#!/usr/bin/env node
// `npm start`: builds Capstan, brings up NATS (if needed), the four services and
// the gateway (which serves the dashboard), loads the demo portfolio once, and
// prints the URL and a development token per role. Ctrl-C stops all of it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { resolve } from 'node:path';
import { ensureDevSecret, signDevToken } from './dev-auth.mjs';
import { loadDemoPortfolio } from './demo-portfolio.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVICES = ['intake', 'scoring', 'cost-tracking', 'sequencing', 'gateway'];
const COLOURS = { intake: 36, scoring: 35, 'cost-tracking': 33, sequencing: 34, gateway: 32, nats: 90 };
const ROLES = ['admin', 'pmo', 'finance', 'engineering', 'viewer'];
/** Each service's health port, by its variable and default (apps/<service>). */
const SERVICE_PORTS = [['INTAKE_PORT', 3101], ['SCORING_PORT', 3102], ['COST_TRACKING_PORT', 3103], ['SEQUENCING_PORT', 3104]];
const children = [];
let stopping = false;
/** Thrown by `fail` once shutdown has begun: the rest of start-up does not run, and shutdown decides the exit. */
class Stopping extends Error {}

process.chdir(ROOT);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node ${process.versions.node} is too old: Capstan needs Node 20.19 or newer.`);

const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const port = Number(process.env.GATEWAY_PORT ?? 3000);
const dataDir = resolve(process.env.CAPSTAN_DATA_DIR ?? '.capstan/data');
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  NATS_URL: natsUrl,
  CAPSTAN_DATA_DIR: dataDir,
  CAPSTAN_JWT_SECRET: process.env.CAPSTAN_JWT_SECRET ?? ensureDevSecret(),
  GATEWAY_PORT: String(port),
  // Loading the demo portfolio sends a few thousand requests with one token in a minute.
  CAPSTAN_RATE_LIMIT: process.env.CAPSTAN_RATE_LIMIT ?? '10000',
  // Any free port: a fixed one taken by something else would stop the gateway.
  GATEWAY_METRICS_PORT: process.env.GATEWAY_METRICS_PORT ?? '0',
  // Readable lines in the terminal; services log JSON lines elsewhere.
  LOG_FORMAT: process.env.LOG_FORMAT ?? 'text',
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
};

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  await main();
} catch (error) {
  // Anything that goes wrong once services run (demo data refused, a request cut by Ctrl-C) stops them too:
  // never leave them running, holding their ports and embedded databases, behind a launcher that has gone.
  if (!(error instanceof Stopping) && !stopping) {
    console.error(`capstan: ${error instanceof Error ? error.message : String(error)}`);
    shutdown(1);
  }
}

async function main() {
  log('building (cached after the first run) …');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=gateway,intake,scoring,cost-tracking,sequencing,dashboard', '--parallel=2', '--output-style=static'], { stdio: 'inherit', env });
  if (build.status !== 0) fail('The build failed: see the output above.');

  await ensureFree();
  await ensureNats();
  log(process.env.DATABASE_URL ? 'database: DATABASE_URL' : `database: embedded PGlite under ${dataDir}`);
  mkdirSync(dataDir, { recursive: true });
  for (const service of SERVICES) run(service, process.execPath, [`dist/apps/${service}/main.js`]);

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(baseUrl, 90_000);
  if (process.env.CAPSTAN_DEMO_DATA === 'false') {
    log('demo portfolio: not loaded (CAPSTAN_DEMO_DATA=false)');
  } else {
    const adminToken = await signDevToken(env.CAPSTAN_JWT_SECRET, 'demo-loader', ['admin']);
    const loaded = await loadDemoPortfolio(baseUrl, adminToken);
    log(loaded ? `demo portfolio: ${loaded} initiatives added` : 'demo portfolio: not loaded, the registry already holds initiatives');
  }
  if (stopping) return;

  console.log(`\n  Capstan is running: ${baseUrl}\n  API: ${baseUrl}/api/v1   docs: ${baseUrl}/api/docs\n\n  Development tokens (paste one into the dashboard's sign-in):`);
  for (const role of ROLES) {
    console.log(`    ${role.padEnd(12)} ${await signDevToken(env.CAPSTAN_JWT_SECRET, `dev-${role}`, [role])}`);
  }
  console.log(`    ${'committee'.padEnd(12)} ${await signDevToken(env.CAPSTAN_JWT_SECRET, 'dev-committee', ['viewer'], undefined, ['committee'])}`);
  console.log('\n  Ctrl-C stops everything.\n');
}

/**
 * Refuses to start beside another Capstan (an earlier `npm start` still running, or its services left behind):
 * two processes opening one embedded database would corrupt it, as PGlite takes no lock of its own.
 */
async function ensureFree() {
  const ports = [port, ...SERVICE_PORTS.map(([variable, fallback]) => Number(process.env[variable] ?? fallback))];
  for (const taken of ports) {
    if (await answers('127.0.0.1', taken)) {
      fail(`Something already answers on port ${taken}: stop it first (an earlier npm start still running, or its services left behind).`);
    }
  }
}

async function ensureNats() {
  const { hostname, port: natsPort } = new URL(natsUrl.replace(/^nats:/, 'http:'));
  if (await answers(hostname, Number(natsPort || 4222))) return log(`NATS: ${natsUrl}`);
  const binary = ['nats-server', '/usr/sbin/nats-server', '/usr/local/bin/nats-server'].find((candidate) =>
    candidate.includes('/') ? existsSync(candidate) : spawnSync('sh', ['-c', `command -v ${candidate}`]).status === 0,
  );
  if (process.env.NATS_URL || !binary) {
    fail(`Nothing answers at ${natsUrl}. Install nats-server (Debian: apt-get install nats-server) or set NATS_URL to a NATS server with JetStream.`);
  }
  const storeDir = resolve('.capstan/nats');
  mkdirSync(storeDir, { recursive: true });
  run('nats', binary, ['-a', hostname, '-p', String(natsPort || 4222), '-js', '-sd', storeDir]);
  for (let i = 0; i < 50 && !(await answers(hostname, Number(natsPort || 4222))); i++) await sleep(100);
  log(`NATS: started ${binary} with JetStream in ${storeDir}`);
}

function run(name, command, args) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `\x1b[${COLOURS[name] ?? 37}m${name.padEnd(13)}\x1b[0m│ `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal ?? code}); stopping everything`);
      shutdown(1);
    }
  });
  children.push(child);
}

async function waitHealthy(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.status === 200) return;
      last = (await response.json()).detail ?? '';
    } catch {
      last = 'gateway not answering yet';
    }
    await sleep(500);
  }
  fail(`Capstan did not become healthy within ${timeoutMs / 1000} s (${last}).`);
}

function answers(host, tcpPort) {
  return new Promise((done) => {
    const socket = tcpConnect({ host, port: tcpPort, timeout: 500 });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
    socket.once('timeout', () => (socket.destroy(), done(false)));
  });
}

function shutdown(code) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  for (const child of running) child.kill('SIGTERM');
  // Kept referenced: the launcher waits for its children (each closing its database), 10 s at most.
  const force = setTimeout(() => {
    for (const child of running) child.kill('SIGKILL');
    process.exit(code);
  }, 10_000);
  Promise.all(running.map((child) => new Promise((r) => child.once('exit', r)))).then(() => {
    clearTimeout(force);
    process.exit(code);
  });
}

function log(message) {
  console.log(`\x1b[1mcapstan\x1b[0m       │ ${message}`);
}

function fail(message) {
  console.error(`capstan: ${message}`);
  if (children.length === 0) process.exit(1);
  shutdown(1);
  throw new Stopping(message);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
