// The bottom two lines: where podtui is looking (context, namespaces), whether
// it can trust what it shows (each watch stream's state), what it shows (pods
// by status, LIVE or the step), and the keys, or the filter being typed.
// Ticks each second on its own while a stream is reconnecting, for "next try in 3s".
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { ConnectionState } from '../model/observations.js';
import { mainHints } from './keymap.js';
import { connectionsText, namespacesText, podCountsText, stepText } from './statusText.js';
import { themedText, useTheme, warningColor } from './theme.js';
import { SpanLine, type Span } from './spans.js';
import { useClock } from './useClock.js';

export interface StatusBarProps {
  context: string;
  namespaces: readonly string[] | 'all';
  connections: readonly ConnectionState[];
  counts: readonly { status: string; count: number }[];
  shown: number;
  total: number;
  step: { index: number; total: number; at: number } | undefined;
  sort: string;
  filterText: string;
  filterEditing: boolean;
  width: number;
  now: () => number;
}

export const StatusBar = memo(function StatusBar(props: StatusBarProps) {
  const theme = useTheme();
  const reconnecting = props.connections.some((c) => c.phase === 'reconnecting');
  const now = useClock(props.now, 1000, reconnecting);
  const connection = connectionsText(props.connections, now);
  const where = `${props.context} ${theme.middleDot} ${namespacesText(props.namespaces)}`;
  const what = podCountsText(props.counts, props.shown, props.total);
  const step = stepText(props.step, theme.middleDot);
  const dot = ` ${theme.middleDot} `;
  const filter = props.filterText === '' ? '' : `${dot}filter "${props.filterText}"`;
  const right = ` ${step} `;
  const left: Span[] = [
    { text: `${where}${dot}` },
    { text: themedText(theme, connection.text), color: connection.healthy ? undefined : warningColor(theme), bold: !connection.healthy },
    { text: `${dot}${what}${filter}${dot}sort ${props.sort}` },
  ];
  const second: Span[] = props.filterEditing
    ? [
        { text: '/', bold: true },
        { text: props.filterText },
        { text: ' ', inverse: true },
        { text: `  Enter keeps ${theme.middleDot} Esc clears ${theme.middleDot} l:app=web for labels, s:crash for STATUS`, dim: true },
      ]
    : [{ text: mainHints(theme.ascii), dim: true }];
  return (
    <Box flexDirection="column" width={props.width} height={2}>
      <Box width={props.width}>
        <Box flexGrow={1}>
          <SpanLine line={left} width={Math.max(0, props.width - right.length - 1)} ascii={theme.ascii} />
        </Box>
        <Text bold inverse={props.step !== undefined}>
          {right}
        </Text>
      </Box>
      <SpanLine line={second} width={props.width} ascii={theme.ascii} />
    </Box>
  );
});
