import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AllocationRpc, CostImportRpc } from '@capstan/contracts';
import { RpcServer } from '@capstan/messaging';
import { AllocationRulesService } from './allocation-rules.service';
import { CostImportsService } from './cost-imports.service';
import { ImportReallocationsService } from './import-reallocations.service';
import { ImportReversalsService } from './import-reversals.service';

@Injectable()
export class ImportsHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly imports: CostImportsService,
    private readonly rules: AllocationRulesService,
    private readonly reversals: ImportReversalsService,
    private readonly reallocations: ImportReallocationsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(CostImportRpc.start, ({ options, actor }) => this.imports.start(options, actor));
    this.rpc.handle(CostImportRpc.chunk, ({ id, seq, data }) => this.imports.appendChunk(id, seq, data));
    // A gateway of an earlier version counted characters, not bytes: its pieces are checked by number only.
    this.rpc.handle(CostImportRpc.finish, ({ id, pieces, bytes, sha256 }) => this.imports.finish(id, pieces, bytes, sha256));
    this.rpc.handle(CostImportRpc.abandon, ({ id, reason }) => this.imports.abandon(id, reason));
    this.rpc.handle(CostImportRpc.get, ({ id }) => this.imports.get(id));
    this.rpc.handle(CostImportRpc.list, (query) => this.imports.list(query));
    this.rpc.handle(CostImportRpc.reverse, ({ id, reason, actor }) => this.reversals.request(id, reason, actor));
    this.rpc.handle(CostImportRpc.reallocate, ({ id, reason, actor }) => this.reallocations.request(id, reason, actor));
    this.rpc.handle(AllocationRpc.create, ({ rule, actor }) => this.rules.create(rule, actor));
    this.rpc.handle(AllocationRpc.list, () => this.rules.list());
    this.rpc.handle(AllocationRpc.retire, ({ id, actor }) => this.rules.retire(id, actor));
  }
}
