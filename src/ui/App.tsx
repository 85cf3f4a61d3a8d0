// The screen: reads model state from the store, keeps its own UI state in one
// reducer, and turns keys into intents. Everything drawn is computed from
// (cluster state, UI state, terminal size); nothing is redrawn while none of
// them changes, except the small clocks of the why line and the status bar.
// The cluster is read through clusterFrame.ts, so a cluster change that
// touches nothing on screen (most of a storm at 10,000 pods) draws nothing.
import { Box, useInput, useStdout, type Key } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { countdowns } from '../model/countdowns.js';
import { mergedTimeline } from '../model/mergedTimeline.js';
import { podRow } from '../model/podSummary.js';
import { SORT_KEYS, parseFilter } from '../model/selectors.js';
import { restartSteps } from '../model/snapshot.js';
import { whyLine } from '../model/why.js';
import { createClusterFrames, type FrameInput } from './clusterFrame.js';
import { conditionsPaneLines } from './conditions/ConditionsPane.js';
import { SpanLine } from './spans.js';
import { Help } from './Help.js';
import { filterIntent, helpIntent, pickerIntent, splitTyped } from './keyModes.js';
import { intentForKey } from './keymap.js';
import { MIN_COLUMNS, MIN_ROWS, computeLayout } from './layout.js';
import { installIncrementalCursorFix } from './incrementalStdout.js';
import { isWarning } from './logEntry.js';
import { logTarget } from './logTarget.js';
import { LogView } from './logs/LogView.js';
import { ALL_NAMESPACES, NamespacePicker } from './NamespacePicker.js';
import { PaneBoundary } from './PaneBoundary.js';
import { Panes } from './Panes.js';
import { PodList, type PastStatus } from './PodList.js';
import type { AppProps } from './ports.js';
import { selectedPod } from './selectedPod.js';
import { initialUiState, reduceUi, type Intent, type UiContext, type UiState } from './state.js';
import { StatusBar } from './StatusBar.js';
import { ThemeContext, makeTheme } from './theme.js';
import { useClock } from './useClock.js';
import { useTerminalSize } from './useTerminalSize.js';
import { WhyLine, type WhyModel } from './WhyLine.js';

const WHY_MODEL: WhyModel = { whyLine, countdowns };
/** For intents that need nothing from the cluster (closing the log view). */
const NO_CONTEXT: UiContext = { keys: [], pageSize: 1, timelineIds: [], restartSteps: [], sortCount: SORT_KEYS.length, scrollLimits: { conditions: 0, log: 0 } };
/** The all-pods log shows this many of the newest entries. */
const ALL_PODS_LOG_LIMIT = 2_000;
/**
 * AGE, RESTARTS "(5m ago)" and the log's relative times are redrawn this
 * often. Every second would rewrite those cells for every visible row each
 * second (bytes over SSH); the why line and reconnect countdown tick on their own.
 */
const RELATIVE_TIME_MS = 5_000;

export function App(props: AppProps) {
  const { cluster: store, session, options } = props;
  const theme = useMemo(() => makeTheme(options), [options.ascii, options.color]);
  const { columns, rows } = useTerminalSize();
  // Ink 6.8's incremental renderer starts frames a row low on a screen like this one; see incrementalStdout.ts.
  const { stdout } = useStdout();
  useEffect(() => installIncrementalCursorFix(stdout), [stdout]);
  // The UI state lives in a ref as well as in React state: keys typed faster
  // than a render (a paste, a held key, the filter line) must each see the
  // state the previous key left, not the one last drawn.
  const uiRef = useRef<UiState>(initialUiState);
  const [ui, setUiState] = useState<UiState>(initialUiState);
  const setUi = useCallback((update: (state: UiState) => UiState) => {
    uiRef.current = update(uiRef.current);
    setUiState(uiRef.current);
  }, []);

  const watched = session.namespaces();
  const namespacesKey = watched === 'all' ? 'all' : watched.join(',');
  // The session answers with a new array each time: keep one per scope, so memoized panes see the same props.
  const namespaces = useMemo(() => watched, [namespacesKey]);
  const sort = SORT_KEYS[ui.sortIndex % SORT_KEYS.length] ?? 'name';
  const filter = useMemo(() => parseFilter(ui.filterText), [ui.filterText]);
  const query = useMemo(() => ({ filter, sort, namespaces }), [filter, sort, namespaces]);
  // The cluster is read through a frame that stays the same object while
  // nothing drawn changed (clusterFrame.ts): then a cluster change renders nothing.
  const frames = useMemo(createClusterFrames, []);
  const input: FrameInput = { query, selection: ui, columns, rows, allPodsLog: ui.allPodsLog };
  const frame = useSyncExternalStore(store.subscribe, () => frames(store.getState(), input));
  const { cluster, order, selectedKey, view } = frame;

  const tick = useClock(props.now, RELATIVE_TIME_MS);
  // A new frame may carry times after the last tick (the demo's clock runs
  // --speed times faster): read the clock again, so nothing new reads as
  // happening in the future.
  const now = useMemo(() => Math.max(tick, props.now()), [tick, frame, props.now]);

  const selected = useMemo(() => selectedPod(view, ui.stepId), [view, ui.stepId]);
  const past = useMemo<PastStatus | undefined>(() => {
    if (!selected || selected.step === undefined) return undefined;
    const row = podRow(selected.pod);
    return { key: selected.view.row.key, status: row.status, health: row.health };
  }, [selected]);
  const layout = useMemo(() => computeLayout(columns, rows, order.keys.length), [columns, rows, order.keys.length]);

  const logEntries = useMemo(() => {
    if (ui.allPodsLog) return mergedTimeline(cluster, { warningsOnly: ui.warningsOnly, limit: ALL_PODS_LOG_LIMIT });
    const timeline = view?.timeline ?? [];
    return ui.warningsOnly ? timeline.filter(isWarning) : timeline;
  }, [ui.allPodsLog, ui.warningsOnly, cluster, view]);
  const logDropped = ui.allPodsLog ? 0 : (view?.dropped ?? 0);

  // A removed pod's neighbour becomes the selection for real, so it stays selected when the list changes again.
  useEffect(() => {
    if (selectedKey !== uiRef.current.selectedKey) setUi((state) => reduceUi(state, { type: 'reconcile' }, context()));
  });

  /** Lines the conditions pane has, for bounding its scroll; only asked while it has the focus. */
  const conditionsLines = (): number =>
    selected
      ? conditionsPaneLines(selected.pod, selected.view, {
          now,
          absoluteTimes: ui.absoluteTimes,
          theme,
          width: layout.conditions.width,
          stepAt: selected.stepEntry?.at,
        }).length
      : 0;

  /** What the reducer needs to know, computed when a key is pressed (not on every frame). */
  const context = (): UiContext => ({
    keys: order.keys,
    indexOf: (key) => order.positions.get(key) ?? -1,
    pageSize: layout.listRows,
    timelineIds: view?.timeline.map((e) => e.id) ?? [],
    restartSteps: view ? restartSteps(view) : [],
    sortCount: SORT_KEYS.length,
    scrollLimits: {
      conditions: uiRef.current.focus === 'conditions' ? conditionsLines() - layout.conditions.height : 0,
      log: logEntries.length - layout.log.height,
    },
  });

  const dispatch = (intent: Intent): void => {
    switch (intent.type) {
      case 'quit':
        props.onQuit();
        return;
      case 'namespaceOpen': {
        const current = namespaces === 'all' ? ALL_NAMESPACES : (namespaces[0] ?? ALL_NAMESPACES);
        const show = (list: readonly string[]) =>
          setUi((state) => reduceUi(state, { type: 'pickerShow', choices: [ALL_NAMESPACES, ...list.filter((n) => n !== ALL_NAMESPACES)], current }, context()));
        // Listing may be forbidden; the session then answers with what the context allows.
        session.listNamespaces().then(show, () => show(namespaces === 'all' ? [] : namespaces));
        return;
      }
      case 'openLogs': {
        if (!selected) return;
        const target = logTarget(selected.view.pod, selected.pod, selected.stepEntry);
        dispatch({ type: 'logsShow', target });
        return;
      }
      default: {
        const ctx = context();
        setUi((state) => reduceUi(state, intent, ctx));
      }
    }
  };

  const onKey = (input: string, key: Key): void => {
    const ui = uiRef.current;
    if (ui.filterEditing) {
      const intent = filterIntent(input, key);
      if (intent) dispatch(intent);
      return;
    }
    if (ui.help) {
      const intent = helpIntent(input, key);
      if (intent) dispatch(intent);
      return;
    }
    if (ui.picker) {
      const intent = pickerIntent(input, key);
      if (intent?.type === 'pickerChoose') {
        const choice = ui.picker.choices[ui.picker.index];
        if (choice !== undefined) session.switchNamespace(choice === ALL_NAMESPACES ? 'all' : choice);
        dispatch({ type: 'pickerClose' });
      } else if (intent) dispatch(intent);
      return;
    }
    const intent = intentForKey(input, key);
    if (intent) dispatch(intent);
  };
  // One subscription for the App's life, always calling this render's handler.
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  useInput(
    useCallback((input: string, key: Key) => {
      for (const [one, flags] of splitTyped(input, key)) onKeyRef.current(one, flags);
    }, []),
    { isActive: ui.logs === undefined },
  );

  const closeLogs = useCallback(() => setUi((state) => reduceUi(state, { type: 'logsClose' }, NO_CONTEXT)), [setUi]);

  const emptyText =
    cluster.synced.size === 0
      ? 'Loading pods…'
      : ui.filterText !== ''
        ? `No pods match "${ui.filterText}".`
        : `No pods in ${namespaces === 'all' ? 'any namespace' : namespaces.join(', ')}.`;
  const step = useMemo(
    () => (selected?.step === undefined ? undefined : { index: selected.step, total: selected.view.timeline.length, at: selected.stepEntry?.at ?? now }),
    [selected, now],
  );

  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    // Drawing 80x24 into less would overflow, and Ink repaints everything when output reaches the last row.
    const text = `podtui needs at least ${MIN_COLUMNS}x${MIN_ROWS}; this terminal is ${columns}x${rows}. Enlarge it, or press q to quit.`;
    return <SpanLine line={[{ text, bold: true }]} width={columns} ascii={theme.ascii} />;
  }

  let body;
  if (ui.logs) {
    body = (
      <LogView
        port={props.logs}
        namespace={ui.logs.namespace}
        pod={ui.logs.pod}
        container={ui.logs.container}
        containers={ui.logs.containers}
        previous={ui.logs.previous}
        width={layout.columns}
        height={layout.height}
        onClose={closeLogs}
        ascii={theme.ascii}
      />
    );
  } else if (ui.help || ui.picker) {
    body = ui.picker ? (
      <NamespacePicker picker={ui.picker} current={namespaces} width={layout.columns} height={layout.overlayHeight} />
    ) : (
      <Help width={layout.columns} height={layout.overlayHeight} />
    );
  } else {
    body = (
      <>
        <PodList
          rows={frame.rows}
          selectedKey={selectedKey}
          past={past}
          width={layout.columns}
          height={layout.listRows}
          now={now}
          showNamespace={namespaces === 'all' || namespaces.length > 1}
          emptyText={emptyText}
        />
        <PaneBoundary name="why" resetKey={`${selectedKey ?? ''}|${ui.stepId ?? 'live'}`} width={layout.columns} height={1} ascii={theme.ascii}>
          <WhyLine view={view} step={selected?.step} now={props.now} width={layout.columns} model={WHY_MODEL} />
        </PaneBoundary>
        <Panes layout={layout} theme={theme} selected={selected} ui={ui} now={now} logEntries={logEntries} logDropped={logDropped} />
      </>
    );
  }

  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={layout.columns} height={layout.height}>
        {body}
        {!ui.logs && (
          <StatusBar
            context={session.context}
            namespaces={namespaces}
            connections={cluster.connections}
            counts={order.counts}
            shown={order.keys.length}
            total={order.total}
            step={step}
            sort={sort}
            filterText={ui.filterText}
            filterEditing={ui.filterEditing}
            width={layout.columns}
            now={props.now}
          />
        )}
      </Box>
    </ThemeContext.Provider>
  );
}
