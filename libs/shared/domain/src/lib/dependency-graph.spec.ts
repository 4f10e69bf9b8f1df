import { cycleIfAdded } from './dependency-graph';

describe(cycleIfAdded.name, () => {
  const edges: [string, string][] = [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'd'],
    ['x', 'y'],
  ];

  it('should allow an edge that closes no cycle', () => {
    expect(cycleIfAdded(edges, 'a', 'd')).toBeNull();
    expect(cycleIfAdded(edges, 'd', 'x')).toBeNull();
  });

  it('should name the whole cycle an edge would close, starting and ending at its source', () => {
    expect(cycleIfAdded(edges, 'd', 'a')).toEqual(['d', 'a', 'b', 'c', 'd']);
    expect(cycleIfAdded(edges, 'c', 'b')).toEqual(['c', 'b', 'c']);
  });

  it('should refuse a self-dependency', () => {
    expect(cycleIfAdded(edges, 'a', 'a')).toEqual(['a', 'a']);
  });
});
