import { z } from 'zod';
import { loadServiceConfig, type ServiceConfig } from '@capstan/service-kit';

export interface IntakeConfig extends ServiceConfig {
  evidenceSweepIntervalMs: number;
  /** How often new audit records are sealed into the hash chain. */
  auditSealIntervalMs: number;
  /** Data rows one CSV import may hold. */
  importMaxRows: number;
  /** An upload no piece has reached for this long is taken as broken off. */
  importUploadTimeoutSeconds: number;
}

export function loadIntakeConfig(env: NodeJS.ProcessEnv = process.env): IntakeConfig {
  const base = loadServiceConfig('intake', 3101, env);
  const parsed = z
    .object({
      EVIDENCE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(7 * 24 * 3_600_000).default(3_600_000),
      AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2_000),
      IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
      IMPORT_UPLOAD_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(7 * 24 * 3_600).default(3_600),
    })
    .safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration for intake: ${issue?.path.join('.')} ${issue?.message}`);
  }
  return { ...base, evidenceSweepIntervalMs: parsed.data.EVIDENCE_SWEEP_INTERVAL_MS, auditSealIntervalMs: parsed.data.AUDIT_SEAL_INTERVAL_MS,
    importMaxRows: parsed.data.IMPORT_MAX_ROWS,
    importUploadTimeoutSeconds: parsed.data.IMPORT_UPLOAD_TIMEOUT_SECONDS,
  };
}

export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');
