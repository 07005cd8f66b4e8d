/** A seeded xorshift32: the same cases on every run, so a failure can be replayed. Returns 0 ≤ n' < n. */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}
