// A container's log, full screen: follows new lines (staying at the bottom
// unless the user scrolled up), switches to the previous instance with `p`
// (the crash's last words), to another container with `c`, searches with `/`
// and n/N, wraps with `w`, and closes with Esc. A log that cannot be read
// says why, in the API server's words.
import { Box, useInput, type Key } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { SpanLine, cutMarker, type PaneLine } from '../spans.js';
import type { LogPort } from '../ports.js';
import { mutedColor, warningColor, type Theme } from '../theme.js';
import { usePaneTheme } from '../conditions/usePaneTheme.js';
import { RowCache, findMatches, type LogMatch, type LogRow } from './logRows.js';
import { initialLogViewState, logViewKey, topRow, type LogLayout, type LogViewState } from './logViewState.js';
import { rowSpans } from './rowSpans.js';
import { useLogStream, type StreamPhase } from './useLogStream.js';

export interface LogViewProps {
  port: LogPort;
  namespace: string;
  pod: string;
  container: string;
  containers: string[];
  previous: boolean;
  width: number;
  height: number;
  onClose: () => void;
  ascii: boolean;
}

export { LOG_FLUSH_MS } from './useLogStream.js';

/** The title: which pod and container, and whether this is the previous instance. */
export function logTitle(namespace: string, pod: string, container: string, containers: readonly string[], previous: boolean, dot = '·'): string {
  const index = containers.indexOf(container);
  const which = containers.length > 1 && index >= 0 ? ` (${index + 1}/${containers.length})` : '';
  // The container and the instance first: on a narrow terminal the pod's name is what gets cut.
  return `Log of ${container}${which}${previous ? ` ${dot} previous instance` : ''} ${dot} ${namespace}/${pod}`;
}

export function LogView({ port, namespace, pod, container: initialContainer, containers, previous: initialPrevious, width, height, onClose, ascii }: LogViewProps) {
  const theme = usePaneTheme(ascii);
  // The newest state lives in a ref as well, so that several keys read in one chunk each build on the last.
  const [state, setState] = useState(() => initialLogViewState(initialContainer, initialPrevious));
  const stateRef = useRef(state);
  const update = (next: LogViewState) => {
    stateRef.current = next;
    setState(next);
  };
  useEffect(() => {
    if (stateRef.current.container !== initialContainer || stateRef.current.previous !== initialPrevious) {
      update({ ...stateRef.current, container: initialContainer, previous: initialPrevious });
    }
  }, [initialContainer, initialPrevious]);

  const { container, previous } = state;
  const { buffer, version, stream } = useLogStream(port, { namespace, pod, container, previous }, state.opened, () =>
    update({ ...stateRef.current, follow: true, matchIndex: -1 }),
  );
  const bodyHeight = Math.max(1, height - 2);
  // `version` stands for the buffer's contents, which React cannot see.
  const rowCache = useRef(new RowCache());
  const rows = useMemo(
    () => rowCache.current.layout(buffer.lines, buffer.dropped, buffer.generation, width, state.wrap),
    [buffer, version, width, state.wrap],
  );
  const matches = useMemo(() => findMatches(buffer.lines, buffer.dropped, state.query), [buffer, version, state.query]);
  const layout: LogLayout = {
    rows,
    bodyHeight,
    width,
    end: buffer.end,
    containers,
    matchesOf: (query) => (query === state.query ? matches : findMatches(buffer.lines, buffer.dropped, query)),
  };
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  useInput((input, key) => {
    // Text that arrived in one read (a paste, fast typing over SSH) is taken one key at a time.
    const presses = input.length > 1 && !key.ctrl && !key.meta ? [...input].map((ch) => keyOfChar(ch, key)) : [{ input, key }];
    let next = stateRef.current;
    for (const press of presses) {
      const after = logViewKey(next, press.input, press.key, layoutRef.current);
      if (after === 'close') {
        onClose();
        return;
      }
      next = after;
    }
    if (next !== stateRef.current) update(next);
  });

  const top = topRow(state, layout);
  const current: LogMatch | undefined = state.matchIndex >= 0 ? matches[state.matchIndex] : undefined;
  const marker = cutMarker(ascii);
  const bodyLines: PaneLine[] = rows.slice(top, top + bodyHeight).map((row: LogRow) => {
    const text = buffer.lines[row.line - buffer.dropped] ?? '';
    const lineMatches = state.query === '' ? [] : matches.filter((m) => m.line === row.line);
    return rowSpans(text, row, lineMatches, current, { width, wrap: state.wrap, marker, color: theme.color, column: state.column });
  });
  if (rows.length === 0) bodyLines.push(...emptyBody(stream, previous, container, theme, ascii));
  else if (stream.phase === 'ended' && top + bodyHeight > rows.length) bodyLines.push(endLine(stream, previous, theme));

  // "following" only while new lines can still come; a finished log (the previous instance) just says its size.
  const position = !state.follow
    ? `line ${(rows[top]?.line ?? buffer.dropped) - buffer.dropped + 1}/${buffer.lines.length}`
    : stream.phase === 'ended'
      ? `${buffer.lines.length} lines`
      : 'following';
  const title: PaneLine = [
    { text: logTitle(namespace, pod, container, containers, previous, theme.middleDot), bold: true },
    {
      text: `  ${position}${state.wrap ? ` ${theme.middleDot} wrap` : ''}${state.column > 0 ? ` ${theme.middleDot} from column ${state.column + 1}` : ''}`,
      color: mutedColor(theme),
    },
  ];

  return (
    <Box flexDirection="column" width={width} height={Math.max(1, height)} overflow="hidden">
      <SpanLine line={title} width={width} ascii={ascii} />
      {height > 1 ? (
        <Box flexDirection="column" height={bodyHeight} overflow="hidden">
          {bodyLines.slice(0, bodyHeight).map((line, i) => (
            <SpanLine key={i} line={line} width={width} ascii={ascii} />
          ))}
        </Box>
      ) : null}
      {height > 2 ? (
        <SpanLine line={footer(state, matches.length, stream, rows.length > 0, containers.length > 1, theme, ascii)} width={width} ascii={ascii} />
      ) : null}
    </Box>
  );
}

/** One character of a multi-key read as the key it stands for: Enter and Backspace arrive as raw bytes there. */
function keyOfChar(ch: string, key: Key): { input: string; key: Key } {
  if (ch === '\r' || ch === '\n') return { input: '', key: { ...key, return: true } };
  if (ch === '\u007f' || ch === '\b') return { input: '', key: { ...key, backspace: true } };
  return { input: ch, key };
}

/** What the body says while there is no line to show. */
function emptyBody(stream: StreamPhase, previous: boolean, container: string, theme: Theme, ascii: boolean): PaneLine[] {
  const dots = ascii ? '...' : '…';
  if (stream.phase === 'opening') return [[{ text: `Opening the log of ${container}${previous ? ' (previous instance)' : ''}${dots}`, color: mutedColor(theme) }]];
  if (stream.phase === 'ended' && stream.error) {
    return [[{ text: 'The log cannot be read: ', color: warningColor(theme), bold: true }, { text: stream.error }]];
  }
  if (stream.phase === 'ended') return [[{ text: previous ? 'The previous instance wrote nothing.' : 'The container wrote nothing.', color: mutedColor(theme) }]];
  return [[{ text: `Waiting for the first line${dots}`, color: mutedColor(theme) }]];
}

function endLine(stream: Extract<StreamPhase, { phase: 'ended' }>, previous: boolean, theme: Theme): PaneLine {
  if (stream.error) return [{ text: 'The log stream ended: ', color: warningColor(theme), bold: true }, { text: stream.error }];
  return [{ text: previous ? '-- end of the previous instance --' : '-- end of the log --', color: mutedColor(theme) }];
}

function footer(
  state: LogViewState,
  matchCount: number,
  stream: StreamPhase,
  hasLines: boolean,
  manyContainers: boolean,
  theme: Theme,
  ascii: boolean,
): PaneLine {
  if (state.searchInput !== undefined) {
    return [{ text: `/${state.searchInput}`, bold: true }, { text: '_', inverse: true }, { text: '  Enter search  Esc cancel', color: mutedColor(theme) }];
  }
  const { query, matchIndex } = state;
  const search: PaneLine =
    query === ''
      ? []
      : [{ text: matchCount === 0 ? `no match for "${query}"  ` : `match ${matchIndex + 1}/${matchCount} "${query}"  `, bold: true }];
  // An empty log shows its error in the body; a log with lines may have it scrolled out of view.
  const ended: PaneLine = hasLines && stream.phase === 'ended' && stream.error ? [{ text: `${stream.error}  `, color: warningColor(theme) }] : [];
  // Most needed first: a narrow terminal cuts the end of the line.
  const hints = [
    'Esc back',
    state.previous ? 'p current' : 'p previous',
    '/ search',
    'n/N',
    'w wrap',
    ...(state.wrap ? [] : [ascii ? '<- -> pan' : '←→ pan']),
    ...(manyContainers ? ['c container'] : []),
    ...(stream.phase === 'ended' ? ['r reopen'] : []),
    `${ascii ? 'Up/Dn' : '↑↓'} PgUp/PgDn g/G scroll`,
  ];
  return [...ended, ...search, { text: hints.join('  '), color: mutedColor(theme) }];
}
