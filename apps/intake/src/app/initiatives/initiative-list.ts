import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { unstorableTextIn, type InitiativeListQuery, type InitiativeSortField } from '@capstan/contracts';
import { isRecordableDate } from '@capstan/domain';
import { RpcError } from '@capstan/messaging';
import { InitiativeEntity } from './initiative.entity';

const SORT_COLUMNS: Record<InitiativeSortField, string> = {
  // Keys are issued in order, and padded on the left they sort in it ("AI-999" before "AI-1000"); creation
  // times do not (an import's rows share its transaction's).
  key: 'lpad(i.key, 32)',
  name: 'i.name',
  createdAt: 'i.created_at',
  updatedAt: 'i.updated_at',
};

interface Cursor {
  /** The sort column's value as Postgres printed it (full timestamp precision). */
  v: string;
  id: string;
  /** The sort it continues (absent in cursors issued before it was noted). */
  s?: string;
}

/** How Postgres prints a timestamptz ("2026-11-30 20:04:42.331+00"): a cursor's value for the time sorts. */
const PRINTED_TIMESTAMP = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-](0\d|1[0-5])(:[0-5]\d){0,2}$/;

/**
 * A timestamp Postgres printed, so one it can read back: the day exists in its month and lies within the days
 * Capstan records (Postgres has no year 0000; every initiative was written long after 1900), and the offset is one
 * Postgres takes.
 */
function isPrintedTimestamp(value: string): boolean {
  const match = PRINTED_TIMESTAMP.exec(value);
  if (!match || !isRecordableDate(value.slice(0, 10))) return false;
  const [, year, month, day] = match.map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/**
 * One page of initiatives: filters, a sort, and keyset pagination on (sort
 * column, id), so pages stay fast and stable however deep the caller goes.
 */
export async function listInitiatives(
  manager: EntityManager,
  query: InitiativeListQuery,
): Promise<{ entities: InitiativeEntity[]; nextCursor: string | null }> {
  const descending = query.sort.startsWith('-');
  const column = SORT_COLUMNS[query.sort.replace(/^-/, '') as InitiativeSortField];
  const builder = manager
    .createQueryBuilder(InitiativeEntity, 'i')
    .addSelect(`${column}::text`, 'sort_value')
    .orderBy(column, descending ? 'DESC' : 'ASC')
    .addOrderBy('i.id', descending ? 'DESC' : 'ASC')
    .limit(query.limit + 1);
  applyFilters(builder, query);
  if (query.cursor) {
    const cast = ['i.name', SORT_COLUMNS.key].includes(column) ? 'text' : 'timestamptz';
    const cursor = decodeCursor(query.cursor, query.sort, cast);
    if (column === SORT_COLUMNS.key && isPrintedTimestamp(cursor.v)) {
      // Issued when keys were sorted by creation time: it would continue from the wrong place.
      throw new RpcError('validation_failed', 'The cursor is from an earlier version of this list', [{ field: 'cursor', message: 'Start again without a cursor' }]);
    }
    builder.andWhere(`(${column}, i.id) ${descending ? '<' : '>'} (CAST(:cursorValue AS ${cast}), CAST(:cursorId AS uuid))`, {
      cursorValue: cursor.v,
      cursorId: cursor.id,
    });
  }
  const { entities, raw } = await builder.getRawAndEntities<{ sort_value: string }>();
  if (entities.length <= query.limit) return { entities, nextCursor: null };
  const page = entities.slice(0, query.limit);
  const last = page[page.length - 1];
  const lastRaw = raw[query.limit - 1];
  return { entities: page, nextCursor: encodeCursor({ v: lastRaw.sort_value, id: last.id, s: query.sort }) };
}

function applyFilters(builder: SelectQueryBuilder<InitiativeEntity>, query: InitiativeListQuery): void {
  if (!query.includeArchived) builder.andWhere('i.archived_at IS NULL');
  if (query.businessUnit) builder.andWhere('i.business_unit = :businessUnit', { businessUnit: query.businessUnit });
  if (query.stage) builder.andWhere('i.stage = :stage', { stage: query.stage });
  if (query.riskTier) builder.andWhere('i.risk_tier = :riskTier', { riskTier: query.riskTier });
  if (query.posture) builder.andWhere('i.posture = :posture', { posture: query.posture });
  if (query.owner) {
    builder.andWhere(
      `EXISTS (SELECT 1 FROM intake.owners o WHERE o.initiative_id = i.id AND (o.person ILIKE :owner OR o.team ILIKE :owner))`,
      { owner: `%${escapeLike(query.owner)}%` },
    );
  }
  if (query.q) {
    builder.andWhere('(i.key ILIKE :q OR i.name ILIKE :q OR i.summary ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/**
 * A cursor this list issued, for this sort. Anything else — another sort's
 * cursor, a value Postgres would fail to cast or could not store — is bad input.
 */
function decodeCursor(text: string, sort: string, cast: 'text' | 'timestamptz'): Cursor {
  let cursor: Partial<Cursor> | undefined;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    // Refused below.
  }
  if (typeof cursor?.s === 'string' && cursor.s !== sort) {
    throw new RpcError('validation_failed', 'The cursor continues another sort', [{ field: 'cursor', message: `Issued for sort=${cursor.s}: start again without a cursor to sort by ${sort}` }]);
  }
  if (
    typeof cursor?.v === 'string' &&
    typeof cursor.id === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(cursor.id) &&
    !unstorableTextIn(cursor.v) &&
    (cast === 'text' || isPrintedTimestamp(cursor.v))
  ) {
    return { v: cursor.v, id: cursor.id };
  }
  throw new RpcError('validation_failed', 'The cursor is not one this list issued', [{ field: 'cursor', message: 'Invalid cursor' }]);
}
