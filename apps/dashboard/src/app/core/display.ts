/** A share ("0.902") as a whole percentage, for display only: the figure itself stays exact in the data. */
export function percent(share: string | number): string {
  return `${Math.round(Number(share) * 100)} %`;
}

/** An audit value in a line of text: ∅ for nothing, objects as JSON, long ones cut with an ellipsis. */
export function shortValue(value: unknown, max: number): string {
  if (value === null || value === undefined || value === '') return '∅';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}
