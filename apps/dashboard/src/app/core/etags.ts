/** The later of two ETags of one initiative (`"7"`), for a write that must start from the newest version seen; `*` loses. */
export function newerEtag(a: string, b: string): string {
  const version = (etag: string) => Number(/^(?:W\/)?"(\d+)"$/.exec(etag)?.[1] ?? -1);
  return version(b) > version(a) ? b : a;
}
