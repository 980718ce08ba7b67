// Where a retention figure stands against the B2B SaaS benchmarks: NRR of 100% and more is strong,
// 110% and more elite, under 90% concerning; GRR of 90% and more is healthy, 85-90% acceptable for an
// enterprise book, under 85% concerning.

export type Standing = "elite" | "strong" | "healthy" | "watch" | "concerning";

export interface Benchmarked {
  value: number | null;
  standing: Standing | null;
  /** The benchmark in words, for a reader who does not know it by heart. */
  benchmark: string;
}

export function nrrStanding(nrr: number | null): Benchmarked {
  const benchmark = "100%+ strong, 110%+ elite, under 90% concerning";
  if (nrr === null) return { value: null, standing: null, benchmark };
  const standing = nrr >= 110 ? "elite" : nrr >= 100 ? "strong" : nrr >= 90 ? "watch" : "concerning";
  return { value: nrr, standing, benchmark };
}

export function grrStanding(grr: number | null): Benchmarked {
  const benchmark = "90%+ healthy, 85-90% enterprise floor, under 85% concerning";
  if (grr === null) return { value: null, standing: null, benchmark };
  const standing = grr >= 90 ? "healthy" : grr >= 85 ? "watch" : "concerning";
  return { value: grr, standing, benchmark };
}
