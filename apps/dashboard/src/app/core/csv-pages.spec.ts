import { joinCsvPages, nextPage } from './csv-pages';

describe(nextPage.name, () => {
  it('should find the next page a Link header names, and none without one', () => {
    expect(nextPage('</api/v1/cost-imports?limit=200&cursor=12>; rel="next"')).toBe('/api/v1/cost-imports?limit=200&cursor=12');
    expect(nextPage('</a?page=1>; rel="prev", </a?page=3>; rel="next"')).toBe('/a?page=3');
    expect(nextPage(null)).toBeNull();
    expect(nextPage('</a?page=1>; rel="prev"')).toBeNull();
  });
});

describe(joinCsvPages.name, () => {
  it('should keep one header row and every row of every page', () => {
    expect(joinCsvPages(['id,amount\n1,2.50\n2,3.00\n', 'id,amount\n3,4.00\n', 'id,amount\n4,5.00'])).toBe('id,amount\n1,2.50\n2,3.00\n3,4.00\n4,5.00\n');
    expect(joinCsvPages(['id,amount\n'])).toBe('id,amount\n');
  });
});
