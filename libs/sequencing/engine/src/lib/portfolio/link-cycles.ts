/**
 * The cycles of a directed graph of `nodes` nodes: one per group of nodes that
 * reach each other (a strongly connected component with more than one node, or
 * a node linked to itself). `members` are all of the group's nodes; `path` is
 * one cycle through them, its first node repeated last, for naming it.
 */
export interface GraphCycle {
  readonly members: readonly number[];
  readonly path: readonly number[];
}

export function graphCycles(nodes: number, edges: readonly (readonly [number, number])[]): GraphCycle[] {
  const successors: number[][] = Array.from({ length: nodes }, () => []);
  for (const [from, to] of edges) successors[from].push(to);
  const component = strongComponents(successors);
  const groups = new Map<number, number[]>();
  component.forEach((c, node) => {
    const group = groups.get(c);
    if (group) group.push(node);
    else groups.set(c, [node]);
  });
  const cycles: GraphCycle[] = [];
  for (const members of groups.values()) {
    const start = members[0];
    if (members.length === 1 && !successors[start].includes(start)) continue;
    cycles.push({ members, path: cycleThrough(start, successors, (node) => component[node] === component[start]) });
  }
  return cycles.sort((a, b) => a.members[0] - b.members[0]);
}

/** Tarjan's algorithm, iterative (long dependency chains would overflow the call stack): a component number per node. */
function strongComponents(successors: readonly number[][]): number[] {
  const n = successors.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const component = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: { node: number; next: number }[] = [{ node: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const { node } = frame;
      if (frame.next < successors[node].length) {
        const to = successors[node][frame.next++];
        if (index[to] === -1) {
          index[to] = low[to] = counter++;
          stack.push(to);
          work.push({ node: to, next: 0 });
        } else if (component[to] === -1) {
          low[node] = Math.min(low[node], index[to]);
        }
        continue;
      }
      work.pop();
      if (work.length) low[work[work.length - 1].node] = Math.min(low[work[work.length - 1].node], low[node]);
      if (low[node] === index[node]) {
        let member: number;
        do {
          member = stack.pop() ?? node;
          component[member] = components;
        } while (member !== node);
        components++;
      }
    }
  }
  return component;
}

/** The shortest way from `start` back to itself, staying inside its component (breadth first). */
function cycleThrough(start: number, successors: readonly number[][], inside: (node: number) => boolean): number[] {
  const cameFrom = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const to of successors[node]) {
      if (to === start) {
        const path = [start];
        for (let at = node; at !== start; at = cameFrom.get(at) ?? start) path.push(at);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (inside(to) && !cameFrom.has(to)) {
        cameFrom.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
