import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RegistryService } from '../registry/registry.service';
import type { ImportPipeline, ImportPlan } from './import-pipeline';
import type { CsvLimits } from './csv-table';
import { parseTelemetryCsv, type TelemetryRow } from './telemetry-csv';

type ResolvedRow = TelemetryRow & { initiativeId: string };

/** Telemetry rows; a period sent again takes the figures the row gives, so re-imports change nothing. */
@Injectable()
export class TelemetryImportPipeline implements ImportPipeline<ResolvedRow> {
  constructor(private readonly registry: RegistryService) {}

  parse(text: string, limits: CsvLimits) {
    const parsed = parseTelemetryCsv(text, limits);
    return { ...parsed, valid: parsed.valid.map((row) => ({ ...row, initiativeId: '' })) };
  }

  async plan(manager: EntityManager, valid: ResolvedRow[]): Promise<ImportPlan<ResolvedRow>> {
    const keys = [...new Set(valid.map((row) => row.initiativeKey))];
    const rows: { id: string; key: string }[] = keys.length
      ? await manager.query(`SELECT id, key FROM intake.initiatives WHERE key = ANY($1::text[])`, [keys])
      : [];
    const ids = new Map(rows.map((row) => [row.key, row.id]));
    const plan: ImportPlan<ResolvedRow> = { write: [], skipped: 0, alreadyImported: 0, invalid: [] };
    for (const row of valid) {
      const initiativeId = ids.get(row.initiativeKey);
      if (initiativeId) plan.write.push({ ...row, initiativeId });
      else plan.invalid.push({ row: row.row, errors: [{ field: 'initiative', message: `No initiative has the key ${row.initiativeKey}` }] });
    }
    // Written initiative by initiative, each row locking its initiative: two imports naming the same ones lock them
    // in one order and wait for each other, instead of deadlocking (a file names each initiative and period once).
    plan.write.sort((a, b) => (a.initiativeId < b.initiativeId ? -1 : a.initiativeId > b.initiativeId ? 1 : a.row - b.row));
    return plan;
  }

  async write(manager: EntityManager, row: ResolvedRow, actor: string): Promise<boolean> {
    await this.registry.recordTelemetryIn(manager, row.initiativeId, row.telemetry, actor, {});
    return true;
  }
}
