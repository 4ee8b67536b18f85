/**
 * A small, honest timer: warm up, then take many samples of a batch of calls and report the median
 * time per call, so a GC pause or a noisy neighbour on a shared machine moves one sample, not the
 * figure.
 */
export interface Measurement {
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly samples: number;
}

export function measure(run: () => unknown, options: { warmupMs?: number; sampleMs?: number; samples?: number } = {}): Measurement {
  const { warmupMs = 200, sampleMs = 20, samples = 40 } = options;
  let sink: unknown;
  const warmupEnd = performance.now() + warmupMs;
  let calls = 0;
  while (performance.now() < warmupEnd) {
    sink = run();
    calls++;
  }
  // Size each sample's batch so one sample lasts about sampleMs.
  const perCallMs = warmupMs / Math.max(calls, 1);
  const batch = Math.max(1, Math.round(sampleMs / Math.max(perCallMs, 1e-6)));
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let b = 0; b < batch; b++) sink = run();
    times.push((performance.now() - start) / batch);
  }
  keep(sink);
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? NaN, p90Ms: times[Math.floor(times.length * 0.9)] ?? NaN, samples };
}

// Stops the optimiser from discarding results of benchmarked calls.
let kept: unknown;
function keep(value: unknown): void {
  kept = value;
  if (kept === Symbol.for('never')) console.log(kept);
}

export interface BenchRow {
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  readonly baselineName: string;
  readonly baseline: number;
  /** What the issue asks for, as text ("≤ 10× baseline and < 5 ms"), or why there is none. */
  readonly budget: string;
  /** Undefined when the issue sets no budget for this figure (it is printed for reference). */
  readonly withinBudget: boolean | undefined;
}

export function printRows(title: string, rows: readonly BenchRow[]): void {
  const format = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(4));
  const lines = rows.map((row) => {
    const ratio = row.value / row.baseline;
    return [
      `  ${row.figure}`,
      `    ${format(row.value)} ${row.unit}  =  ${ratio.toFixed(2)}× baseline (${row.baselineName}: ${format(row.baseline)} ${row.unit})`,
      row.withinBudget === undefined
        ? `    budget: ${row.budget}`
        : `    budget: ${row.budget}  →  ${row.withinBudget ? 'within budget' : 'OVER BUDGET'}`,
    ].join('\n');
  });
  console.log(`\n${title}\n${lines.join('\n')}\n`);
}
