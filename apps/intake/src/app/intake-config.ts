import { z } from 'zod';
import { loadServiceConfig, type ServiceConfig } from '@capstan/service-kit';

export interface IntakeConfig extends ServiceConfig {
  evidenceSweepIntervalMs: number;
}

export function loadIntakeConfig(env: NodeJS.ProcessEnv = process.env): IntakeConfig {
  const base = loadServiceConfig('intake', 3101, env);
  const parsed = z
    .object({ EVIDENCE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(7 * 24 * 3_600_000).default(3_600_000) })
    .safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration for intake: EVIDENCE_SWEEP_INTERVAL_MS ${parsed.error.issues[0]?.message}`);
  }
  return { ...base, evidenceSweepIntervalMs: parsed.data.EVIDENCE_SWEEP_INTERVAL_MS };
}

export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');
