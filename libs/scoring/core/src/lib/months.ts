/** Calendar months as whole numbers (year × 12 + month − 1), so that month arithmetic is subtraction. */
export const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

/** The first moment (UTC) of a month given by its index. */
export const monthStart = (index: number) => new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));

/** The index of the month a moment falls in (UTC). */
export const monthOf = (moment: Date) => moment.getUTCFullYear() * 12 + moment.getUTCMonth();
