import { resolve } from 'node:path';
import { Client } from 'pg';
import { IMPORT_CHUNK_CHARS, ImportRpc, subjectsFor } from '@capstan/contracts';
import { NatsClient, RpcClient } from '@capstan/messaging';
import { ApiClient, pollUntil, startTestSystem, tokenFor, type TestSystem } from '@capstan/testing';

interface ImportView {
  id: string;
  status: string;
  rowsTotal: number;
  rowsImported: number;
  rowsSkipped: number;
  rowsInvalid: number;
  progress: number;
  errors: { row: number; errors: { field: string; message: string }[] }[];
  failure: string | null;
}

const BUSINESS_UNIT = 'Imported Unit';
const ROWS = 5_000;

/** 5,000 rows, every hundredth (from the 8th) broken in one of five ways. */
function inventory(): { csv: string; badRows: number[] } {
  const lines = ['key,name,summary,businessUnit,sponsor,useCaseCategory,stage,riskTier,tags'];
  const badRows: number[] = [];
  for (let i = 0; i < ROWS; i++) {
    let name = `Imported initiative ${i}`;
    let stage = i % 3 === 0 ? 'scaling' : 'pilot';
    let risk = 'limited';
    if (i % 100 === 7) {
      badRows.push(i + 2);
      switch ((i / 100) % 5 | 0) {
        case 0: name = ''; break;
        case 1: stage = 'someday'; break;
        case 2: risk = 'extreme'; break;
        case 3: name = 'x'.repeat(201); break;
        default: name = `Imported initiative ${i - 1}`; // repeats the row before
      }
    }
    lines.push(`,"${name}","Row ${i}, with a comma",${BUSINESS_UNIT},Ops COO,triage,${stage},${risk},import;bulk`);
  }
  return { csv: lines.join('\n') + '\n', badRows };
}

describe('initiative CSV imports', () => {
  let context: TestSystem;
  let pmo: ApiClient;
  let database: Client;

  beforeAll(async () => {
    // The 5,000-row file below is exactly at the limit.
    // An upload no piece reaches for 5 s here (an hour by default) is taken as broken off.
    context = await startTestSystem(resolve(__dirname, '../../..'), { IMPORT_MAX_ROWS: '5000', IMPORT_UPLOAD_TIMEOUT_SECONDS: '5' });
    pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo']));
    database = new Client({ connectionString: context.databaseUrl });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    await context?.teardown();
  });

  async function importFile(csv: string, mode: string): Promise<ImportView> {
    const started = await pmo.request<ImportView>('POST', `/api/v1/initiative-imports?mode=${mode}`, {
      rawBody: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/api/v1/initiative-imports/${started.body.id}`);
    return pollUntil(
      async () => {
        const view = await pmo.get<ImportView>(`/api/v1/initiative-imports/${started.body.id}`);
        return ['completed', 'rejected', 'failed'].includes(view.body.status) ? view.body : undefined;
      },
      { timeoutMs: 240_000, intervalMs: 500, what: 'the import to finish' },
    );
  }

  async function importedCount(): Promise<number> {
    const { rows } = await database.query<{ n: string }>('SELECT count(*)::text AS n FROM intake.initiatives WHERE business_unit = $1', [BUSINESS_UNIT]);
    return Number(rows[0].n);
  }

  const { csv, badRows } = inventory();

  it('should list exactly the bad rows with reasons and write nothing in all-or-nothing mode', async () => {
    const result = await importFile(csv, 'all-or-nothing');
    expect(result.status).toBe('rejected');
    expect(result.rowsTotal).toBe(ROWS);
    expect(result.rowsInvalid).toBe(50);
    expect(result.errors.map((error) => error.row)).toEqual(badRows);
    expect(result.errors.every((error) => error.errors.length > 0 && error.errors.every((e) => e.message))).toBe(true);
    expect(result.errors.find((error) => error.row === 9)?.errors.map((e) => e.field)).toEqual(['name']);
    expect(await importedCount()).toBe(0);
  });

  it('should import the 4,950 valid rows when asked to, and nothing twice on a second import', async () => {
    const first = await importFile(csv, 'valid-rows');
    expect(first).toMatchObject({ status: 'completed', rowsImported: 4_950, rowsInvalid: 50, rowsSkipped: 0, progress: 1 });
    expect(await importedCount()).toBe(4_950);

    const again = await importFile(csv, 'valid-rows');
    expect(again).toMatchObject({ status: 'completed', rowsImported: 0, rowsSkipped: 4_950, rowsInvalid: 50 });
    expect(await importedCount()).toBe(4_950);

    // Sorted by key, they come in the order their keys were issued, across pages (an import's rows share a creation time).
    const keys: string[] = [];
    for (let cursor: string | null = null, page = 0; page < 3; page++) {
      const listed: { body: { items: { key: string }[]; nextCursor: string | null } } = await pmo.get(
        `/api/v1/initiatives?businessUnit=${encodeURIComponent(BUSINESS_UNIT)}&sort=key&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      );
      keys.push(...listed.body.items.map((item) => item.key));
      cursor = listed.body.nextCursor;
    }
    const number = (key: string) => Number(key.replace(/^\D+/, ''));
    expect(keys).toHaveLength(1_500);
    expect(keys).toEqual([...keys].sort((a, b) => number(a) - number(b)));
  });

  it('should register each initiative once when two imports of one inventory run at the same time', async () => {
    const unit = 'Imported twice at once';
    const rows = Array.from({ length: 600 }, (_, i) => `,"Twin ${i}",,${unit},,,pilot,minimal,`);
    const file = ['key,name,summary,businessUnit,sponsor,useCaseCategory,stage,riskTier,tags', ...rows].join('\n') + '\n';
    const [first, second] = await Promise.all([importFile(file, 'valid-rows'), importFile(file, 'all-or-nothing')]);
    expect([first.status, second.status]).toEqual(['completed', 'completed']);
    expect(first.rowsImported + second.rowsImported).toBe(600);
    expect(first.rowsSkipped + second.rowsSkipped).toBe(600);
    const { rows: counted } = await database.query<{ n: string; names: string }>(
      'SELECT count(*)::text AS n, count(DISTINCT name)::text AS names FROM intake.initiatives WHERE business_unit = $1',
      [unit],
    );
    expect(counted[0]).toEqual({ n: '600', names: '600' });
  });

  it('should export what it imported in the format it reads', async () => {
    const response = await fetch(`${context.system.gatewayUrl}/api/v1/initiatives/export?businessUnit=${encodeURIComponent(BUSINESS_UNIT)}&sort=name`, {
      headers: { authorization: `Bearer ${await tokenFor(context.jwtSecret, ['viewer'])}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const exported = await response.text();
    const lines = exported.trimEnd().split('\n');
    expect(lines[0]).toBe('key,name,summary,businessUnit,sponsor,useCaseCategory,stage,riskTier,operatorRole,dataSensitivity,tags');
    expect(lines).toHaveLength(4_951);
    expect(exported).toContain('"Row 0, with a comma"');

    const reimport = await importFile(exported, 'all-or-nothing');
    expect(reimport).toMatchObject({ status: 'completed', rowsSkipped: 4_950, rowsImported: 0, rowsInvalid: 0 });
  });

  it('should refuse what is not a CSV import', async () => {
    const json = await pmo.post('/api/v1/initiative-imports', { name: 'x' });
    expect(json.status).toBe(415);
    const badMode = await pmo.request('POST', '/api/v1/initiative-imports?mode=some', { rawBody: csv, headers: { 'content-type': 'text/csv' } });
    expect(badMode.status).toBe(400);
    const header = await importFile('name,colour\nA,red\n', 'valid-rows');
    expect(header.status).toBe('rejected');
    expect(header.errors[0]).toEqual({
      row: 1,
      errors: [
        { field: 'colour', message: expect.stringContaining('Unknown column') },
        { field: 'businessUnit', message: 'Required column is missing' },
      ],
    });
    const tooLong = await importFile(`${csv},"One row too many","",${BUSINESS_UNIT},Ops COO,triage,pilot,limited,\n`, 'valid-rows');
    expect(tooLong).toMatchObject({ status: 'rejected', failure: expect.stringContaining('more than 5000 rows') });
    expect(tooLong.rowsImported ?? 0).toBe(0);
    const viewer = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['viewer']));
    expect((await viewer.request('POST', '/api/v1/initiative-imports', { rawBody: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(403);
  });

  it('should refuse a file that is not UTF-8 unless its charset is named, and then read it in that charset', async () => {
    // "Zürich" as a spreadsheet saves it in Windows-1252: the ü is one byte that is not UTF-8.
    const windows1252 = Buffer.from(`name,businessUnit\nZ\xfcrich claims,${BUSINESS_UNIT} Charset\n`, 'latin1');
    const refused = await pmo.request<{ detail: string }>('POST', '/api/v1/initiative-imports?mode=valid-rows', { rawBody: windows1252, headers: { 'content-type': 'text/csv' } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toContain('not UTF-8 text');
    const declared = await pmo.request<ImportView>('POST', '/api/v1/initiative-imports?mode=valid-rows', {
      rawBody: windows1252,
      headers: { 'content-type': 'text/csv; charset=windows-1252' },
    });
    expect(declared.status).toBe(202);
    await pollUntil(async () => (await pmo.get<ImportView>(`/api/v1/initiative-imports/${declared.body.id}`)).body.status === 'completed', { what: 'the import to finish' });
    const listed = await pmo.get<{ items: { name: string }[] }>(`/api/v1/initiatives?businessUnit=${encodeURIComponent(`${BUSINESS_UNIT} Charset`)}`);
    expect(listed.body.items.map((item) => item.name)).toEqual(['Zürich claims']);
  });

  it('should take a file whose emoji falls where the upload cuts it into pieces', async () => {
    const businessUnit = `${BUSINESS_UNIT} Pieces`;
    const lines = ['name,businessUnit'];
    let length = lines[0].length + 1;
    for (let n = 0; length < IMPORT_CHUNK_CHARS - 100; n++) {
      lines.push(`Filler ${n} ${'f'.repeat(60)},${businessUnit}`);
      length += lines[lines.length - 1].length + 1;
    }
    // The first half of the pair is the last character of the first piece.
    const padding = 'x'.repeat(IMPORT_CHUNK_CHARS - 1 - length);
    lines.push(`${padding}😀 claims,${businessUnit}`);
    const csv = lines.join('\n');
    expect(csv.charCodeAt(IMPORT_CHUNK_CHARS - 1)).toBe('😀'.charCodeAt(0));
    const result = await importFile(csv, 'valid-rows');
    expect(result).toMatchObject({ status: 'completed', rowsImported: lines.length - 1 });
    const listed = await pmo.get<{ items: { name: string }[] }>(`/api/v1/initiatives?businessUnit=${encodeURIComponent(businessUnit)}&q=claims`);
    expect(listed.body.items.map((item) => item.name)).toEqual([`${padding}😀 claims`]);
  });

  it('should fail an upload whose pieces stopped arriving, and drop what it kept, instead of leaving it receiving', async () => {
    // The gateway sends a file's pieces over NATS; one restarted mid-file never finishes the upload. Its part, by hand:
    const nats = new NatsClient({ url: context.natsUrl, name: 'stalled-upload' });
    await nats.connect();
    try {
      const rpc = new RpcClient(nats, subjectsFor(context.namespace), 10_000);
      const { id } = await rpc.call(ImportRpc.start, { kind: 'initiatives', mode: 'valid-rows', actor: 'gateway-that-died' });
      await rpc.call(ImportRpc.chunk, { id, seq: 0, data: `name,businessUnit\nHalf sent,${BUSINESS_UNIT}\n` });
      expect((await pmo.get<ImportView>(`/api/v1/initiative-imports/${id}`)).body.status).toBe('receiving');
      const failed = await pollUntil(
        async () => {
          const view = (await pmo.get<ImportView>(`/api/v1/initiative-imports/${id}`)).body;
          return view.status === 'receiving' ? undefined : view;
        },
        { timeoutMs: 60_000, what: 'the stalled upload to fail' },
      );
      expect(failed).toMatchObject({ status: 'failed', failure: expect.stringContaining('no piece of it arrived for 5 s') });
      expect((await database.query('SELECT 1 FROM intake.import_chunks WHERE import_id = $1', [id])).rows).toEqual([]);
    } finally {
      await nats.close();
    }
  });

  it('should import telemetry by initiative key, reporting unknown keys and bad figures by row', async () => {
    const engineering = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['engineering'], 'ci-bot'));
    const { rows } = await database.query<{ key: string; id: string }>(
      'SELECT key, id FROM intake.initiatives WHERE business_unit = $1 ORDER BY key LIMIT 2',
      [BUSINESS_UNIT],
    );
    const file = [
      'initiative,periodKind,periodStart,supportTicketsOpened,supportBacklog,incidents,rollbacks,approvalCycleTimeDays',
      `${rows[0].key},week,2026-11-02,12,30,1,0,4.5`,
      `${rows[0].key},week,2026-11-09,15,34,2,1,`,
      `${rows[1].key},month,2026-11-01,40,12,0,0,9`,
      `AI-999999,week,2026-11-02,1,1,0,0,`,
      `${rows[1].key},week,2026-11-03,1,1,0,0,`,
      `${rows[1].key},week,2026-11-09,-4,1,0,0,`,
    ].join('\n');
    const upload = async (mode: string) => {
      const started = await engineering.request<ImportView>('POST', `/api/v1/telemetry-imports?mode=${mode}`, { rawBody: file, headers: { 'content-type': 'text/csv' } });
      expect(started.status).toBe(202);
      return pollUntil(async () => {
        const view = await engineering.get<ImportView>(`/api/v1/telemetry-imports/${started.body.id}`);
        return ['completed', 'rejected', 'failed'].includes(view.body.status) ? view.body : undefined;
      }, { what: 'the telemetry import' });
    };
    const strict = await upload('all-or-nothing');
    expect(strict.status).toBe('rejected');
    expect(strict.errors.map((error) => [error.row, error.errors.map((e) => e.field)])).toEqual([
      [5, ['initiative']],
      [6, ['period.start']],
      [7, ['supportTicketsOpened']],
    ]);
    const lenient = await upload('valid-rows');
    expect(lenient).toMatchObject({ status: 'completed', rowsImported: 3, rowsInvalid: 3 });
    const { rows: stored } = await database.query<{ n: string }>('SELECT count(*)::text AS n FROM intake.telemetry WHERE initiative_id = ANY($1)', [
      rows.map((row) => row.id),
    ]);
    expect(Number(stored[0].n)).toBe(3);
    // Figures without a column or a cell were not reported: null, not 0.
    const figures = async () =>
      (
        await database.query(
          `SELECT period_start::text AS start, support_backlog, incidents, cross_team_escalations, approval_cycle_time_days::text AS approval
             FROM intake.telemetry WHERE initiative_id = $1 ORDER BY period_start`,
          [rows[0].id],
        )
      ).rows;
    const imported = [
      { start: '2026-11-02', support_backlog: 30, incidents: 1, cross_team_escalations: null, approval: '4.50' },
      { start: '2026-11-09', support_backlog: 34, incidents: 2, cross_team_escalations: null, approval: null },
    ];
    expect(await figures()).toEqual(imported);
    // The same periods again give the same figures: still three rows, none changed.
    expect(await upload('valid-rows')).toMatchObject({ status: 'completed', rowsImported: 3 });
    const { rows: again } = await database.query<{ n: string }>('SELECT count(*)::text AS n FROM intake.telemetry WHERE initiative_id = ANY($1)', [
      rows.map((row) => row.id),
    ]);
    expect(Number(again[0].n)).toBe(3);
    expect(await figures()).toEqual(imported);
  });

  it('should write only the rows an interrupted telemetry import had not written when it resumes', async () => {
    const engineering = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['engineering'], 'ci-bot'));
    const { rows } = await database.query<{ key: string; id: string }>('SELECT key, id FROM intake.initiatives WHERE business_unit = $1 ORDER BY key OFFSET 3 LIMIT 1', [
      BUSINESS_UNIT,
    ]);
    const [{ key, id: initiativeId }] = rows;
    // Since the interrupted import wrote its first row, the same period was reported again, with a newer figure.
    const reported = await engineering.post(`/api/v1/initiatives/${initiativeId}/telemetry`, { period: { kind: 'week', start: '2026-10-05' }, incidents: 5 });
    expect(reported.status).toBe(201);
    const nats = new NatsClient({ url: context.natsUrl, name: 'resumed-import' });
    await nats.connect();
    try {
      const rpc = new RpcClient(nats, subjectsFor(context.namespace), 10_000);
      const { id } = await rpc.call(ImportRpc.start, { kind: 'telemetry', mode: 'valid-rows', actor: 'ci-bot' });
      await rpc.call(ImportRpc.chunk, { id, seq: 0, data: `initiative,periodKind,periodStart,incidents\n${key},week,2026-10-05,1\n${key},week,2026-10-12,2\n` });
      // What the process that died had committed with its first batch: row 2 written.
      await database.query('INSERT INTO intake.import_rows_written (import_id, row_number, imported) VALUES ($1, 2, true)', [id]);
      await rpc.call(ImportRpc.finish, { id });
      const ended = await pollUntil(async () => {
        const view = (await engineering.get<ImportView>(`/api/v1/telemetry-imports/${id}`)).body;
        return view.status === 'processing' ? undefined : view;
      }, { what: 'the resumed import' });
      expect(ended).toMatchObject({ status: 'completed', rowsImported: 2, rowsProcessed: 2 });
      const { rows: figures } = await database.query(`SELECT period_start::text AS start, incidents FROM intake.telemetry WHERE initiative_id = $1 AND period_start < '2026-11-01' ORDER BY period_start`, [
        initiativeId,
      ]);
      // Row 2 was not written again over the newer report; row 3 was written.
      expect(figures).toEqual([
        { start: '2026-10-05', incidents: 5 },
        { start: '2026-10-12', incidents: 2 },
      ]);
      expect((await database.query('SELECT 1 FROM intake.import_rows_written WHERE import_id = $1', [id])).rows).toEqual([]);
    } finally {
      await nats.close();
    }
  });

  it('should take every row of an all-or-nothing import back when the database refuses one past the first batch', async () => {
    const engineering = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['engineering'], 'ci-bot'));
    const { rows } = await database.query<{ key: string; id: string }>(
      'SELECT key, id FROM intake.initiatives WHERE business_unit = $1 ORDER BY key OFFSET 2 LIMIT 1',
      [BUSINESS_UNIT],
    );
    // 300 weekly periods back from a Monday; the database refuses the 280th (a fault injected below), which
    // validation cannot foresee: the first 250 rows were written in the transaction before it.
    const monday = Date.UTC(2026, 10, 2);
    const lines = ['initiative,periodKind,periodStart,incidents'];
    for (let week = 0; week < 300; week++) {
      const start = new Date(monday - week * 7 * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${rows[0].key},week,${start},${week === 279 ? 4242 : 1}`);
    }
    await database.query(`CREATE FUNCTION intake.refuse_4242() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.incidents = 4242 THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
    await database.query('CREATE TRIGGER refuse_4242 BEFORE INSERT ON intake.telemetry FOR EACH ROW EXECUTE FUNCTION intake.refuse_4242()');
    try {
      const started = await engineering.request<ImportView>('POST', '/api/v1/telemetry-imports?mode=all-or-nothing', {
        rawBody: lines.join('\n') + '\n',
        headers: { 'content-type': 'text/csv' },
      });
      expect(started.status).toBe(202);
      const ended = await pollUntil(async () => {
        const view = await engineering.get<ImportView>(`/api/v1/telemetry-imports/${started.body.id}`);
        return ['completed', 'rejected', 'failed'].includes(view.body.status) ? view.body : undefined;
      }, { what: 'the telemetry import' });
      expect(ended).toMatchObject({ status: 'failed', rowsImported: 0, failure: expect.stringContaining('imported nothing') });
      expect(ended.failure).not.toContain('refused by the test');
      const { rows: stored } = await database.query('SELECT 1 FROM intake.telemetry WHERE initiative_id = $1', [rows[0].id]);
      expect(stored).toEqual([]);
    } finally {
      await database.query('DROP TRIGGER refuse_4242 ON intake.telemetry');
      await database.query('DROP FUNCTION intake.refuse_4242()');
    }
  });
});

