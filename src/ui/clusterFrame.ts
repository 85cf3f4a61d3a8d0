// What the screen draws from the cluster, as one value that stays the same
// object while nothing drawn changed. The store says "changed" 5 times a
// second in a storm, but at 10,000 pods most of those changes are to pods
// off screen: then this returns the previous frame, React skips the render,
// and Ink neither rebuilds nor re-measures the screen (about 10 ms a frame),
// which leaves the event loop free for keys.
import type { ClusterState } from '../model/clusterState.js';
import type { PodRow, PodView } from '../model/views.js';
import { computeLayout } from './layout.js';
import { createPodListOrder, type PodListOrder, type PodListQuery } from './podListOrder.js';
import { scrollWindow } from './scrollWindow.js';
import { selectionIn, type Selection } from './state.js';

/** What the frame depends on besides the cluster: the list's query, the selection, the terminal. */
export interface FrameInput {
  query: PodListQuery;
  /** The selection the user made (the UI state's, kept as long as the UI state is). */
  selection: Selection;
  columns: number;
  rows: number;
  /** The all-pods log draws every change, so every change is a new frame. */
  allPodsLog: boolean;
}

export interface ClusterFrame {
  /** The state the frame was read from (the newest one whenever `allPodsLog`). */
  cluster: ClusterState;
  order: PodListOrder;
  /** The pod the screen treats as selected: the chosen one, else its neighbour, else none. */
  selectedKey: string | undefined;
  /** Its index in order.keys (0 when nothing is shown). */
  cursor: number;
  /** First shown index on screen. */
  top: number;
  /** The rows on screen, from `top`. */
  rows: readonly PodRow[];
  /** The selected pod's view. */
  view: PodView | undefined;
}

function sameRows(a: readonly PodRow[], b: readonly PodRow[]): boolean {
  return a.length === b.length && a.every((row, index) => row === b[index]);
}

/** Whether the screen would draw `next` exactly as it draws `previous`. */
function drawsTheSame(previous: ClusterFrame, next: ClusterFrame, allPodsLog: boolean): boolean {
  return (
    previous.order === next.order &&
    previous.selectedKey === next.selectedKey &&
    previous.cursor === next.cursor &&
    previous.top === next.top &&
    previous.view === next.view &&
    previous.cluster.connections === next.cluster.connections &&
    (previous.cluster.synced.size === 0) === (next.cluster.synced.size === 0) &&
    (!allPodsLog || previous.cluster === next.cluster) &&
    sameRows(previous.rows, next.rows)
  );
}

function sameInput(a: FrameInput, b: FrameInput): boolean {
  return (
    a.query === b.query &&
    a.selection.selectedKey === b.selection.selectedKey &&
    a.selection.selectedIndex === b.selection.selectedIndex &&
    a.columns === b.columns &&
    a.rows === b.rows &&
    a.allPodsLog === b.allPodsLog
  );
}

export type ClusterFrames = (cluster: ClusterState, input: FrameInput) => ClusterFrame;

/** One per screen: it keeps the list's order and scroll position between calls. */
export function createClusterFrames(): ClusterFrames {
  const orderOf = createPodListOrder();
  let last: { cluster: ClusterState; input: FrameInput; frame: ClusterFrame } | undefined;

  return (cluster, input) => {
    // React asks again for the same store state (render, commit, each notification): answer from the last call.
    if (last && last.cluster === cluster && sameInput(last.input, input)) return last.frame;
    // A key moves the selection in the same state: the order is the one already worked out.
    const order = last && last.cluster === cluster && last.input.query === input.query ? last.frame.order : orderOf(cluster.pods, input.query);
    const { keys, positions } = order;
    const { key: selectedKey, index: cursor } = selectionIn(input.selection, keys, (key) => positions.get(key) ?? -1);
    const height = computeLayout(input.columns, input.rows, keys.length).listRows;
    const top = scrollWindow(last?.frame.top ?? 0, cursor, height, keys.length);
    const rows: PodRow[] = [];
    for (const key of keys.slice(top, top + height)) {
      const view = cluster.pods.get(key);
      if (view) rows.push(view.row);
    }
    const view = selectedKey === undefined ? undefined : cluster.pods.get(selectedKey);
    const next: ClusterFrame = { cluster, order, selectedKey, cursor, top, rows, view };
    const frame = last && drawsTheSame(last.frame, next, input.allPodsLog) ? last.frame : next;
    last = { cluster, input, frame };
    return frame;
  };
}
