import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { PostureEvents, type EventEnvelope, type PostureSummary, type PostureView } from '@capstan/contracts';
import { Outbox, RpcError } from '@capstan/messaging';
import { emptyInputs, evaluate, type Evaluation, type ScoringInputs } from '@capstan/scoring-core';
import { ActiveModel } from '../models/active-model';
import { EvaluationEntity } from './evaluation.entity';
import { ScoringSubjectEntity } from './scoring-subject.entity';

@Injectable()
export class PosturesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly activeModel: ActiveModel,
  ) {}

  /** Starts tracking a newly registered initiative and records its first posture. */
  async track(manager: EntityManager, initiativeId: string, cause: Cause): Promise<void> {
    const existing = await this.lockSubject(manager, initiativeId);
    await this.rescore(manager, existing?.inputs ?? emptyInputs(initiativeId), existing, cause);
  }

  /**
   * Applies one changed input and re-scores. Events about the same initiative can
   * arrive out of order (other consumers, replicas): an input set at an older
   * initiative version than the one already applied is ignored.
   */
  async applyInput(
    manager: EntityManager,
    initiativeId: string,
    input: { key: string; initiativeVersion: number; apply: (inputs: ScoringInputs) => void },
    cause: Cause,
  ): Promise<void> {
    const existing = await this.lockSubject(manager, initiativeId);
    const applied = existing?.appliedVersions ?? {};
    if ((applied[input.key] ?? 0) >= input.initiativeVersion) return;
    const inputs = structuredClone(existing?.inputs ?? emptyInputs(initiativeId));
    input.apply(inputs);
    await this.rescore(manager, inputs, existing, cause, { ...applied, [input.key]: input.initiativeVersion });
  }

  /** Re-evaluates with unchanged inputs: time has moved (evidence lapsed, a hold period passed). */
  async reevaluate(manager: EntityManager, initiativeId: string, cause: Cause = {}): Promise<void> {
    const existing = await this.lockSubject(manager, initiativeId);
    if (existing) await this.rescore(manager, existing.inputs, existing, cause);
  }

  /** Re-evaluates initiatives whose review time has come; replicas take different ones. Returns how many. */
  async reviewDue(batch = 100): Promise<number> {
    const reviewed = await this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(ScoringSubjectEntity, 's')
        .where('s.review_at <= now()')
        .orderBy('s.review_at')
        .limit(batch)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const subject of due) await this.rescore(manager, subject.inputs, subject, {});
      return due.length;
    });
    if (reviewed) this.outbox.wake();
    return reviewed;
  }

  async count(): Promise<number> {
    return this.dataSource.manager.count(ScoringSubjectEntity);
  }

  /** Re-scores every initiative (after a model change), in batches. */
  async rescoreAll(batch = 200): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = (await this.dataSource.query(
        `SELECT initiative_id FROM scoring.subjects WHERE initiative_id > $1 ORDER BY initiative_id LIMIT $2`,
        [after, batch],
      )) as { initiative_id: string }[];
      if (!ids.length) return;
      await this.dataSource.transaction(async (manager) => {
        for (const { initiative_id } of ids) await this.reevaluate(manager, initiative_id);
      });
      this.outbox.wake();
      after = ids[ids.length - 1].initiative_id;
    }
  }

  private lockSubject(manager: EntityManager, initiativeId: string): Promise<ScoringSubjectEntity | null> {
    return manager.findOne(ScoringSubjectEntity, { where: { initiativeId }, lock: { mode: 'pessimistic_write' } });
  }

  async get(initiativeId: string): Promise<PostureView> {
    const subject = await this.dataSource.manager.findOneBy(ScoringSubjectEntity, { initiativeId });
    if (!subject?.evaluationId) throw RpcError.notFound(`Posture of initiative ${initiativeId}`);
    const evaluation = await this.dataSource.manager.findOneByOrFail(EvaluationEntity, { id: subject.evaluationId });
    return toView(evaluation.result);
  }

  async many(initiativeIds: string[]): Promise<{ items: PostureSummary[] }> {
    if (!initiativeIds.length) return { items: [] };
    const rows = await this.dataSource.manager
      .createQueryBuilder(EvaluationEntity, 'e')
      .innerJoin(ScoringSubjectEntity, 's', 's.evaluation_id = e.id')
      .where({ initiativeId: In(initiativeIds) })
      .getMany();
    return { items: rows.map((row) => toSummary(row.result)) };
  }

  private async rescore(
    manager: EntityManager,
    inputs: ScoringInputs,
    subject: ScoringSubjectEntity | null,
    cause: Cause,
    appliedVersions: Record<string, number> = subject?.appliedVersions ?? {},
  ): Promise<void> {
    const model = await this.activeModel.get(manager);
    const result = evaluate(inputs, model, new Date(), { gatesHeldSince: subject?.gatesHeldSince?.toISOString() ?? null });
    const evaluationId = randomUUID();
    await manager.insert(EvaluationEntity, {
      id: evaluationId,
      initiativeId: inputs.initiativeId,
      posture: result.posture,
      result,
      modelVersion: result.modelVersion,
      inputHash: result.inputHash,
      evaluatedAt: new Date(result.evaluatedAt),
    });
    const previous = subject?.posture ?? null;
    await manager.save(ScoringSubjectEntity, {
      initiativeId: inputs.initiativeId,
      inputs,
      posture: result.posture,
      evaluationId,
      appliedVersions,
      gatesHeldSince: result.gatesHeldSince ? new Date(result.gatesHeldSince) : null,
      reviewAt: result.reviewAt ? new Date(result.reviewAt) : null,
      version: (subject?.version ?? 0) + 1,
    });
    const meta = { correlationId: cause.correlationId };
    if (previous !== result.posture) {
      await this.outbox.enqueue(
        manager,
        PostureEvents.changed,
        { initiativeId: inputs.initiativeId, previous, posture: result.posture, modelVersion: result.modelVersion, evaluatedAt: result.evaluatedAt },
        meta,
      );
    } else {
      await this.outbox.enqueue(
        manager,
        PostureEvents.scoreUpdated,
        { initiativeId: inputs.initiativeId, posture: result.posture, evaluatedAt: result.evaluatedAt },
        meta,
      );
    }
  }
}

/** What caused an evaluation: an event (its correlation id travels on) or the passing of time. */
type Cause = Pick<EventEnvelope, 'correlationId'>;

function toSummary(result: Evaluation): PostureSummary {
  return {
    initiativeId: result.initiativeId,
    posture: result.posture,
    domainScores: Object.fromEntries(result.domains.map((domain) => [domain.id, domain.score])),
    signals: result.signals,
    conditions: result.conditions,
    modelVersion: result.modelVersion,
    evaluatedAt: result.evaluatedAt,
  };
}

function toView(result: Evaluation): PostureView {
  return {
    initiativeId: result.initiativeId,
    posture: result.posture,
    domains: result.domains.map((domain) => ({
      id: domain.id,
      score: domain.score,
      criteria: domain.criteria.map(({ id, state, source }) => ({ id, state, source })),
    })),
    signals: result.signals,
    conditions: result.conditions,
    patterns: result.patterns,
    modelVersion: result.modelVersion,
    evaluatedAt: result.evaluatedAt,
  };
}
