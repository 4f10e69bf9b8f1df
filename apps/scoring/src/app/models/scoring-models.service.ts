import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { scoringModelSchema, type DryRun, type ScoringModelDefinition, type ScoringModelView } from '@capstan/contracts';
import { RpcError, firstResultSet } from '@capstan/messaging';
import { DEFAULT_MODEL } from '@capstan/scoring-core';
import { PosturesService } from '../postures/postures.service';
import { ACTIVE_MODEL_LOCK } from './active-model';

/** SQLSTATE of a lock not granted within `lock_timeout`. */
const LOCK_NOT_AVAILABLE = '55P03';

interface ModelRow {
  version: string;
  definition: ScoringModelDefinition;
  status: ScoringModelView['status'];
  created_by: string;
  created_at: Date;
  activated_at: Date | null;
}

/**
 * Scoring models as versioned data: the shipped default is stored and active
 * until another is activated; drafts can be added; an active or retired
 * version never changes. Activating one re-scores the whole portfolio.
 */
@Injectable()
export class ScoringModelsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScoringModelsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly postures: PosturesService,
  ) {}

  /** The shipped model: active on a first start; on an installation running another, added as a draft for admins to weigh and activate. */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO scoring.models (version, definition, status, created_by, activated_at)
       SELECT $1, $2, CASE WHEN EXISTS (SELECT 1 FROM scoring.models) THEN 'draft' ELSE 'active' END, 'system',
              CASE WHEN EXISTS (SELECT 1 FROM scoring.models) THEN NULL ELSE now() END
       ON CONFLICT DO NOTHING`,
      [DEFAULT_MODEL.version, JSON.stringify(DEFAULT_MODEL)],
    );
    await this.dataSource.query(
      `INSERT INTO scoring.model_activations (version, activated_by, activated_at)
       SELECT version, 'system', activated_at FROM scoring.models
        WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM scoring.model_activations)`,
    );
  }

  async create(definition: ScoringModelDefinition, actor: string): Promise<ScoringModelView> {
    const rows = (await this.dataSource.query(
      `INSERT INTO scoring.models (version, definition, status, created_by) VALUES ($1, $2, 'draft', $3)
       ON CONFLICT (version) DO NOTHING RETURNING *`,
      [definition.version, JSON.stringify(definition), actor],
    )) as ModelRow[];
    if (!rows.length) throw new RpcError('conflict', `Model version ${definition.version} exists already: versions never change, add a new one`);
    return toView(rows[0], []);
  }

  async activate(version: string, actor: string): Promise<ScoringModelView & { rescoring: number }> {
    const activated = await this.dataSource.transaction(async (manager) => {
      // Waits for the transactions scoring under the model active now; those begun later wait for this one. Not for
      // long: meanwhile no scoring starts, so a backlog being applied is let finish and the activation asked again.
      await manager.query(`SET LOCAL lock_timeout = '3s'`); // within the gateway's 5 s wait for an answer
      try {
        await manager.query(`SELECT pg_advisory_xact_lock(${ACTIVE_MODEL_LOCK})`);
      } catch (error) {
        const { code, driverError } = error as { code?: string; driverError?: { code?: string } };
        if ((driverError?.code ?? code) !== LOCK_NOT_AVAILABLE) throw error;
        throw new RpcError('unavailable', `Scoring is applying a batch of events under the model active now; activate ${version} again shortly`);
      }
      await manager.query(`SET LOCAL lock_timeout = DEFAULT`);
      const [model] = (await manager.query(`SELECT * FROM scoring.models WHERE version = $1 FOR UPDATE`, [version])) as ModelRow[];
      if (!model) throw RpcError.notFound(`Model version ${version}`);
      if (model.status === 'active') return model;
      const replaced = firstResultSet<{ version: string }>(await manager.query(`UPDATE scoring.models SET status = 'retired' WHERE status = 'active' RETURNING version`));
      const [row] = firstResultSet<ModelRow>(
        await manager.query(`UPDATE scoring.models SET status = 'active', activated_at = now() WHERE version = $1 RETURNING *`, [version]),
      );
      await manager.query(`INSERT INTO scoring.model_activations (version, activated_by, activated_at, replaced) VALUES ($1, $2, $3, $4)`, [
        version,
        actor,
        row.activated_at,
        replaced[0]?.version ?? null,
      ]);
      this.logger.log(`Model ${version} activated by ${actor}`);
      return row;
    });
    const rescoring = await this.postures.count();
    // Re-scoring a large portfolio takes a while: it runs on, in batches, after the answer. Cut short (a restart, a
    // failed batch), the review sweep finishes it: it looks for postures by another model at every tick.
    void this.postures
      .rescoreByOlderModels()
      .catch((error: unknown) => this.logger.error(`Re-scoring after activating ${version} failed (the review sweep goes on with it): ${String(error)}`));
    return { ...toView(activated, await this.activations(version)), rescoring };
  }

  /** Which initiatives a model would move, and where, before it is activated. */
  async dryRun(version: string): Promise<DryRun> {
    const [model] = (await this.dataSource.query(`SELECT * FROM scoring.models WHERE version = $1`, [version])) as ModelRow[];
    if (!model) throw RpcError.notFound(`Model version ${version}`);
    return this.postures.dryRun(scoringModelSchema.parse(model.definition));
  }

  async list(): Promise<{ items: ScoringModelView[] }> {
    const rows = (await this.dataSource.query(`SELECT * FROM scoring.models ORDER BY created_at, version`)) as ModelRow[];
    const activations = await this.activations();
    return { items: rows.map((row) => toView(row, activations.filter((activation) => activation.version === row.version))) };
  }

  private async activations(version?: string): Promise<ActivationRow[]> {
    return (await this.dataSource.query(`SELECT * FROM scoring.model_activations WHERE $1::text IS NULL OR version = $1 ORDER BY seq`, [version ?? null])) as ActivationRow[];
  }
}

interface ActivationRow {
  version: string;
  activated_by: string;
  activated_at: Date;
  replaced: string | null;
}

function toView(row: ModelRow, activations: ActivationRow[]): ScoringModelView {
  return {
    version: row.version,
    status: row.status,
    definition: row.definition,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    activatedAt: row.activated_at ? new Date(row.activated_at).toISOString() : null,
    activations: activations.map((activation) => ({ activatedAt: new Date(activation.activated_at).toISOString(), activatedBy: activation.activated_by, replaced: activation.replaced })),
  };
}
