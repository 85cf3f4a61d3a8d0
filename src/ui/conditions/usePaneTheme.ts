// The theme a pane draws with: the App's (colours honour NO_COLOR), with the
// pane's own `ascii` prop deciding the characters, so a pane rendered on its
// own (in a test, in the log view) still draws ASCII when asked.
import { useMemo } from 'react';
import { makeTheme, useTheme, type Theme } from '../theme.js';

export function usePaneTheme(ascii: boolean): Theme {
  const base = useTheme();
  return useMemo(() => (base.ascii === ascii ? base : makeTheme({ color: base.color, ascii })), [base, ascii]);
}
