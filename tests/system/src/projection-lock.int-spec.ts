import { tmpdir } from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';
import { lockProjectionRow, openDataSource } from '@capstan/persistence';
import { createTestDatabase } from '@capstan/testing';

/**
 * Two events about a subject the projection has not seen yet, applied at the
 * same time: the second must start from what the first wrote, not from nothing.
 */
describe(lockProjectionRow.name, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = openDataSource({ schema: 'projection', entities: [], migrations: [], databaseUrl: database.url, dataDir: tmpdir() });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA projection`);
    await dataSource.query(`CREATE TABLE projection.subjects (id text PRIMARY KEY, owners jsonb NOT NULL)`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Read-modify-write of one subject's owners, as a projection applies an event; `hold` keeps the transaction open. */
  function assign(id: string, responsibility: string, person: string, hold: Promise<void> = Promise.resolve()): Promise<void> {
    return dataSource.transaction(async (manager: EntityManager) => {
      const row = await lockProjectionRow<{ owners: Record<string, string> }>(manager, `SELECT owners FROM projection.subjects WHERE id = $1 FOR UPDATE`, [id], `projection.subjects:${id}`);
      const owners = { ...row?.owners, [responsibility]: person };
      await hold;
      await manager.query(`INSERT INTO projection.subjects (id, owners) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET owners = EXCLUDED.owners`, [id, JSON.stringify(owners)]);
    });
  }

  const ownersOf = async (id: string) => ((await dataSource.query(`SELECT owners FROM projection.subjects WHERE id = $1`, [id])) as { owners: Record<string, string> }[])[0]?.owners;

  it('should let the second of two first writers build on the first, not overwrite it', async () => {
    let release!: () => void;
    const first = assign('initiative-1', 'accountable_owner', 'Ana', new Promise((done) => (release = done)));
    await new Promise((done) => setTimeout(done, 100));
    const second = assign('initiative-1', 'production_support', 'Bo');
    await new Promise((done) => setTimeout(done, 300));
    release();
    await Promise.all([first, second]);
    expect(await ownersOf('initiative-1')).toEqual({ accountable_owner: 'Ana', production_support: 'Bo' });
  });

  it('should lock an existing row as FOR UPDATE does, and leave other subjects alone', async () => {
    await assign('initiative-2', 'accountable_owner', 'Cy');
    let release!: () => void;
    const first = assign('initiative-2', 'approval_authority', 'Di', new Promise((done) => (release = done)));
    await new Promise((done) => setTimeout(done, 100));
    const other = assign('initiative-3', 'accountable_owner', 'Ed');
    await other; // not held up by initiative-2's lock
    const second = assign('initiative-2', 'production_support', 'Fay');
    release();
    await Promise.all([first, second]);
    expect(await ownersOf('initiative-2')).toEqual({ accountable_owner: 'Cy', approval_authority: 'Di', production_support: 'Fay' });
    expect(await ownersOf('initiative-3')).toEqual({ accountable_owner: 'Ed' });
  });
});
