// The screen's own state (selection, step, focus, filter, toggles, overlays)
// and the one reducer that changes it. Pure: keys become intents in
// keymap.ts, the App supplies what the reducer needs to know about the
// cluster (the visible pod keys, the selected pod's timeline) as context.

/** The panes that take focus with Tab; the focused one scrolls with up/down. */
export const PANES = ['pods', 'conditions', 'log'] as const;
export type Pane = (typeof PANES)[number];

/** A container log the user asked to read (LogView is open while this is set). */
export interface LogTarget {
  namespace: string;
  pod: string;
  container: string;
  containers: string[];
  previous: boolean;
}

export interface NamespacePicker {
  /** "all" first, then the namespaces the session may watch. */
  choices: readonly string[];
  index: number;
}

export interface UiState {
  /** The selected pod's key (`namespace/name`). */
  selectedKey?: string;
  /** Where the selection was in the visible list, to pick a neighbour when that pod goes away. */
  selectedIndex: number;
  /** The timeline entry being looked at (by id, so dropped entries don't shift it); undefined = LIVE. */
  stepId?: string;
  focus: Pane;
  /** Lines scrolled in the conditions pane (from the top) and the log (back from the newest). */
  scroll: { conditions: number; log: number };
  filterText: string;
  /** The filter line is open and takes the keyboard. */
  filterEditing: boolean;
  /** Index into the model's SORT_KEYS (the App resolves it, so this file needs no model import). */
  sortIndex: number;
  warningsOnly: boolean;
  absoluteTimes: boolean;
  allPodsLog: boolean;
  help: boolean;
  picker?: NamespacePicker;
  logs?: LogTarget;
}

export const initialUiState: UiState = {
  selectedIndex: 0,
  focus: 'pods',
  scroll: { conditions: 0, log: 0 },
  filterText: '',
  filterEditing: false,
  sortIndex: 0,
  warningsOnly: false,
  absoluteTimes: false,
  allPodsLog: false,
  help: false,
};

export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last';

export type Intent =
  | { type: 'move'; move: Move }
  | { type: 'step'; direction: -1 | 1 }
  | { type: 'restart'; direction: -1 | 1 }
  | { type: 'live' }
  | { type: 'focus'; direction: -1 | 1 }
  | { type: 'filterOpen' }
  | { type: 'filterType'; text: string }
  | { type: 'filterBackspace' }
  | { type: 'filterKeep' }
  | { type: 'filterClear' }
  | { type: 'sortCycle' }
  | { type: 'namespaceOpen' }
  | { type: 'pickerShow'; choices: readonly string[]; current: string }
  | { type: 'pickerMove'; delta: number }
  | { type: 'pickerClose' }
  | { type: 'toggleWarnings' }
  | { type: 'toggleTimes' }
  | { type: 'toggleAllPods' }
  | { type: 'openLogs' }
  | { type: 'logsShow'; target: LogTarget }
  | { type: 'logsClose' }
  | { type: 'help' }
  | { type: 'escape' }
  | { type: 'quit' }
  | { type: 'reconcile' };

/** What the reducer needs to know about the cluster as the screen shows it right now. */
export interface UiContext {
  /** Keys of the pods in the list, in display order (filtered and sorted). */
  keys: readonly string[];
  /** Where a key is in `keys` (-1: not there); the App has it in a map. Without it, keys.indexOf. */
  indexOf?: (key: string) => number;
  /** Rows the pod list shows at once (PgUp/PgDn distance). */
  pageSize: number;
  /** Ids of the selected pod's timeline entries, oldest first. */
  timelineIds: readonly string[];
  /** Indices into timelineIds where a container restarted (model's restartSteps). */
  restartSteps: readonly number[];
  /** Sort keys available (length only matters here). */
  sortCount: number;
  /** How far each pane can scroll (content lines minus visible lines). */
  scrollLimits: { conditions: number; log: number };
}

export type Selection = Pick<UiState, 'selectedKey' | 'selectedIndex'>;

/**
 * The pod the screen treats as selected and its index in `keys`: the chosen
 * one, else its neighbour (the one now at its index), else none (index 0).
 */
export function selectionIn(
  state: Selection,
  keys: readonly string[],
  indexOf: (key: string) => number = (key) => keys.indexOf(key),
): { key: string | undefined; index: number } {
  const chosen = state.selectedKey === undefined ? -1 : indexOf(state.selectedKey);
  if (chosen >= 0) return { key: state.selectedKey, index: chosen };
  if (keys.length === 0) return { key: undefined, index: 0 };
  const index = Math.min(Math.max(state.selectedIndex, 0), keys.length - 1);
  return { key: keys[index], index };
}

/** The pod the screen treats as selected (see selectionIn). */
export function selectedKeyIn(state: Selection, keys: readonly string[], indexOf?: (key: string) => number): string | undefined {
  return selectionIn(state, keys, indexOf).key;
}

/** Index of the current step, or timelineIds.length for LIVE (one past the newest entry). */
export function stepIndex(stepId: string | undefined, timelineIds: readonly string[]): number {
  if (stepId === undefined) return timelineIds.length;
  const index = timelineIds.indexOf(stepId);
  // The entry fell off the front of the bounded timeline: the oldest one left is the closest.
  return index === -1 ? 0 : index;
}

function select(state: UiState, keys: readonly string[], index: number): UiState {
  if (keys.length === 0) return { ...state, selectedKey: undefined, selectedIndex: 0, stepId: undefined };
  const clamped = Math.min(Math.max(index, 0), keys.length - 1);
  const key = keys[clamped];
  if (key === state.selectedKey) return { ...state, selectedIndex: clamped };
  // Stepping belongs to one pod: a newly selected pod starts at LIVE, scrolled to the top.
  return { ...state, selectedKey: key, selectedIndex: clamped, stepId: undefined, scroll: { conditions: 0, log: 0 } };
}

function moveDistance(move: Move, pageSize: number): number {
  switch (move) {
    case 'up':
      return -1;
    case 'down':
      return 1;
    case 'pageUp':
      return -Math.max(1, pageSize);
    case 'pageDown':
      return Math.max(1, pageSize);
    case 'first':
      return -Infinity;
    case 'last':
      return Infinity;
  }
}

function moveSelection(state: UiState, move: Move, ctx: UiContext): UiState {
  const from = selectionIn(state, ctx.keys, ctx.indexOf).index;
  const distance = moveDistance(move, ctx.pageSize);
  const to = distance === -Infinity ? 0 : distance === Infinity ? ctx.keys.length - 1 : from + distance;
  return select(state, ctx.keys, to);
}

function scrollPane(state: UiState, pane: 'conditions' | 'log', move: Move, ctx: UiContext): UiState {
  // The log counts lines back from the newest, so "up" (older) grows it.
  const sign = pane === 'log' ? -1 : 1;
  const limit = Math.max(0, ctx.scrollLimits[pane]);
  const next = Math.min(Math.max(0, state.scroll[pane] + sign * moveDistance(move, ctx.pageSize)), limit);
  return { ...state, scroll: { ...state.scroll, [pane]: next } };
}

function atStep(state: UiState, ids: readonly string[], index: number): UiState {
  const stepId = index >= ids.length ? undefined : ids[Math.max(0, index)];
  return { ...state, stepId, scroll: { ...state.scroll, log: 0 } };
}

function step(state: UiState, direction: -1 | 1, ctx: UiContext): UiState {
  if (ctx.timelineIds.length === 0) return state;
  return atStep(state, ctx.timelineIds, stepIndex(state.stepId, ctx.timelineIds) + direction);
}

function jumpToRestart(state: UiState, direction: -1 | 1, ctx: UiContext): UiState {
  const current = stepIndex(state.stepId, ctx.timelineIds);
  const target =
    direction < 0
      ? [...ctx.restartSteps].reverse().find((s) => s < current)
      : ctx.restartSteps.find((s) => s > current);
  if (target === undefined) {
    // Past the newest restart, `]` behaves like right past the newest entry: back to LIVE.
    return direction > 0 && state.stepId !== undefined ? atStep(state, ctx.timelineIds, ctx.timelineIds.length) : state;
  }
  return atStep(state, ctx.timelineIds, target);
}

/** Esc closes the innermost thing that is open; with nothing open it returns to LIVE. */
function escape(state: UiState): UiState {
  if (state.logs) return { ...state, logs: undefined };
  if (state.help) return { ...state, help: false };
  if (state.picker) return { ...state, picker: undefined };
  if (state.filterEditing) return { ...state, filterEditing: false, filterText: '' };
  return { ...state, stepId: undefined };
}

export function reduceUi(state: UiState, intent: Intent, ctx: UiContext): UiState {
  switch (intent.type) {
    case 'move':
      if (state.picker) return reduceUi(state, { type: 'pickerMove', delta: moveDistance(intent.move, ctx.pageSize) }, ctx);
      if (state.focus === 'pods') return moveSelection(state, intent.move, ctx);
      return scrollPane(state, state.focus, intent.move, ctx);
    case 'step':
      return step(state, intent.direction, ctx);
    case 'restart':
      return jumpToRestart(state, intent.direction, ctx);
    case 'live':
      return { ...state, stepId: undefined, scroll: { ...state.scroll, log: 0 } };
    case 'focus': {
      const index = PANES.indexOf(state.focus);
      const next = PANES[(index + intent.direction + PANES.length) % PANES.length] ?? 'pods';
      return { ...state, focus: next };
    }
    case 'filterOpen':
      return { ...state, filterEditing: true };
    case 'filterType':
      return { ...state, filterText: state.filterText + intent.text };
    case 'filterBackspace':
      return { ...state, filterText: state.filterText.slice(0, -1) };
    case 'filterKeep':
      return { ...state, filterEditing: false };
    case 'filterClear':
      return { ...state, filterEditing: false, filterText: '' };
    case 'sortCycle':
      return { ...state, sortIndex: (state.sortIndex + 1) % Math.max(1, ctx.sortCount) };
    case 'pickerShow': {
      const index = Math.max(0, intent.choices.indexOf(intent.current));
      return { ...state, picker: { choices: intent.choices, index } };
    }
    case 'pickerMove': {
      if (!state.picker) return state;
      const last = state.picker.choices.length - 1;
      const index = Math.min(Math.max(state.picker.index + intent.delta, 0), Math.max(last, 0));
      return { ...state, picker: { ...state.picker, index } };
    }
    case 'pickerClose':
      return { ...state, picker: undefined };
    case 'toggleWarnings':
      return { ...state, warningsOnly: !state.warningsOnly, scroll: { ...state.scroll, log: 0 } };
    case 'toggleTimes':
      return { ...state, absoluteTimes: !state.absoluteTimes };
    case 'toggleAllPods':
      return { ...state, allPodsLog: !state.allPodsLog, scroll: { ...state.scroll, log: 0 } };
    case 'logsShow':
      return { ...state, logs: intent.target };
    case 'logsClose':
      return { ...state, logs: undefined };
    case 'help':
      return { ...state, help: !state.help };
    case 'escape':
      return escape(state);
    case 'reconcile':
      return select(state, ctx.keys, selectionIn(state, ctx.keys, ctx.indexOf).index);
    // Side effects (asking the session for namespaces, choosing a container, quitting) belong to the App.
    case 'namespaceOpen':
    case 'openLogs':
    case 'quit':
      return state;
  }
}
