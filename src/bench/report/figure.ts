// One measured figure: podtui's value, kubectl's when it has a counterpart,
// and the budget issue 8 sets for it. Values are kept in base units (ms,
// bytes, bytes/s, % of one core) and only formatted when printed.

export type Unit = 'ms' | 'bytes' | 'bytes/s' | '%' | 'count';

export interface Figure {
  /** What was measured, e.g. "Full pod list on screen". */
  name: string;
  /** Under which load, e.g. "10,000 pods" or "storm 60 s, 10,000 pods". */
  load: string;
  unit: Unit;
  /** undefined when the measurement failed (see `note`). */
  podtui: number | undefined;
  /** kubectl get pods -A -w under the same load; absent where kubectl has no such figure. */
  kubectl?: number | undefined;
  /** podtui must stay at or below this (issue 8); absent where no budget was set. */
  budget?: number;
  note?: string;
}

export type Verdict = 'PASS' | 'MISS' | 'n/a' | 'FAILED';

export function verdict(figure: Figure): Verdict {
  if (figure.budget === undefined) return 'n/a';
  if (figure.podtui === undefined || Number.isNaN(figure.podtui)) return 'FAILED';
  return figure.podtui <= figure.budget ? 'PASS' : 'MISS';
}

const grouped = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A value in its unit, e.g. "1.84 s", "212 MB", "8.9 KB/s", "37 %". */
export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'ms':
      return value < 1000 ? `${grouped(value, value < 10 ? 1 : 0)} ms` : `${grouped(value / 1000, 2)} s`;
    case 'bytes':
      // Decimal units, as the budgets are written ("250 MB", "3 KB").
      if (value < 10_000) return `${grouped(value)} B`;
      if (value < 10_000_000) return `${grouped(value / 1000, 1)} KB`;
      return `${grouped(value / 1_000_000)} MB`;
    case 'bytes/s':
      return value < 1000 ? `${grouped(value)} B/s` : `${grouped(value / 1000, 1)} KB/s`;
    case '%':
      return `${grouped(value, value < 10 ? 1 : 0)} %`;
    case 'count':
      return grouped(value);
  }
}

/** podtui ÷ kubectl, e.g. "0.31×"; empty when either side is missing. */
export function formatRatio(figure: Figure): string {
  const { podtui, kubectl } = figure;
  if (podtui === undefined || kubectl === undefined || Number.isNaN(podtui) || Number.isNaN(kubectl) || kubectl === 0) return '';
  const ratio = podtui / kubectl;
  return `${ratio < 10 ? ratio.toFixed(2) : grouped(ratio)}×`;
}
