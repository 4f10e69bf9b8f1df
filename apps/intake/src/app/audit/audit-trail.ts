import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import type { AuditEntry, AuditQuery } from '@capstan/contracts';
import { AuditEntryEntity, type FieldChange } from './audit-entry.entity';

/** The field-level difference between two versions of a record; unchanged fields are left out. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ''): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => !isDeepStrictEqual(before[field], after[field]))
    .map((field) => ({ field: prefix + field, from: before[field] ?? null, to: after[field] ?? null }));
}

export async function appendAudit(
  manager: EntityManager,
  entry: { initiativeId: string; actor: string; action: string; changes: FieldChange[] },
): Promise<void> {
  await manager.query(`INSERT INTO intake.audit_trail (initiative_id, actor, action, changes) VALUES ($1, $2, $3, $4)`, [
    entry.initiativeId,
    entry.actor,
    entry.action,
    JSON.stringify(entry.changes),
  ]);
}

export async function readAudit(manager: EntityManager, initiativeId: string): Promise<AuditEntry[]> {
  const rows = await manager.find(AuditEntryEntity, { where: { initiativeId }, order: { id: 'ASC' } });
  return rows.map(toEntry);
}

/** The whole portfolio's trail, newest first, paged by entry id. */
export async function readAuditLog(manager: EntityManager, query: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const builder = manager.createQueryBuilder(AuditEntryEntity, 'a').orderBy('a.id', 'DESC').limit(query.limit + 1);
  if (query.cursor) builder.andWhere('a.id < CAST(:cursor AS bigint)', { cursor: query.cursor });
  if (query.initiativeId) builder.andWhere('a.initiative_id = :initiativeId', { initiativeId: query.initiativeId });
  if (query.actor) builder.andWhere('a.actor = :actor', { actor: query.actor });
  if (query.action) builder.andWhere('a.action = :action', { action: query.action });
  const rows = await builder.getMany();
  const page = rows.slice(0, query.limit);
  return { items: page.map(toEntry), nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null };
}

function toEntry(row: AuditEntryEntity): AuditEntry {
  return {
    id: String(row.id),
    initiativeId: row.initiativeId,
    actor: row.actor,
    action: row.action,
    changes: row.changes,
    at: row.at.toISOString(),
  };
}
