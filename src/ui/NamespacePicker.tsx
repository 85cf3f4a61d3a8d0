// `n`: the namespaces the session may watch, "all" first. Up/down choose,
// Enter switches the watch to it, Esc leaves things as they are.
import { Box } from 'ink';
import { SpanLine } from './spans.js';
import { memo } from 'react';
import type { NamespacePicker as PickerState } from './state.js';
import { PaneTitle } from './PaneTitle.js';
import { scrollWindow } from './scrollWindow.js';
import { useTheme } from './theme.js';

export interface NamespacePickerProps {
  picker: PickerState;
  /** What is watched now, marked in the list. */
  current: readonly string[] | 'all';
  width: number;
  /** Lines available, title included. */
  height: number;
}

export const ALL_NAMESPACES = 'all';

export const NamespacePicker = memo(function NamespacePicker({ picker, current, width, height }: NamespacePickerProps) {
  const theme = useTheme();
  const rows = Math.max(1, height - 1);
  const top = scrollWindow(0, picker.index, rows, picker.choices.length);
  const watched = (choice: string) => (current === 'all' ? choice === ALL_NAMESPACES : current.includes(choice));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PaneTitle title="Namespace (Enter switches, Esc cancels)" width={width} focused />
      {picker.choices.slice(top, top + rows).map((choice, i) => (
        <SpanLine
          key={choice}
          line={[{ text: ` ${choice === ALL_NAMESPACES ? 'all namespaces' : choice}${watched(choice) ? '  (watching)' : ''} `, inverse: top + i === picker.index }]}
          width={width}
          ascii={theme.ascii}
        />
      ))}
    </Box>
  );
});
