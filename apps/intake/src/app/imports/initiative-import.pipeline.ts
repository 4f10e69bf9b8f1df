import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InitiativesService } from '../initiatives/initiatives.service';
import type { CsvLimits } from './csv-table';
import type { ImportPipeline, ImportPlan } from './import-pipeline';
import { naturalKey, parseInitiativeCsv, type ParsedRow } from './initiative-csv';

/** Initiatives from an inventory CSV; one whose business unit and name exist already is skipped. */
@Injectable()
export class InitiativeImportPipeline implements ImportPipeline<ParsedRow> {
  constructor(private readonly initiatives: InitiativesService) {}

  parse(text: string, limits: CsvLimits) {
    return parseInitiativeCsv(text, limits);
  }

  async plan(manager: EntityManager, valid: ParsedRow[], importId: string): Promise<ImportPlan<ParsedRow>> {
    const rows: { business_unit: string; name: string; source_import_id: string | null }[] = await manager.query(
      `SELECT business_unit, name, source_import_id FROM intake.initiatives`,
    );
    const existing = new Map<string, string | null>();
    for (const row of rows) {
      const key = naturalKey(row.business_unit, row.name);
      if (existing.get(key) !== importId) existing.set(key, row.source_import_id);
    }
    const plan: ImportPlan<ParsedRow> = { write: [], skipped: 0, alreadyImported: 0, invalid: [] };
    for (const row of valid) {
      const source = existing.get(row.naturalKey);
      if (source === undefined) plan.write.push(row);
      else if (source === importId) plan.alreadyImported++;
      else plan.skipped++;
    }
    return plan;
  }

  /**
   * Registers the row unless its initiative exists by now. Imports write under one lock, held to the end of each
   * write transaction: two inventories sent together, each planned before the other wrote, register each
   * initiative once (the second waits, then finds it).
   */
  async write(manager: EntityManager, row: ParsedRow, actor: string, importId: string): Promise<boolean> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('intake.initiative-imports'))`);
    const [present] = (await manager.query(`SELECT 1 FROM intake.initiatives WHERE lower(business_unit) = lower($1) AND lower(name) = lower($2) LIMIT 1`, [
      row.input.businessUnit,
      row.input.name,
    ])) as unknown[];
    if (present) return false;
    await this.initiatives.registerIn(manager, row.input, actor, {}, importId);
    return true;
  }
}
