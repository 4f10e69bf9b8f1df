/** Monday of the current week (UTC): plans start there at the earliest, as weeks gone by cannot be planned again. */
export function mondayOfThisWeek(): string {
  const today = new Date();
  const back = (today.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - back)).toISOString().slice(0, 10);
}
