/**
 * Would adding the edge `from → to` ("from depends on to") close a cycle?
 * Returns the cycle as a path that starts and ends at `from`, or null.
 */
export function cycleIfAdded(edges: Iterable<readonly [string, string]>, from: string, to: string): string[] | null {
  if (from === to) return [from, from];
  const dependsOn = new Map<string, string[]>();
  for (const [source, target] of edges) {
    const targets = dependsOn.get(source);
    if (targets) targets.push(target);
    else dependsOn.set(source, [target]);
  }
  // Breadth-first from `to`: a path back to `from` plus the new edge is a cycle.
  const cameFrom = new Map<string, string>([[to, from]]);
  const queue = [to];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const next of dependsOn.get(node) ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, node);
      if (next === from) return pathBack(cameFrom, from);
      queue.push(next);
    }
  }
  return null;
}

function pathBack(cameFrom: Map<string, string>, from: string): string[] {
  const path = [from];
  let node = cameFrom.get(from) as string;
  while (node !== from) {
    path.push(node);
    node = cameFrom.get(node) as string;
  }
  path.push(from);
  return path.reverse();
}
