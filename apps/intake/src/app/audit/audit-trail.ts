import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import type { AuditEntry } from '@capstan/contracts';
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
  return rows.map((row) => ({
    id: String(row.id),
    initiativeId: row.initiativeId,
    actor: row.actor,
    action: row.action,
    changes: row.changes,
    at: row.at.toISOString(),
  }));
}
