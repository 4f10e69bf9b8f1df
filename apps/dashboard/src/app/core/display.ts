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

/**
 * An exact decimal string with its whole part grouped by thousands
 * ("-1234567.891" → "-1,234,567.891"). Only separators are added: every digit
 * stays as the API sent it, never through a float. Anything else is shown as
 * it is, and no amount as nothing.
 */
export function money(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount);
  if (!match) return amount;
  const [, sign, whole, fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}
