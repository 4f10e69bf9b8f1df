/** Today (UTC) as YYYY-MM-DD, or the day `days` before it. */
export function dayBefore(days = 0, today = new Date()): string {
  return new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}
