/** SQLSTATEs that say the server cannot be reached or is going away, not that the statement is wrong. */
const OUTAGE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const OUTAGE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const OUTAGE_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /not queryable/i, /the database system is (starting up|shutting down|in recovery mode)/i];

/**
 * Whether an error means the database is unavailable (down, restarting,
 * unreachable, out of connections) rather than that the work itself failed.
 * Work that met an outage is waited out and tried again, not counted against
 * the work. Looks through TypeORM's wrapper (`driverError`) and `cause`.
 */
export function isDatabaseOutage(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || OUTAGE_STATES.has(code) || OUTAGE_NETWORK_CODES.has(code))) return true;
  if (OUTAGE_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  const inner = (error as { driverError?: unknown }).driverError ?? error.cause;
  return isDatabaseOutage(inner, depth + 1);
}

/** SQLSTATEs of a transaction that lost to another (a deadlock, a serialization failure): the same work may succeed when run again. */
const CONFLICT_STATES = new Set(['40P01', '40001']);

/** Whether an error means the transaction was chosen to give way to another, not that its work was wrong. */
export function isTransactionConflict(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONFLICT_STATES.has(code)) return true;
  return isTransactionConflict((error as { driverError?: unknown }).driverError ?? error.cause, depth + 1);
}

/**
 * Whether an error is a unique key refusing a row: checked before, then written by another request at the same
 * moment (two rules of one name, one request id twice). The work conflicts with what exists; it is not a failure.
 */
export function isUniqueViolation(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  if ((error as { code?: unknown }).code === '23505') return true;
  return isUniqueViolation((error as { driverError?: unknown }).driverError ?? error.cause, depth + 1);
}
