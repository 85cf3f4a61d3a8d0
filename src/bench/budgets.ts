// Issue 8's budgets (and issues 4 and 5's), on these 2-core machines. A figure
// with no budget here is printed for scale only.
export const BUDGETS = {
  /** Full pod list on screen (ms), by pod count. */
  listMs: new Map([
    [10_000, 2_000],
    [30_000, 6_000],
  ]),
  /** RSS (bytes), by pod count. */
  rss: new Map([
    [10_000, 250_000_000],
    [30_000, 600_000_000],
  ]),
  stormCpuPercent: 60,
  stormBytesPerSecond: 20_000,
  keyLatencyP95Ms: 50,
  soakGrowthPercent: 5,
  /** 100,000 pod updates across 10,000 pods through the model (CPU ms). */
  modelUpdatesCpuMs: 1_000,
  /** The client's retained cache per pod at 10,000 pods (bytes). */
  cacheBytesPerPod: 3_000,
} as const;
