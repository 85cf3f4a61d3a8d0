// `?`: the key table, drawn from KEYMAP itself so the help can never drift
// from what the keys do. Two columns when one does not fit the height.
import { Box, Text } from 'ink';
import { SpanLine, cutMarker } from './spans.js';
import { memo } from 'react';
import { KEYMAP, keyText } from './keymap.js';
import { PaneTitle } from './PaneTitle.js';
import { fit } from './podColumns.js';
import { useTheme } from './theme.js';

export interface HelpProps {
  width: number;
  /** Lines available, title included. */
  height: number;
}

const LABEL_WIDTH = 9;
/** Said once below the table: keys that belong to the filter line and the log view. */
const FOOTER = [
  'Filter: text matches names; l:app=web, l:!app labels; s:crash STATUS. Enter keeps, Esc clears.',
  "Log view: p previous instance · / search, n/N next/previous · w wrap · Esc back.",
];

export const Help = memo(function Help({ width, height }: HelpProps) {
  const theme = useTheme();
  const rows = Math.max(1, height - 1 - FOOTER.length - 1);
  const columns = KEYMAP.length > rows ? 2 : 1;
  const perColumn = Math.ceil(KEYMAP.length / columns);
  const columnWidth = Math.floor(width / columns);
  const lines = Array.from({ length: perColumn }, (_, i) =>
    Array.from({ length: columns }, (_, c) => {
      const binding = KEYMAP[c * perColumn + i];
      if (!binding) return '';
      return fit(`${fit(keyText(binding.label, theme.ascii), LABEL_WIDTH)}${binding.help}`, columnWidth, cutMarker(theme.ascii));
    }).join(''),
  );
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PaneTitle title="Keys (? or Esc closes)" width={width} focused />
      {lines.map((line, i) => (
        <SpanLine key={i} line={[{ text: line.trimEnd() }]} width={width} ascii={theme.ascii} />
      ))}
      <Text> </Text>
      {FOOTER.map((line) => (
        <SpanLine key={line} line={[{ text: theme.ascii ? line.replaceAll('·', '-') : line, dim: true }]} width={width} ascii={theme.ascii} />
      ))}
    </Box>
  );
});
