/**
 * Timing helpers for the benchmark pages. Each figure is the median of several runs, with the
 * fastest and slowest shown beside it, so one noisy run on a busy 2-core machine cannot decide it.
 */
export interface Figure {
  /** What was measured: "open + list 10,000". */
  task: string;
  /** Who did it: "LocalStorageAdapter", "localForage (localStorage)". */
  subject: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  /** The goal for this figure in ms, if the issue sets one. */
  goal?: number;
}

/** Runs `prepare` (untimed) then `task` (timed), `runs` times; returns milliseconds. */
export async function measure(
  subject: string,
  task: string,
  runs: number,
  body: { prepare?: () => Promise<void>; run: () => Promise<void>; cleanup?: () => Promise<void> },
  goal?: number,
): Promise<Figure> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await body.prepare?.();
    const start = performance.now();
    await body.run();
    times.push(performance.now() - start);
    await body.cleanup?.();
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { subject, task, median, min: times[0]!, max: times[times.length - 1]!, runs, ...(goal === undefined ? {} : { goal }) };
}

/** Hands the figures to scripts/bench.mjs, which prints them. */
export function report(figures: Figure[]): void {
  (window as unknown as { __bench: unknown }).__bench = { figures };
}

export function fail(error: unknown): void {
  (window as unknown as { __bench: unknown }).__bench = { error: String((error as Error)?.stack ?? error) };
}
