import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ReadinessRpc } from '@capstan/contracts';
import type { CriterionId } from '@capstan/domain';
import { RpcServer } from '@capstan/messaging';
import { EvidenceExpirySweep } from './evidence-expiry';
import { ReadinessService } from './readiness.service';

@Injectable()
export class ReadinessHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly readiness: ReadinessService,
    private readonly expirySweep: EvidenceExpirySweep,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(ReadinessRpc.assignOwner, (r, context) =>
      this.readiness.assignOwner(r.initiativeId, r.responsibility, r.owner, r.actor, r.ifMatch, context),
    );
    this.rpc.handle(ReadinessRpc.removeOwner, (r, context) => this.readiness.removeOwner(r.initiativeId, r.responsibility, r.actor, r.ifMatch, context));
    this.rpc.handle(ReadinessRpc.sweepExpiredEvidence, async ({ asOf }) => ({
      expired: await this.expirySweep.sweep(asOf ? new Date(asOf) : new Date()),
    }));
    this.rpc.handle(ReadinessRpc.recordEvidence, (r, context) =>
      this.readiness.recordEvidence(r.initiativeId, r.criterionId as CriterionId, r.evidence, r.actor, r.ifMatch, context),
    );
  }
}
