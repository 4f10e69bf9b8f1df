/**
 * npm run bench:cost-import [-- --rows 1000000 --small-rows 250000]
 *
 * Generates FOCUS billing exports, times `psql \copy` of the big one into a
 * bare typed table (the floor: Postgres's own bulk load), then starts the
 * built system, makes two allocation rules (half the rows mapped, a sixth
 * split in two) and imports each export through `POST /api/v1/cost-imports`
 * (streamed from disk), end to end until the import reports completed: rows/s,
 * the ratio to \copy, and the peak memory of the gateway and cost tracking
 * after the small and after the big file (flat memory = streaming). Prints a
 * JSON report.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { ApiClient, claimsAndFraudAllocation, pollUntil, startTestSystem, tokenFor, type SystemService, type TestSystem } from '@capstan/testing';
import { cpuSecondsByKind, cpuSpent } from './process-cpu';
import { report, round } from './measure';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'small-rows': { type: 'string', default: '250000' },
  },
});
const ROWS = Number(values.rows);
const SMALL_ROWS = Number(values['small-rows']);

const HEADER =
  'BillingAccountId,SubAccountId,ResourceId,ServiceCategory,ServiceName,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ListCost,ContractedCost,BillingCurrency,Tags';
const SERVICES = [
  ['AI and Machine Learning', 'Bedrock'],
  ['Compute', 'EC2'],
  ['Storage', 'S3'],
  ['Management and Governance', 'CloudWatch'],
  ['Databases', 'RDS'],
];

async function generate(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  for (let i = 0; i < rows; i++) {
    const [category, name] = SERVICES[i % SERVICES.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    const billed = `${i % 5000}.${String((i * 7919) % 1_000_000_000).padStart(9, '0')}`;
    const tags = i % 3 === 0 ? `"{""app"":""claims-triage"",""env"":""prod""}"` : i % 3 === 1 ? `"{""team"":""ml""}"` : '';
    const line = `acct-${i % 7},${i % 4 === 0 ? 'ml-platform' : `sub-${i % 50}`},res-${i % 10_000},${category},${name},Usage,2026-10-${day}T00:00:00Z,2026-10-${day}T01:00:00Z,${billed},${billed},${billed},NULL,USD,${tags}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

/** psql \copy of the file into a bare table with the same columns, typed. */
function copyBaseline(databaseUrl: string, file: string): number {
  const psql = (command: string) => {
    const result = spawnSync('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  };
  psql(`CREATE SCHEMA IF NOT EXISTS bench; DROP TABLE IF EXISTS bench.focus_copy;
        CREATE TABLE bench.focus_copy (billing_account_id text, sub_account_id text, resource_id text, service_category text, service_name text,
          charge_category text, charge_period_start timestamptz, charge_period_end timestamptz, billed_cost numeric, effective_cost numeric,
          list_cost numeric, contracted_cost numeric, billing_currency text, tags text)`);
  const started = performance.now();
  psql(`\\copy bench.focus_copy FROM '${file}' WITH (FORMAT csv, HEADER true, NULL 'NULL')`);
  return performance.now() - started;
}

/**
 * The allocation rules a real import meets: the rows tagged app=claims-triage
 * (a third) go to one initiative, the rest of the shared ML platform's rows (a
 * sixth) are split between two, so half of the rows are mapped and a sixth
 * become two entries; the other half stay unallocated.
 */
async function allocationRules(context: TestSystem, financeToken: string): Promise<void> {
  const pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo'], 'bench'));
  await claimsAndFraudAllocation(pmo, new ApiClient(context.system.gatewayUrl, financeToken), ['60', '40']);
}

/** Peak resident memory (VmHWM) of a service's process, MiB. */
function peakMiB(context: TestSystem, service: SystemService): number | null {
  const pid = context.system.pidOf(service);
  if (!pid) return null;
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? round(Number(match[1]) / 1024) : null;
}

async function importFile(context: TestSystem, token: string, file: string, rows: number) {
  const cpuBefore = cpuSecondsByKind();
  const started = performance.now();
  const response = await fetch(`${context.system.gatewayUrl}/api/v1/cost-imports?format=focus`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (response.status !== 202) throw new Error(`The import was refused: ${response.status} ${await response.text()}`);
  const uploadedMs = performance.now() - started;
  const cpuUploaded = cpuSecondsByKind();
  const { id } = (await response.json()) as { id: string };
  const viewer = new ApiClient(context.system.gatewayUrl, token);
  let lastShown = 0;
  const done = await pollUntil(
    async () => {
      const { body } = await viewer.get<{ status: string; rowsImported: number; rowsRejected: number; progress: number; failure: string | null }>(`/api/v1/cost-imports/${id}`);
      if (body.rowsImported - lastShown >= 100_000) {
        lastShown = body.rowsImported;
        process.stderr.write(`  ${body.rowsImported} rows imported (${Math.round(body.progress * 100)} %)\n`);
      }
      if (body.status === 'failed') throw new Error(`The import failed: ${body.failure}`);
      return body.status === 'completed' ? body : undefined;
    },
    { timeoutMs: 3_600_000, intervalMs: 250, what: 'the import' },
  );
  const totalMs = performance.now() - started;
  const cpuDone = cpuSecondsByKind();
  if (done.rowsImported !== rows) throw new Error(`Imported ${done.rowsImported} of ${rows} rows`);
  return {
    rows,
    uploadSeconds: round(uploadedMs / 1000),
    totalSeconds: round(totalMs / 1000),
    rowsPerSecond: Math.round(rows / (totalMs / 1000)),
    // Where the time went: CPU seconds by kind of process, for the upload and for the processing after it.
    cpuSeconds: { upload: cpuSpent(cpuBefore, cpuUploaded, 1, 1), processing: cpuSpent(cpuUploaded, cpuDone, 1, 1) },
  };
}

async function main(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'capstan-focus-'));
  const small = join(dir, 'small.csv');
  const big = join(dir, 'big.csv');
  let context: TestSystem | undefined;
  try {
    process.stderr.write(`generating ${SMALL_ROWS} and ${ROWS} rows …\n`);
    const smallBytes = await generate(small, SMALL_ROWS);
    const bigBytes = await generate(big, ROWS);
    context = await startTestSystem(resolve(__dirname, '../..'));
    process.stderr.write('psql \\copy baseline …\n');
    const copyMs = copyBaseline(context.databaseUrl, big);
    const copyRowsPerSecond = Math.round(ROWS / (copyMs / 1000));
    const token = await tokenFor(context.jwtSecret, ['finance'], 'bench');
    await allocationRules(context, token);

    process.stderr.write(`importing ${SMALL_ROWS} rows …\n`);
    const first = await importFile(context, token, small, SMALL_ROWS);
    const afterSmall = { gateway: peakMiB(context, 'gateway'), costTracking: peakMiB(context, 'cost-tracking') };
    process.stderr.write(`importing ${ROWS} rows …\n`);
    const second = await importFile(context, token, big, ROWS);
    const afterBig = { gateway: peakMiB(context, 'gateway'), costTracking: peakMiB(context, 'cost-tracking') };
    return {
      file: { rows: ROWS, megabytes: round(bigBytes / 2 ** 20), smallRows: SMALL_ROWS, smallMegabytes: round(smallBytes / 2 ** 20) },
      psqlCopy: { seconds: round(copyMs / 1000), rowsPerSecond: copyRowsPerSecond },
      import: { small: first, big: second },
      ratioToCopy: Math.round((second.rowsPerSecond / copyRowsPerSecond) * 1000) / 1000,
      peakMemoryMiB: { afterSmallFile: afterSmall, afterBigFile: afterBig },
    };
  } finally {
    await context?.teardown();
    rmSync(dir, { recursive: true, force: true });
  }
}

report(main);
