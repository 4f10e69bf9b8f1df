import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AllocationRuleInput, AllocationRuleView } from '@capstan/contracts';
import type { AllocationRule } from '@capstan/cost-tracking-core';
import { RpcError, firstResultSet } from '@capstan/messaging';

interface RuleRow {
  id: string;
  name: string;
  priority: number;
  match: AllocationRuleInput['match'];
  target: AllocationRuleInput['target'];
  created_by: string;
  created_at: Date;
  retired_at: Date | null;
}

/**
 * Allocation rules map billing rows to initiatives, whole or split. A rule
 * never changes once made — imports that used it keep its id — it is retired
 * and a new one made instead.
 */
@Injectable()
export class AllocationRulesService {
  constructor(private readonly dataSource: DataSource) {}

  async create(rule: AllocationRuleInput, actor: string): Promise<AllocationRuleView> {
    const ids = rule.target.kind === 'initiative' ? [rule.target.initiativeId] : rule.target.parts.map((p) => p.initiativeId);
    const known = (await this.dataSource.query(`SELECT id FROM cost_tracking.initiatives WHERE id = ANY($1::uuid[])`, [ids])) as { id: string }[];
    const unknown = ids.filter((id) => !known.some((k) => k.id === id));
    if (unknown.length) throw new RpcError('unprocessable', `No initiative ${unknown.join(', ')} is known to cost tracking`, [{ field: 'target', message: 'Unknown initiative' }]);
    const [existing] = (await this.dataSource.query(`SELECT id FROM cost_tracking.allocation_rules WHERE lower(name) = lower($1) AND retired_at IS NULL`, [rule.name])) as unknown[];
    if (existing) throw new RpcError('conflict', `An allocation rule named "${rule.name}" exists; retire it first`);
    const [row] = (await this.dataSource.query(
      `INSERT INTO cost_tracking.allocation_rules (id, name, priority, match, target, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [randomUUID(), rule.name, rule.priority, JSON.stringify(rule.match), JSON.stringify(rule.target), actor],
    )) as RuleRow[];
    return view(row);
  }

  async list(): Promise<{ items: AllocationRuleView[] }> {
    const rows = (await this.dataSource.query(`SELECT * FROM cost_tracking.allocation_rules ORDER BY retired_at NULLS FIRST, priority, lower(name)`)) as RuleRow[];
    return { items: rows.map(view) };
  }

  async retire(id: string, actor: string): Promise<AllocationRuleView> {
    const [row] = firstResultSet<RuleRow>(
      await this.dataSource.query(`UPDATE cost_tracking.allocation_rules SET retired_at = now(), retired_by = $2 WHERE id = $1 AND retired_at IS NULL RETURNING *`, [id, actor]),
    );
    if (row) return view(row);
    const [exists] = (await this.dataSource.query(`SELECT 1 FROM cost_tracking.allocation_rules WHERE id = $1`, [id])) as unknown[];
    throw exists ? new RpcError('conflict', `Allocation rule ${id} was retired already`) : RpcError.notFound(`Allocation rule ${id}`);
  }

  /** The rules in force, in the order they are tried (as `manager`'s transaction sees them, when given). */
  async active(manager: EntityManager = this.dataSource.manager): Promise<AllocationRule[]> {
    const rows = (await manager.query(`SELECT * FROM cost_tracking.allocation_rules WHERE retired_at IS NULL ORDER BY priority, lower(name)`)) as RuleRow[];
    return rows.map((row) => ({ id: row.id, name: row.name, priority: row.priority, match: row.match, target: row.target }));
  }
}

function view(row: RuleRow): AllocationRuleView {
  return {
    id: row.id,
    name: row.name,
    priority: row.priority,
    match: row.match,
    target: row.target,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    retiredAt: row.retired_at ? new Date(row.retired_at).toISOString() : null,
  };
}
