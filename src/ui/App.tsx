// The screen: reads model state from the store, keeps its own UI state in one
// reducer, and turns keys into intents. Everything drawn is computed from
// (cluster state, UI state, terminal size); nothing is redrawn while none of
// them changes, except the small clocks of the why line and the status bar.
import { Box, Text, useInput, type Key } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { countdowns } from '../model/countdowns.js';
import { mergedTimeline } from '../model/mergedTimeline.js';
import { podRow } from '../model/podSummary.js';
import { SORT_KEYS, countByStatus, parseFilter, selectRows } from '../model/selectors.js';
import { restartSteps, snapshotAt } from '../model/snapshot.js';
import type { Pod } from '../model/types.js';
import type { PodView, TimelineEntry } from '../model/views.js';
import { whyLine } from '../model/why.js';
import { ConditionsPane, conditionsPaneLines } from './conditions/ConditionsPane.js';
import { SpanLine } from './conditions/spans.js';
import { Help } from './Help.js';
import { intentForKey } from './keymap.js';
import { MIN_COLUMNS, MIN_ROWS, computeLayout, type Layout } from './layout.js';
import { isWarning } from './logEntry.js';
import { logTarget } from './logTarget.js';
import { LogView } from './logs/LogView.js';
import { MergedLog } from './MergedLog.js';
import { ALL_NAMESPACES, NamespacePicker } from './NamespacePicker.js';
import { PaneTitle } from './PaneTitle.js';
import { PodList, type PastStatus } from './PodList.js';
import type { AppProps } from './ports.js';
import { initialUiState, reduceUi, selectedKeyIn, stepIndex, type Intent, type UiContext, type UiState } from './state.js';
import { StatusBar } from './StatusBar.js';
import { ThemeContext, makeTheme, type Theme } from './theme.js';
import { useClock } from './useClock.js';
import { useTerminalSize } from './useTerminalSize.js';
import { WhyLine, type WhyModel } from './WhyLine.js';

const WHY_MODEL: WhyModel = { whyLine, countdowns };
/** The all-pods log shows this many of the newest entries. */
const ALL_PODS_LOG_LIMIT = 2_000;
/**
 * AGE, RESTARTS "(5m ago)" and the log's relative times are redrawn this
 * often. Every second would rewrite those cells for every visible row each
 * second (bytes over SSH); the why line and reconnect countdown tick on their own.
 */
const RELATIVE_TIME_MS = 5_000;

/** Keys typed into the filter line: text, Backspace, Enter keeps, Esc clears. */
function filterIntent(input: string, key: Key): Intent | undefined {
  if (key.return) return { type: 'filterKeep' };
  if (key.escape) return { type: 'filterClear' };
  if (key.backspace || key.delete) return { type: 'filterBackspace' };
  if (key.ctrl && input === 'c') return { type: 'quit' };
  // Arrows still move through the list while typing, to see what matches.
  if (key.upArrow) return { type: 'move', move: 'up' };
  if (key.downArrow) return { type: 'move', move: 'down' };
  if (key.ctrl || key.meta || input === '' || /[\x00-\x1f\x7f]/.test(input)) return undefined;
  return { type: 'filterType', text: input };
}

/** Keys while the help is open: it closes with ?, Esc (or q quits). */
function helpIntent(input: string, key: Key): Intent | undefined {
  if (key.escape || input === '?') return { type: 'help' };
  if (input === 'q' || (key.ctrl && input === 'c')) return { type: 'quit' };
  return undefined;
}

/** Keys in the namespace picker: up/down choose, Enter switches, Esc cancels. */
function pickerIntent(input: string, key: Key): Intent | { type: 'pickerChoose' } | undefined {
  if (key.return) return { type: 'pickerChoose' };
  if (key.escape) return { type: 'pickerClose' };
  if (key.ctrl && input === 'c') return { type: 'quit' };
  const intent = intentForKey(input, key);
  return intent?.type === 'move' || intent?.type === 'quit' ? intent : undefined;
}

interface Selected {
  view: PodView;
  /** Index of the step being looked at, undefined at LIVE. */
  step: number | undefined;
  /** The pod as shown: the snapshot at the step, or the live pod. */
  pod: Pod;
  stepEntry: TimelineEntry | undefined;
}

function selectedPod(view: PodView | undefined, stepId: string | undefined): Selected | undefined {
  if (!view) return undefined;
  if (stepId === undefined || view.timeline.length === 0) return { view, step: undefined, pod: view.pod, stepEntry: undefined };
  const step = stepIndex(stepId, view.timeline.map((e) => e.id));
  return { view, step, pod: snapshotAt(view, step), stepEntry: view.timeline[step] };
}

function Panes(props: {
  layout: Layout;
  theme: Theme;
  selected: Selected | undefined;
  ui: UiState;
  now: number;
  logEntries: readonly TimelineEntry[];
  logDropped: number;
}) {
  const { layout, theme, selected, ui, now } = props;
  const name = selected?.view.row.name;
  const stepNote = selected?.step === undefined ? '' : ` ${theme.middleDot} as of step ${selected.step + 1}`;
  const conditionsTitle = name === undefined ? 'Conditions' : `Conditions ${theme.middleDot} ${name}${stepNote}`;
  const logScope = ui.allPodsLog ? 'all pods' : (name ?? 'no pod');
  const logTitle = `Log ${theme.middleDot} ${logScope}${ui.warningsOnly ? ` ${theme.middleDot} Warning only` : ''}`;
  const conditions = (
    <Box flexDirection="column" width={layout.conditions.width} height={layout.conditions.height + 1}>
      <PaneTitle title={conditionsTitle} width={layout.conditions.width} focused={ui.focus === 'conditions'} />
      {selected ? (
        <ConditionsPane
          pod={selected.pod}
          view={selected.view}
          now={now}
          absoluteTimes={ui.absoluteTimes}
          width={layout.conditions.width}
          height={layout.conditions.height}
          scroll={ui.scroll.conditions}
          focused={ui.focus === 'conditions'}
          ascii={theme.ascii}
        />
      ) : (
        <Text dimColor>No pod selected.</Text>
      )}
    </Box>
  );
  const log = (
    <MergedLog
      title={logTitle}
      entries={props.logEntries}
      dropped={props.logDropped}
      width={layout.log.width}
      height={layout.log.height}
      now={now}
      absoluteTimes={ui.absoluteTimes}
      showPod={ui.allPodsLog}
      highlightId={selected?.stepEntry?.id}
      scroll={ui.scroll.log}
      focused={ui.focus === 'log'}
      emptyText={ui.warningsOnly ? 'No Warning entries.' : 'No entries yet.'}
    />
  );
  if (!layout.sideBySide) {
    return (
      <>
        {conditions}
        {log}
      </>
    );
  }
  return (
    <Box flexDirection="row" height={layout.conditions.height + 1}>
      {conditions}
      <Text dimColor>{Array.from({ length: layout.conditions.height + 1 }, () => ` ${theme.separator} `).join('\n')}</Text>
      {log}
    </Box>
  );
}

export function App(props: AppProps) {
  const { cluster: store, session, options } = props;
  const theme = useMemo(() => makeTheme(options), [options.ascii, options.color]);
  const { columns, rows } = useTerminalSize();
  const cluster = useSyncExternalStore(store.subscribe, store.getState);
  // The UI state lives in a ref as well as in React state: keys typed faster
  // than a render (a paste, a held key, the filter line) must each see the
  // state the previous key left, not the one last drawn.
  const uiRef = useRef<UiState>(initialUiState);
  const [ui, setUiState] = useState<UiState>(initialUiState);
  const setUi = useCallback((update: (state: UiState) => UiState) => {
    uiRef.current = update(uiRef.current);
    setUiState(uiRef.current);
  }, []);
  const now = useClock(props.now, RELATIVE_TIME_MS);

  const namespaces = session.namespaces();
  const namespacesKey = namespaces === 'all' ? 'all' : namespaces.join(',');
  const sort = SORT_KEYS[ui.sortIndex % SORT_KEYS.length] ?? 'name';
  const filter = useMemo(() => parseFilter(ui.filterText), [ui.filterText]);
  // The map is updated in place; `version` says when it changed.
  const allRows = useMemo(() => Array.from(cluster.pods.values(), (v) => v.row), [cluster, cluster.version]);
  const shownRows = useMemo(
    () => selectRows(allRows, { filter, sort, namespaces }),
    // namespacesKey stands for namespaces, a new array on every call.
    [allRows, filter, sort, namespacesKey],
  );
  const scopedTotal = useMemo(
    () => (namespaces === 'all' ? allRows.length : allRows.filter((r) => namespaces.includes(r.namespace)).length),
    [allRows, namespacesKey],
  );
  const counts = useMemo(() => countByStatus(shownRows), [shownRows]);
  const keys = useMemo(() => shownRows.map((r) => r.key), [shownRows]);
  const selectedKey = selectedKeyIn(ui, keys);
  const view = selectedKey === undefined ? undefined : cluster.pods.get(selectedKey);
  const selected = useMemo(() => selectedPod(view, ui.stepId), [view, ui.stepId]);
  const past = useMemo<PastStatus | undefined>(() => {
    if (!selected || selected.step === undefined) return undefined;
    const row = podRow(selected.pod);
    return { key: selected.view.row.key, status: row.status, health: row.health };
  }, [selected]);
  const layout = computeLayout(columns, rows, shownRows.length);

  const logEntries = useMemo(() => {
    if (ui.allPodsLog) return mergedTimeline(cluster, { warningsOnly: ui.warningsOnly, limit: ALL_PODS_LOG_LIMIT });
    const timeline = view?.timeline ?? [];
    return ui.warningsOnly ? timeline.filter(isWarning) : timeline;
  }, [ui.allPodsLog, ui.warningsOnly, cluster, cluster.version, view]);
  const logDropped = ui.allPodsLog ? 0 : (view?.dropped ?? 0);

  // A removed pod's neighbour becomes the selection for real, so it stays selected when the list changes again.
  useEffect(() => {
    if (selectedKey !== uiRef.current.selectedKey) setUi((state) => reduceUi(state, { type: 'reconcile' }, context()));
  });

  /** What the reducer needs to know, computed when a key is pressed (not on every frame). */
  const context = (): UiContext => ({
    keys,
    pageSize: layout.listRows,
    timelineIds: view?.timeline.map((e) => e.id) ?? [],
    restartSteps: view ? restartSteps(view) : [],
    sortCount: SORT_KEYS.length,
    scrollLimits: {
      conditions: selected
        ? conditionsPaneLines(selected.pod, selected.view, { now, absoluteTimes: ui.absoluteTimes, theme, width: layout.conditions.width }).length -
          layout.conditions.height
        : 0,
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
      case 'openLogs':
        if (!selected) return;
        setUi((state) => ({ ...state, logs: logTarget(selected.view.pod, selected.pod, selected.stepEntry) }));
        return;
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
    useCallback((input: string, key: Key) => onKeyRef.current(input, key), []),
    { isActive: ui.logs === undefined },
  );

  const closeLogs = useCallback(() => setUi((state) => ({ ...state, logs: undefined })), []);

  const emptyText =
    cluster.synced.size === 0
      ? 'Loading pods…'
      : ui.filterText !== ''
        ? `No pods match "${ui.filterText}".`
        : `No pods in ${namespaces === 'all' ? 'any namespace' : namespaces.join(', ')}.`;
  const step = selected?.step === undefined ? undefined : { index: selected.step, total: selected.view.timeline.length, at: selected.stepEntry?.at ?? now };

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
          rows={shownRows}
          selectedKey={selectedKey}
          past={past}
          width={layout.columns}
          height={layout.listRows}
          now={now}
          showNamespace={namespaces === 'all' || namespaces.length > 1}
          emptyText={emptyText}
        />
        <WhyLine view={view} step={selected?.step} now={props.now} width={layout.columns} model={WHY_MODEL} />
        <Panes layout={layout} theme={theme} selected={selected} ui={ui} now={now} logEntries={logEntries} logDropped={logDropped} />
      </>
    );
  }

  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={layout.columns} height={layout.height} overflow="hidden">
        {body}
        {!ui.logs && (
          <StatusBar
            context={session.context}
            namespaces={namespaces}
            connections={cluster.connections}
            counts={counts}
            shown={shownRows.length}
            total={scopedTotal}
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
