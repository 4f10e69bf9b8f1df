/** Anything that runs a parameterized query: a TypeORM EntityManager, a pg client. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Holds `key` (named across the database, e.g. `scoring.commitments:<id>`) until the transaction ends. */
export async function holdKey(manager: Queryable, key: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

/**
 * Reads one row of a projection `FOR UPDATE` — or, when there is no row yet,
 * takes the right to create it for the rest of the transaction. `FOR UPDATE`
 * locks nothing when the row is missing: two transactions applying events
 * about a subject not seen before would both start from nothing, and the
 * second upsert would overwrite the first (a lost update). The second now
 * waits on a transaction-scoped advisory lock on `key` and reads the row the
 * first committed.
 *
 * `select` must end in `FOR UPDATE`; `key` names the row across the database
 * (e.g. `scoring.subjects:<id>`).
 */
export async function lockProjectionRow<T>(manager: Queryable, select: string, parameters: unknown[], key: string): Promise<T | undefined> {
  const [row] = (await manager.query(select, parameters)) as T[];
  if (row) return row;
  await holdKey(manager, key);
  const [created] = (await manager.query(select, parameters)) as T[];
  return created;
}
