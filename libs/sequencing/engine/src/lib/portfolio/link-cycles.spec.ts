import { graphCycles } from './link-cycles';

describe(graphCycles.name, () => {
  it('should find one cycle per group of nodes that reach each other, self-links included', () => {
    const edges = [[0, 1], [1, 2], [2, 0], [2, 3], [4, 4], [5, 6], [6, 5], [3, 5]] as const;
    expect(graphCycles(7, edges)).toEqual([
      { members: [0, 1, 2], path: [0, 1, 2, 0] },
      { members: [4], path: [4, 4] },
      { members: [5, 6], path: [5, 6, 5] },
    ]);
  });

  it('should find none in a long chain, without running out of stack', () => {
    const n = 100_000;
    const chain = Array.from({ length: n - 1 }, (_, k) => [k, k + 1] as const);
    expect(graphCycles(n, chain)).toEqual([]);
    expect(graphCycles(n, [...chain, [n - 1, 0]])[0].members).toHaveLength(n);
  });
});
