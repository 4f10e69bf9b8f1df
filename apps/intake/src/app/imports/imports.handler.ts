import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ImportRpc } from '@capstan/contracts';
import { RpcServer } from '@capstan/messaging';
import { ImportsService } from './imports.service';

@Injectable()
export class ImportsHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly imports: ImportsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(ImportRpc.start, ({ kind, mode, actor }) => this.imports.start(kind, mode, actor));
    this.rpc.handle(ImportRpc.chunk, ({ id, seq, data }) => this.imports.appendChunk(id, seq, data));
    this.rpc.handle(ImportRpc.finish, ({ id }) => this.imports.finish(id));
    this.rpc.handle(ImportRpc.get, ({ id }) => this.imports.get(id));
  }
}
