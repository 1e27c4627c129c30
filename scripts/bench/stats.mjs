// Small statistics shared by the benchmark's measurements.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Nearest-rank percentile: the smallest value with at least `p` % of the values at or below it. */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

export const round = (value) => Math.round(value * 10) / 10;

/** Median, p95 and max of a list of milliseconds, rounded to 0.1 ms. */
export const summary = (values) => ({
  median: round(median(values)),
  p95: round(percentile(values, 95)),
  max: round(Math.max(...values)),
});
