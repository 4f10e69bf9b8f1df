/** Thousands grouped by commas, as finance types them: "1,250,000.50". */
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * An amount as typed, without the commas that group its thousands. Any other comma is left in, for the form's
 * check to refuse: "2.000,50" written the European way must not become 2.00050.
 */
export function ungrouped(typed: string): string {
  const amount = typed.trim();
  return GROUPED.test(amount) ? amount.replace(/,/g, '') : amount;
}

/** A list typed with commas or semicolons between its items ("50, 80, 100 %"), its items trimmed. */
export function listItems(typed: string): string[] {
  return typed
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
