/** What is wrong with a range of dates being added (`what`: "change", "window"), or null: both dates, in order. */
export function datedRangeProblem({ from, to }: { from: string; to: string }, what: string): string | null {
  if (!from || !to) return `Give the ${what} both its dates (or clear them).`;
  if (from > to) return `A ${what} ends on or after it starts: ${from} → ${to} ends before it starts.`;
  return null;
}
