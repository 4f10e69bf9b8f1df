import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InitiativeEvents, type Initiative, type InitiativeListQuery, type RegisterInitiative } from '@capstan/contracts';
import { formatInitiativeKey } from '@capstan/domain';
import { Outbox, RpcError, type RpcContext } from '@capstan/messaging';
import { InitiativeEntity } from './initiative.entity';

@Injectable()
export class InitiativesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async register(input: RegisterInitiative, actor: string, context: RpcContext): Promise<Initiative> {
    const initiative = await this.dataSource.transaction(async (manager) => {
      const [{ next }] = (await manager.query(`SELECT nextval('intake.initiative_key_seq')::text AS next`)) as { next: string }[];
      const entity = manager.create(InitiativeEntity, {
        ...input,
        id: randomUUID(),
        key: formatInitiativeKey(Number(next)),
        createdBy: actor,
        version: 1,
      });
      const saved = toInitiative(await manager.save(entity));
      await this.outbox.enqueue(manager, InitiativeEvents.registered, { initiative: saved, actor }, context);
      return saved;
    });
    this.outbox.wake();
    return initiative;
  }

  async get(id: string): Promise<Initiative> {
    const entity = await this.dataSource.manager.findOneBy(InitiativeEntity, { id });
    if (!entity) throw RpcError.notFound(`Initiative ${id}`);
    return toInitiative(entity);
  }

  async list(query: InitiativeListQuery): Promise<{ items: Initiative[] }> {
    const entities = await this.dataSource.manager.find(InitiativeEntity, {
      where: query.businessUnit ? { businessUnit: query.businessUnit } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      take: query.limit,
    });
    return { items: entities.map(toInitiative) };
  }
}

function toInitiative(entity: InitiativeEntity): Initiative {
  return {
    id: entity.id,
    key: entity.key,
    name: entity.name,
    summary: entity.summary,
    businessUnit: entity.businessUnit,
    sponsor: entity.sponsor,
    useCaseCategory: entity.useCaseCategory,
    stage: entity.stage,
    riskTier: entity.riskTier,
    tags: entity.tags,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
