import { Injectable, UnsupportedMediaTypeException } from '@nestjs/common';
import { IMPORT_CHUNK_CHARS, ImportRpc, pieceLength, type ImportKind, type ImportMode, type InitiativeImport } from '@capstan/contracts';
import { RpcClient, RpcError } from '@capstan/messaging';

/**
 * Hands a CSV file to intake in pieces that fit a NATS message; intake keeps
 * them, validates and writes in the background.
 */
@Injectable()
export class CsvUploadService {
  constructor(private readonly rpc: RpcClient) {}

  async upload(kind: ImportKind, mode: ImportMode, body: unknown, actor: string, correlationId?: string): Promise<InitiativeImport> {
    if (typeof body !== 'string') throw new UnsupportedMediaTypeException('Send the file as text/csv');
    const options = { correlationId };
    const { id } = await this.rpc.call(ImportRpc.start, { kind, mode, actor }, options);
    for (let seq = 0, offset = 0; offset < body.length || seq === 0; seq++) {
      const length = pieceLength(body.slice(offset, offset + IMPORT_CHUNK_CHARS + 1), IMPORT_CHUNK_CHARS);
      await this.rpc.call(ImportRpc.chunk, { id, seq, data: body.slice(offset, offset + length) }, options);
      offset += length;
    }
    return this.rpc.call(ImportRpc.finish, { id }, options);
  }

  async get(kind: ImportKind, id: string, correlationId?: string): Promise<InitiativeImport> {
    const found = await this.rpc.call(ImportRpc.get, { id }, { correlationId });
    // An id of the other kind of import is not found here.
    if (found.kind !== kind) throw RpcError.notFound(`Import ${id}`);
    return found;
  }
}
