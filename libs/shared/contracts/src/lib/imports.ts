import { z } from 'zod';
import { rpcContract } from './rpc';
import { fieldErrorSchema } from './rpc';
import { PG_INTEGER_MAX } from './stored-integers';

export const IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_KINDS = ['initiatives', 'telemetry'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = ['receiving', 'processing', 'completed', 'rejected', 'failed'] as const;

export const importRowErrorSchema = z.object({
  /** The row's number in the file as a spreadsheet shows it: the header is row 1. */
  row: z.number().int(),
  errors: z.array(fieldErrorSchema),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const initiativeImportSchema = z.object({
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(IMPORT_STATUSES),
  mode: z.enum(IMPORT_MODES),
  rowsTotal: z.number().int(),
  rowsProcessed: z.number().int(),
  rowsImported: z.number().int(),
  /** Rows that needed no write (for initiatives: business unit + name exist already), so re-importing a file creates no duplicates. */
  rowsSkipped: z.number().int(),
  rowsInvalid: z.number().int(),
  /** 0..1 */
  progress: z.number().min(0).max(1),
  errors: z.array(importRowErrorSchema),
  failure: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InitiativeImport = z.infer<typeof initiativeImportSchema>;

/** The largest piece of a file sent in one NATS message (the broker's default limit is 1 MiB). */
export const IMPORT_CHUNK_CHARS = 256 * 1024;

export const ImportRpc = {
  start: rpcContract(
    'intake.import.start',
    z.object({ kind: z.enum(IMPORT_KINDS).default('initiatives'), mode: z.enum(IMPORT_MODES), actor: z.string() }).strict(),
    z.object({ id: z.uuid() }),
  ),
  chunk: rpcContract(
    'intake.import.chunk',
    z.object({ id: z.uuid(), seq: z.number().int().min(0).max(PG_INTEGER_MAX), data: z.string().max(IMPORT_CHUNK_CHARS) }).strict(),
    z.object({ received: z.number().int() }),
  ),
  finish: rpcContract('intake.import.finish', z.object({ id: z.uuid() }).strict(), initiativeImportSchema),
  get: rpcContract('intake.import.get', z.object({ id: z.uuid() }).strict(), initiativeImportSchema),
};
