// How the terminal's rows and columns are shared between the panes. Pure, so
// every size can be checked without drawing. The whole screen stays one line
// short of the terminal: when Ink's output is as tall as the terminal it
// clears and repaints everything each frame (flicker, and bytes over SSH).

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
/** From this width the conditions pane and the log sit side by side. */
export const SIDE_BY_SIDE_COLUMNS = 140;

/** Fixed lines: list header, why line, one title line per pane, status line, hints line. */
const STATUS_LINES = 2;
const WHY_LINES = 1;
const LIST_HEADER_LINES = 1;
const PANE_TITLE_LINES = 1;
/** Between side-by-side panes: " │ ". */
export const SEPARATOR_COLUMNS = 3;

export interface PaneBox {
  width: number;
  /** Content lines, without the title line. */
  height: number;
}

export interface Layout {
  columns: number;
  /** Lines the root renders: always rows - 1 at most. */
  height: number;
  /** Pod rows shown at once (without the header). */
  listRows: number;
  sideBySide: boolean;
  conditions: PaneBox;
  log: PaneBox;
  /** Lines left for a full-screen overlay (help, namespace picker, log view) above the status bar. */
  overlayHeight: number;
}

/**
 * Shares the space: the pod list gets about a third (at least 3 rows, and no
 * more than it has pods), the panes take the rest. Sizes below 80x24 are laid
 * out as 80x24; the terminal then cuts the overflow, which beats a screen that
 * refuses to draw.
 */
export function computeLayout(columns: number, rows: number, podCount: number): Layout {
  const width = Math.max(columns, MIN_COLUMNS);
  const height = Math.max(rows, MIN_ROWS) - 1;
  const sideBySide = width >= SIDE_BY_SIDE_COLUMNS;
  const body = height - STATUS_LINES - WHY_LINES - LIST_HEADER_LINES;
  const paneTitles = sideBySide ? PANE_TITLE_LINES : 2 * PANE_TITLE_LINES;
  const minPaneLines = sideBySide ? 4 : 8;
  const wantedList = Math.max(3, Math.round(body / 3));
  const listRows = Math.max(1, Math.min(wantedList, Math.max(podCount, 3), body - paneTitles - minPaneLines));
  const paneLines = body - listRows - paneTitles;
  if (sideBySide) {
    // Three columns between the panes: space, separator, space.
    const conditionsWidth = Math.floor((width - SEPARATOR_COLUMNS) * 0.45);
    return {
      columns: width,
      height,
      listRows,
      sideBySide,
      conditions: { width: conditionsWidth, height: paneLines },
      log: { width: width - SEPARATOR_COLUMNS - conditionsWidth, height: paneLines },
      overlayHeight: height - STATUS_LINES,
    };
  }
  const conditionsLines = Math.floor(paneLines / 2);
  return {
    columns: width,
    height,
    listRows,
    sideBySide,
    conditions: { width, height: conditionsLines },
    log: { width, height: paneLines - conditionsLines },
    overlayHeight: height - STATUS_LINES,
  };
}
