import { createHash } from 'node:crypto';

/** What a sealed record's hash covers, read the same way by the sealer and the verifier. */
export interface ChainedRecord {
  id: string;
  initiative_id: string;
  actor: string;
  action: string;
  changes: unknown;
  /** The instant in UTC with microseconds (`AUDIT_INSTANT_SQL`), so no precision is lost to a JS Date. */
  at: string;
}

/** The columns of a record as `ChainedRecord` wants them. */
export const CHAINED_COLUMNS_SQL = `id::text AS id, initiative_id::text AS initiative_id, actor, action, changes,
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at`;

/** The hash before the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** sha256 of the previous hash and the record's content (keys sorted, so the JSON is canonical). */
export function chainHash(previous: string, record: ChainedRecord): string {
  const content = canonicalJson({ id: record.id, initiativeId: record.initiative_id, actor: record.actor, action: record.action, changes: record.changes, at: record.at });
  return createHash('sha256').update(`${previous}\n${content}`).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface ChainReport {
  sealed: number;
  /** Records not sealed yet (the sealer runs every few seconds). */
  pending: number;
  /** What is wrong, first break first; empty when the chain holds. */
  problems: string[];
}

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Walks the chain in order and recomputes every hash: an edited record no
 * longer matches its hash, a deleted one leaves a gap in the sequence and a
 * mismatch in the next record's link.
 */
export async function verifyChain(query: Query, page = 5_000): Promise<ChainReport> {
  const problems: string[] = [];
  let previous = GENESIS_HASH;
  let expectedSeq = 1n;
  let sealed = 0;
  for (;;) {
    const rows = (await query(
      `SELECT chain_seq::text AS chain_seq, prev_hash, hash, ${CHAINED_COLUMNS_SQL} FROM intake.audit_trail
       WHERE chain_seq >= $1 ORDER BY chain_seq LIMIT $2`,
      [expectedSeq.toString(), page],
    )) as unknown as (ChainedRecord & { chain_seq: string; prev_hash: string; hash: string })[];
    if (!rows.length) break;
    for (const row of rows) {
      const seq = BigInt(row.chain_seq);
      if (seq !== expectedSeq) problems.push(`records ${expectedSeq}–${seq - 1n} of the chain are missing (deleted before record ${row.id})`);
      if (row.prev_hash !== previous) problems.push(`record ${row.id} (chain position ${seq}) does not follow the record before it`);
      const recomputed = chainHash(row.prev_hash, row);
      if (recomputed !== row.hash) problems.push(`record ${row.id} (chain position ${seq}) was changed after it was sealed`);
      previous = row.hash;
      expectedSeq = seq + 1n;
      sealed++;
    }
  }
  const [{ pending }] = (await query(`SELECT count(*)::int AS pending FROM intake.audit_trail WHERE chain_seq IS NULL`, [])) as { pending: number }[];
  return { sealed, pending, problems };
}
