// The benchmark's output: one Markdown table row per figure, podtui beside
// kubectl with their ratio, and the budget with PASS/MISS.
import { formatRatio, formatValue, verdict, type Figure } from './figure.js';

const HEADER = ['Figure', 'Load', 'podtui', 'kubectl -w', 'podtui/kubectl', 'Budget', 'Verdict'];

/** `|` inside a cell would end it early. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

export function figureRow(figure: Figure): string[] {
  const budget = figure.budget === undefined ? '' : `≤ ${formatValue(figure.budget, figure.unit)}`;
  const name = figure.note ? `${figure.name} (${figure.note})` : figure.name;
  return [
    name,
    figure.load,
    formatValue(figure.podtui, figure.unit),
    'kubectl' in figure ? formatValue(figure.kubectl, figure.unit) : '',
    formatRatio(figure),
    budget,
    verdict(figure),
  ];
}

export function markdownTable(figures: readonly Figure[]): string {
  const rows = [HEADER, HEADER.map(() => '---'), ...figures.map(figureRow)];
  return rows.map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}
