import { nestsDeeperThan } from './body-depth';

describe(nestsDeeperThan.name, () => {
  it('should measure nesting through arrays and objects alike', () => {
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(undefined, 0)).toBe(false);
  });

  it('should walk a body nested far past any stack without overflowing', () => {
    const deep = JSON.parse(`{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`) as unknown;
    expect(nestsDeeperThan(deep, 32)).toBe(true);
  });
});
