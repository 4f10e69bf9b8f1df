import { firstValueFrom, of } from 'rxjs';
import { allPages } from './paging';

describe(allPages.name, () => {
  it('should follow the cursor to the last page, in order', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      first: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3, 4], nextCursor: 'c' },
      c: { items: [5], nextCursor: null },
    };
    const asked: (string | undefined)[] = [];
    const all = await firstValueFrom(
      allPages((cursor) => {
        asked.push(cursor);
        return of(pages[cursor ?? 'first']);
      }),
    );
    expect(all.items).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });
});
