/** What one benchmark reports: a table of rows and notes. `npm run bench` prints it and writes JSON. */
export interface BenchResult {
  name: string;
  rows: Record<string, string | number>[];
  notes?: string[];
}

export type Bench = () => Promise<BenchResult>;

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
