import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import { pgliteDriver } from './pglite-pool';

export interface ServiceDatabaseOptions {
  /** The Postgres schema this service owns; nothing else writes to it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** A postgres:// URL; without one the service keeps its data in an embedded PGlite database. */
  databaseUrl?: string;
  /** Where embedded databases live; each service gets its own folder below it. */
  dataDir: string;
  poolSize?: number;
}

export function serviceDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: ['error', 'warn'] as ('error' | 'warn')[],
  };
  if (options.databaseUrl) {
    return {
      ...common,
      url: options.databaseUrl,
      poolSize: options.poolSize ?? 10,
      applicationName: `capstan-${options.schema}`,
      // Fail fast rather than queue forever when the pool or the server is stuck.
      connectTimeoutMS: 5_000,
      extra: { statement_timeout: 30_000, idle_in_transaction_session_timeout: 60_000 },
    };
  }
  const folder = join(options.dataDir, options.schema);
  mkdirSync(folder, { recursive: true });
  return { ...common, driver: pgliteDriver(folder) };
}

/**
 * Creates the schema and applies pending migrations. An advisory lock keeps two
 * replicas starting together from migrating at the same time.
 */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  return underMigrationLock(dataSource, schema, async (migrator) => {
    await migrator.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await migrator.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/** Undoes the newest applied migration (a rollback step); returns its name, or undefined when none is applied. */
export async function revertLastMigration(dataSource: DataSource, schema: string): Promise<string | undefined> {
  return underMigrationLock(dataSource, schema, async (migrator) => {
    const [newest] = (await appliedMigrations(migrator, schema)).slice(-1);
    if (newest === undefined) return undefined;
    await migrator.undoLastMigration({ transaction: 'each' });
    return newest;
  });
}

/**
 * How long a migration's statement waits for a table's lock before it fails
 * (and the migration with it, to be run again): an ALTER waiting behind an old
 * version's long transaction would otherwise hold up every query on the table
 * meanwhile.
 */
const MIGRATION_LOCK_TIMEOUT_MS = 15_000;

/** This build's migrations the schema has not applied yet, oldest first. */
export async function pendingMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const applied = new Set(await appliedMigrations(dataSource, schema));
  return dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name).filter((name) => !applied.has(name));
}

/**
 * Waits until someone else (the migrations Job) has brought the schema up to
 * this build: code started against an older schema would fail on the first
 * missing column instead. Says whether it had to wait.
 */
export async function untilMigrated(dataSource: DataSource, schema: string, onWait: (pending: string[]) => void, intervalMs = 5_000): Promise<boolean> {
  let waited = false;
  for (let pending = await pendingMigrations(dataSource, schema); pending.length > 0; pending = await pendingMigrations(dataSource, schema)) {
    onWait(pending);
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return waited;
}

async function appliedMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const [{ known }] = (await dataSource.query('SELECT to_regclass($1) IS NOT NULL AS known', [`"${schema}".schema_migrations`])) as { known: boolean }[];
  if (!known) return [];
  const rows = (await dataSource.query(`SELECT name FROM "${schema}".schema_migrations ORDER BY timestamp, id`)) as { name: string }[];
  return rows.map((row) => row.name);
}

/**
 * Runs `work` on connections of its own, free of the service's statement timeout (building an index over a
 * large ledger takes longer than any request should), under the schema's migration lock: a replica that finds
 * it taken waits for it however long the other's migrations take.
 */
async function underMigrationLock<T>(dataSource: DataSource, schema: string, work: (migrator: DataSource) => Promise<T>): Promise<T> {
  // An embedded database belongs to one process and has one connection: no lock needed (or possible).
  if (isEmbedded(dataSource)) return work(dataSource);
  const migrator = new DataSource({
    ...dataSource.options,
    poolSize: 2,
    extra: { statement_timeout: 0, lock_timeout: MIGRATION_LOCK_TIMEOUT_MS, idle_in_transaction_session_timeout: 0 },
  } as DataSourceOptions);
  await migrator.initialize();
  const lock = migrator.createQueryRunner();
  const lockKey = `capstan.migrate.${schema}`;
  try {
    // The lock's session sits idle while the migrations run, for as long as they take; a migrator whose host dies
    // sends nothing more. Keepalives from Postgres end the session (and free the lock) within half a minute of that,
    // not the two hours of the kernel's defaults.
    await lock.query('SET tcp_keepalives_idle = 15');
    await lock.query('SET tcp_keepalives_interval = 5');
    await lock.query('SET tcp_keepalives_count = 3');
    // Tried, not waited for: a wait for the lock would count against lock_timeout.
    while (!((await lock.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [lockKey])) as { locked: boolean }[])[0].locked) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return await work(migrator);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
    await lock.release();
    await migrator.destroy();
  }
}

export function isEmbedded(dataSource: DataSource): boolean {
  return 'driver' in dataSource.options && dataSource.options.driver !== undefined;
}

export function openDataSource(options: ServiceDatabaseOptions): DataSource {
  return new DataSource(serviceDataSourceOptions(options));
}
