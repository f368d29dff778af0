/**
 * One row of `pnpm bench`'s table. Each file `scripts/bench/<topic>.ts` default-exports an async
 * function returning its rows; `scripts/bench.mjs` runs them all, prints one table, and exits
 * non-zero if any row with a budget misses it.
 */
export interface BenchRow {
  /** What was measured, e.g. "button path, peers external (min+gzip)". */
  metric: string;
  value: number;
  unit: string;
  /** The budget, in the same unit; omitted for rows that are information only. */
  budget?: number;
  /** How the value compares with the budget; default 'max' (value must be ≤ budget). */
  compare?: 'max' | 'min';
  /** A short note: sample size, what is bundled, … */
  note?: string;
}

export type Bench = () => Promise<BenchRow[]>;
