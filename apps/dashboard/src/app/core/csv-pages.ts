/** The URL a `Link` header names as `rel="next"`, if any. */
export function nextPage(link: string | null): string | null {
  for (const part of (link ?? '').split(',')) {
    const match = /^\s*<([^>]+)>\s*;\s*rel="?next"?\s*$/.exec(part);
    if (match) return match[1];
  }
  return null;
}

/** Pages of one CSV table joined: the first whole, the others without their header row. */
export function joinCsvPages(pages: readonly string[]): string {
  return pages
    .map((body, index) => (index === 0 ? body : body.slice(body.indexOf('\n') + 1)))
    .map((body) => (body === '' || body.endsWith('\n') ? body : `${body}\n`))
    .join('');
}
