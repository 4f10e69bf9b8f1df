import { EMPTY, expand, map, reduce, type Observable } from 'rxjs';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every page of a cursor-paged list, followed to its end: counts, filters and
 * exports over a list must not quietly stop at its first page.
 */
export function allPages<T>(page: (cursor: string | undefined) => Observable<Page<T>>): Observable<{ items: T[] }> {
  return page(undefined).pipe(
    expand((response) => (response.nextCursor ? page(response.nextCursor) : EMPTY)),
    // Appended in place: copying the whole list for every page would grow with its square.
    reduce((items: T[], response) => {
      for (const item of response.items) items.push(item);
      return items;
    }, []),
    map((items) => ({ items })),
  );
}
