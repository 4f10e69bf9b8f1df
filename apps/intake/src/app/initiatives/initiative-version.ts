import type { EntityManager } from 'typeorm';
import { RpcError, firstResultSet } from '@capstan/messaging';

/**
 * Moves an initiative to its next version, locking its row for the rest of the
 * transaction. With `expected` (from If-Match) the update only happens at that
 * version: TypeORM's version column is not enforced on update, so the check is
 * in the statement itself, and of two concurrent writers with the same version
 * exactly one succeeds.
 */
export async function nextVersion(manager: EntityManager, id: string, expected?: number): Promise<number> {
  const rows = firstResultSet<{ version: number }>(
    await manager.query(
      `UPDATE intake.initiatives SET version = version + 1, updated_at = now()
       WHERE id = $1 ${expected === undefined ? '' : 'AND version = $2'} RETURNING version`,
      expected === undefined ? [id] : [id, expected],
    ),
  );
  if (rows.length) return rows[0].version;
  const current = (await manager.query(`SELECT version FROM intake.initiatives WHERE id = $1`, [id])) as { version: number }[];
  if (!current.length) throw RpcError.notFound(`Initiative ${id}`);
  throw new RpcError(
    'precondition_failed',
    `Initiative ${id} has changed since version ${expected}: it is now at version ${current[0].version}. Reload it and apply your change again.`,
  );
}
