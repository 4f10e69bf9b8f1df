import type { Forecast } from '@capstan/contracts';

type Category = Forecast['byCurrency'][number]['categories'][number];

/**
 * The categories with no forecast in any currency: spend on a category in one
 * currency is data about it, even when another currency has none, so only a
 * category unknown in every currency is "economics unknown".
 */
export function unknownInEveryCurrency(byCurrency: Forecast['byCurrency']): Extract<Category, { status: 'unknown' }>[] {
  const [first, ...rest] = byCurrency;
  return (first?.categories ?? []).filter(
    (category): category is Extract<Category, { status: 'unknown' }> =>
      category.status === 'unknown' && rest.every((currency) => currency.categories.find((c) => c.category === category.category)?.status === 'unknown'),
  );
}
