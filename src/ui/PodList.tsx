// The pod list: a thin table of the rows on screen. Which rows those are (the
// window that keeps the selection in view) is worked out with the list's
// order in clusterFrame.ts; each row is memoized on its PodRow (a new object
// only when the pod changed).
import { Box, Text } from 'ink';
import { SpanLine, cutMarker, type Span } from './spans.js';
import { memo, useMemo } from 'react';
import type { Health, PodRow } from '../model/views.js';
import { cellText, fit, podColumns, type Column } from './podColumns.js';
import { healthColor, useTheme } from './theme.js';

/** The selected pod as it was at a past step: its STATUS is shown instead of the live one. */
export interface PastStatus {
  key: string;
  status: string;
  health: Health;
}

export interface PodListProps {
  /** The rows on screen, at most `height` of them. */
  rows: readonly PodRow[];
  selectedKey: string | undefined;
  past: PastStatus | undefined;
  width: number;
  /** Rows shown at once (the header is extra). */
  height: number;
  now: number;
  showNamespace: boolean;
  /** What an empty list says (no pods yet, or none match the filter). */
  emptyText: string;
}

interface RowProps {
  row: PodRow;
  columns: readonly Column[];
  selected: boolean;
  now: number;
  past: PastStatus | undefined;
}

const PodListRow = memo(function PodListRow({ row, columns, selected, now, past }: RowProps) {
  const theme = useTheme();
  const marker = cutMarker(theme.ascii);
  const status = past ? `${theme.pastMarker} ${past.status}` : row.status;
  const health = past?.health ?? row.health;
  const statusIndex = columns.findIndex((c) => c.id === 'status');
  const text = (from: number, to: number): string =>
    columns
      .slice(from, to)
      .map((c) => fit(cellText(c.id, row, now, status), c.width, marker))
      .join('');
  const statusColumn = columns[statusIndex];
  // Without colours the selection is bold as well as inverse, so it survives terminals that ignore inverse.
  const emphasis = { inverse: selected, bold: selected && !theme.color };
  const line: Span[] = [
    { text: text(0, statusIndex), ...emphasis },
    {
      text: statusColumn ? fit(status, statusColumn.width, marker) : '',
      color: healthColor(theme, health),
      dim: health === 'finished',
      ...emphasis,
    },
    { text: text(statusIndex + 1, columns.length), ...emphasis },
  ];
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  return <SpanLine line={line} width={width} ascii={theme.ascii} />;
});

export const PodList = memo(function PodList({ rows, selectedKey, past, width, height, now, showNamespace, emptyText }: PodListProps) {
  const columns = useMemo(() => podColumns(width, showNamespace), [width, showNamespace]);
  const visible = rows.slice(0, height);
  return (
    <Box flexDirection="column" height={height + 1} width={width}>
      <SpanLine line={[{ text: columns.map((c) => fit(c.title, c.width)).join(''), bold: true }]} width={width} ascii={false} />
      {visible.length === 0 ? (
        <Text dimColor>{emptyText}</Text>
      ) : (
        visible.map((row) => (
          <PodListRow
            key={row.key}
            row={row}
            columns={columns}
            selected={row.key === selectedKey}
            now={now}
            past={past?.key === row.key ? past : undefined}
          />
        ))
      )}
    </Box>
  );
});
