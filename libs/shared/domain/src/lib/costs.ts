export const COST_CATEGORIES = [
  'inference',
  'infrastructure',
  'data',
  'monitoring',
  'support_staffing',
  'operating_controls',
  'other',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const COST_PHASES = ['pilot', 'production'] as const;
export type CostPhase = (typeof COST_PHASES)[number];

/** The ISO 4217 codes of the currencies in use, as the runtime's ICU data knows them. */
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * Whether `code` is a currency in use ("EUR", "USD"): three capitals are not
 * enough, since an entry in "UDS" would never find a rate and its budget
 * would never burn.
 */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODES.has(code);
}

/**
 * The decimals a currency's amounts are shown to (its minor unit): 2 for EUR, 0 for JPY, 3 for KWD, as the runtime's
 * ICU data has them. For figures that are estimates (forecasts); the ledger keeps every digit it is given.
 */
export function minorUnitDigits(currency: string): number {
  return isCurrencyCode(currency) ? (new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2) : 2;
}
