import { TELEMETRY_FIGURES, type Telemetry, type TelemetryPeriodFigures } from '@capstan/contracts';

/**
 * A period's figures after a report: each figure the report gives (null
 * included, taking it back to unreported), the others as the period held
 * them — unreported for a new period.
 */
export function mergeTelemetry(held: TelemetryPeriodFigures | null, report: Telemetry): TelemetryPeriodFigures {
  const merged = { period: report.period } as TelemetryPeriodFigures;
  for (const figure of TELEMETRY_FIGURES) merged[figure] = report[figure] !== undefined ? report[figure] : (held?.[figure] ?? null);
  return merged;
}
