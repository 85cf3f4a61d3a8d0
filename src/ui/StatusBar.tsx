// The bottom two lines: where podtui is looking (context, namespaces), whether
// it can trust what it shows (each watch stream's state), what it shows (pods
// by status, LIVE or the step), and the keys, or the filter being typed.
// Ticks each second on its own while a stream is reconnecting, for "next try in 3s".
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { ConnectionState } from '../model/observations.js';
import { MAIN_HINTS, keyText } from './keymap.js';
import { connectionsText, namespacesText, podCountsText, stepText } from './statusText.js';
import { useTheme, warningColor } from './theme.js';
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
  return (
    <Box flexDirection="column" width={props.width} height={2}>
      <Box width={props.width}>
        <Box flexGrow={1} flexShrink={1} overflow="hidden">
          <Text wrap="truncate-end">
            {where}
            {dot}
            <Text color={connection.healthy ? undefined : warningColor(theme)} bold={!connection.healthy}>
              {connection.text}
            </Text>
            {dot}
            {what}
            {filter}
            {`${dot}sort ${props.sort}`}
          </Text>
        </Box>
        <Box flexShrink={0} marginLeft={1}>
          <Text bold inverse={props.step !== undefined}>
            {` ${step} `}
          </Text>
        </Box>
      </Box>
      {props.filterEditing ? (
        <Text wrap="truncate-end">
          <Text bold>/</Text>
          {props.filterText}
          <Text inverse> </Text>
          <Text dimColor>{'  Enter keeps · Esc clears · l:app=web for labels, s:crash for STATUS'}</Text>
        </Text>
      ) : (
        <Text dimColor wrap="truncate-end">
          {keyText(MAIN_HINTS, theme.ascii)}
        </Text>
      )}
    </Box>
  );
});
