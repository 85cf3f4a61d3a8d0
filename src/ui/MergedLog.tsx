// The merged log: Events and the transitions podtui derived, oldest at the
// top, newest at the bottom. Windowed to its height; when stepping, the
// current step's entry is highlighted and kept in view.
import { Box, Text } from 'ink';
import { SpanLine, cutMarker, type Span } from './spans.js';
import { memo } from 'react';
import type { TimelineEntry } from '../model/views.js';
import { logEntryCells } from './logEntry.js';
import { PaneTitle } from './PaneTitle.js';
import { fit } from './podColumns.js';
import { mutedColor, themedText, useTheme, warningColor } from './theme.js';

export interface MergedLogProps {
  title: string;
  entries: readonly TimelineEntry[];
  /** Entries that fell off the front of the bounded timeline. */
  dropped: number;
  width: number;
  /** Content lines (the title is extra). */
  height: number;
  now: number;
  absoluteTimes: boolean;
  /** All pods' entries: add the pod's name. */
  showPod: boolean;
  /** The entry of the current step, highlighted and scrolled to. */
  highlightId: string | undefined;
  /** Lines scrolled back from the newest. */
  scroll: number;
  focused: boolean;
  emptyText: string;
}

const TIME_WIDTH = 9;
const MARK_WIDTH = 2;
/** The pod column fits the longest name on screen, up to this. */
const MAX_POD_WIDTH = 40;
const REASON_WIDTH = 22;

/** First entry shown: around the highlighted one when stepping, else `scroll` lines back from the newest. */
function windowStart(total: number, height: number, highlight: number, scroll: number): number {
  if (total <= height) return 0;
  if (highlight >= 0) return Math.min(Math.max(0, highlight - Math.floor(height / 2)), total - height);
  return Math.max(0, total - height - scroll);
}

interface LineProps {
  entry: TimelineEntry;
  now: number;
  absoluteTimes: boolean;
  /** Width of the pod column; 0 when it is not shown. */
  podWidth: number;
  highlighted: boolean;
  width: number;
}

const LogLine = memo(function LogLine({ entry, now, absoluteTimes, podWidth, highlighted, width }: LineProps) {
  const theme = useTheme();
  const cells = logEntryCells(entry, now, absoluteTimes);
  const mark = cells.source === 'transition' ? theme.transitionMarker : theme.eventMarker;
  const reason = cells.count === '' ? cells.reason : `${cells.reason} ${cells.count}`;
  const marker = cutMarker(theme.ascii);
  const line: Span[] = [
    { text: fit(cells.time, TIME_WIDTH, marker), color: mutedColor(theme) },
    { text: fit(mark, MARK_WIDTH, marker) },
    { text: podWidth > 0 ? fit(cells.pod, podWidth, marker) : '' },
    { text: fit(reason, REASON_WIDTH, marker), bold: cells.warning, color: cells.warning ? warningColor(theme) : undefined },
    { text: themedText(theme, cells.message) },
  ].map((span) => ({ ...span, inverse: highlighted }));
  return <SpanLine line={line} width={width} ascii={theme.ascii} />;
});

export const MergedLog = memo(function MergedLog(props: MergedLogProps) {
  const { entries, dropped, width, height, highlightId, scroll } = props;
  const theme = useTheme();
  const highlight = highlightId === undefined ? -1 : entries.findIndex((e) => e.id === highlightId);
  // The drop notice takes the first line when the window reaches the oldest entry kept.
  const notice = dropped > 0 && windowStart(entries.length, height - 1, highlight, scroll) === 0;
  const rows = notice ? height - 1 : height;
  const start = windowStart(entries.length, rows, highlight, scroll);
  const visible = entries.slice(start, start + rows);
  // The name after "namespace/", plus the one-space gap.
  const nameLength = (e: TimelineEntry) => e.podKey.length - e.podKey.indexOf('/') - 1;
  const podWidth = props.showPod ? Math.min(MAX_POD_WIDTH, Math.max(0, ...visible.map(nameLength)) + 1) : 0;
  return (
    <Box flexDirection="column" width={width} height={height + 1}>
      <PaneTitle title={props.title} width={width} focused={props.focused} />
      {notice && <SpanLine line={[{ text: `${theme.ascii ? '...' : '…'} ${dropped} older entries dropped`, dim: true }]} width={width} ascii={theme.ascii} />}
      {entries.length === 0 ? (
        <SpanLine line={[{ text: props.emptyText, dim: true }]} width={width} ascii={theme.ascii} />
      ) : (
        visible.map((entry) => (
          <LogLine
            key={entry.id}
            entry={entry}
            now={props.now}
            absoluteTimes={props.absoluteTimes}
            podWidth={podWidth}
            highlighted={entry.id === highlightId}
            width={width}
          />
        ))
      )}
    </Box>
  );
});
