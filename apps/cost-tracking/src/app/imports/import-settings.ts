/** How imports and their reversals are leased and resumed, from the environment; invalid values stop the service. */
export interface ImportSettings {
  /** How long a process owns an import it works on; a crashed one's import is resumed after this. */
  leaseSeconds: number;
  /** How often imports (and reversals) left without a live lease are looked for. */
  resumeIntervalMs: number;
  /** How long an upload may go without a new piece before it is taken as broken off. */
  uploadTimeoutSeconds: number;
}

export function importSettings(env: NodeJS.ProcessEnv = process.env): ImportSettings {
  return {
    leaseSeconds: whole(env, 'COST_IMPORT_LEASE_SECONDS', 60, 1, 'seconds'),
    resumeIntervalMs: whole(env, 'COST_IMPORT_RESUME_INTERVAL_MS', 15_000, 100, 'milliseconds'),
    uploadTimeoutSeconds: whole(env, 'COST_IMPORT_UPLOAD_TIMEOUT_SECONDS', 3_600, 1, 'seconds'),
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, least: number, unit: string): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`Invalid configuration for cost-tracking: ${name} must be a whole number of ${unit}, at least ${least}`);
  }
  return value;
}
