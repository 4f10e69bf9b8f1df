/**
 * What a condition asks for, without the figures and dates it reports for one initiative, so that initiatives held
 * back by the same thing count together: "record actual costs for 2026-10 (latest recorded: 2026-08)" and "… (latest
 * recorded: none)" are one condition, as are "raise economics readiness to 70: now 50" and "…: now 33".
 */
export function conditionKind(condition: string): string {
  return condition
    .replace(/ \((?:now|latest recorded:|held since) [^()]*(?:\([^()]*\)[^()]*)*\)/g, '')
    .replace(/: now [^:]*$/, '')
    .replace(/ at [\d.]+ % of its budget/, ' past its budget')
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z|\d{4}-\d{2}(?:-\d{2})?/g, '…');
}
