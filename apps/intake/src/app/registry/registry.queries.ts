import type { EntityManager } from 'typeorm';
import type { Decision, Dependency } from '@capstan/contracts';
import type { Posture } from '@capstan/domain';

interface DependencyRow {
  initiative_id: string;
  depends_on: string;
  depends_on_key: string;
  kind: 'hard' | 'soft';
  note: string;
  added_by: string;
  added_at: Date;
}

interface DecisionRow {
  id: string;
  initiative_id: string;
  decision: Posture;
  rationale: string;
  scope_business_units: string[] | null;
  scope_users: number | null;
  scope_monthly_spend_cap: string | null;
  scope_currency: string | null;
  decided_by: string;
  decided_at: Date;
}

export async function dependenciesOf(manager: EntityManager, initiativeId: string): Promise<Dependency[]> {
  const rows: DependencyRow[] = await manager.query(
    `SELECT d.*, i.key AS depends_on_key FROM intake.dependencies d
     JOIN intake.initiatives i ON i.id = d.depends_on
     WHERE d.initiative_id = $1 ORDER BY d.added_at, d.depends_on`,
    [initiativeId],
  );
  return rows.map(toDependency);
}

/** One dependency of an initiative, with the key of the one it depends on; null when there is none. */
export async function dependencyOf(manager: EntityManager, initiativeId: string, dependsOn: string): Promise<Dependency | null> {
  const [row] = (await manager.query(
    `SELECT d.*, i.key AS depends_on_key FROM intake.dependencies d JOIN intake.initiatives i ON i.id = d.depends_on
     WHERE d.initiative_id = $1 AND d.depends_on = $2`,
    [initiativeId, dependsOn],
  )) as DependencyRow[];
  return row ? toDependency(row) : null;
}

export function toDependency(row: DependencyRow): Dependency {
  return {
    initiativeId: row.initiative_id,
    dependsOn: row.depends_on,
    dependsOnKey: row.depends_on_key,
    kind: row.kind,
    note: row.note,
    addedBy: row.added_by,
    addedAt: new Date(row.added_at).toISOString(),
  };
}

export async function decisionsOf(manager: EntityManager, initiativeId: string): Promise<Decision[]> {
  const rows: DecisionRow[] = await manager.query(
    `SELECT * FROM intake.decisions WHERE initiative_id = $1 ORDER BY decided_at DESC, id`,
    [initiativeId],
  );
  return rows.map(toDecision);
}

export function toDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    decision: row.decision,
    rationale: row.rationale,
    scopeEnvelope:
      row.scope_monthly_spend_cap === null
        ? null
        : {
            businessUnits: row.scope_business_units ?? [],
            users: row.scope_users ?? 0,
            monthlySpendCap: normalizeDecimal(row.scope_monthly_spend_cap),
            currency: (row.scope_currency ?? '').trim(),
          },
    decidedBy: row.decided_by,
    decidedAt: new Date(row.decided_at).toISOString(),
  };
}

/** `numeric(19,4)` comes back as "12500.0000": keep it exact, drop only trailing zeros of the fraction. */
function normalizeDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

export type { DependencyRow, DecisionRow };
