import { describe, expect, it } from 'vitest';
import { initialUiState, reduceUi, selectedKeyIn, selectionIn, stepIndex, type Intent, type UiContext, type UiState } from '../../src/ui/state.js';

const keys = ['demo/crashloop-6f9c7-x2kqp', 'demo/healthy-7d4b9-abcde', 'demo/healthy-7d4b9-fghij', 'demo/imagepull-5c8d-qq1zz', 'demo/oomkilled-8f7a-k2l3m'];
const timelineIds = ['t1', 'e1', 't2', 't3', 'e2', 't4', 't5', 'e3'];
const ctx: UiContext = { keys, pageSize: 2, timelineIds, restartSteps: [3, 6], sortCount: 4, scrollLimits: { conditions: 12, log: 20 } };

function run(intents: Intent[], from: UiState = initialUiState, context: UiContext = ctx): UiState {
  return intents.reduce((state, intent) => reduceUi(state, intent, context), from);
}

describe('selection', () => {
  it.each<[string, Intent[], string | undefined]>([
    ['nothing pressed selects the first pod', [], keys[0]],
    ['down', [{ type: 'move', move: 'down' }], keys[1]],
    ['down twice then up', [{ type: 'move', move: 'down' }, { type: 'move', move: 'down' }, { type: 'move', move: 'up' }], keys[1]],
    ['up at the top stays', [{ type: 'move', move: 'up' }], keys[0]],
    ['page down moves a page', [{ type: 'move', move: 'pageDown' }], keys[2]],
    ['page down past the end stops at the last', [{ type: 'move', move: 'pageDown' }, { type: 'move', move: 'pageDown' }, { type: 'move', move: 'pageDown' }], keys[4]],
    ['G goes to the last', [{ type: 'move', move: 'last' }], keys[4]],
    ['g after G goes to the first', [{ type: 'move', move: 'last' }, { type: 'move', move: 'first' }], keys[0]],
  ])('%s', (_name, intents, expected) => {
    expect(selectedKeyIn(run(intents), keys)).toBe(expected);
  });

  it('keeps the same pod when rows reorder', () => {
    const state = run([{ type: 'move', move: 'down' }, { type: 'move', move: 'down' }]);
    const reordered = [keys[2]!, keys[0]!, keys[4]!, keys[1]!, keys[3]!];
    expect(selectedKeyIn(state, reordered)).toBe(keys[2]);
    // Moving from there goes from its new place.
    expect(selectedKeyIn(reduceUi(state, { type: 'move', move: 'down' }, { ...ctx, keys: reordered }), reordered)).toBe(keys[0]);
  });

  it('selects the neighbour when the selected pod is removed, and reconcile adopts it', () => {
    const state = run([{ type: 'move', move: 'down' }, { type: 'move', move: 'down' }]);
    const without = keys.filter((k) => k !== keys[2]);
    expect(selectedKeyIn(state, without)).toBe(keys[3]);
    const reconciled = reduceUi(state, { type: 'reconcile' }, { ...ctx, keys: without });
    expect(reconciled.selectedKey).toBe(keys[3]);
    // The pod coming back (a StatefulSet recreating it) does not steal the selection back.
    expect(selectedKeyIn(reconciled, keys)).toBe(keys[3]);
  });

  it('selects the new last pod when the last one is removed', () => {
    const state = run([{ type: 'move', move: 'last' }]);
    expect(selectedKeyIn(state, keys.slice(0, 3))).toBe(keys[2]);
  });

  it.each<[string, { selectedKey?: string; selectedIndex: number }, readonly string[], { key: string | undefined; index: number }]>([
    ['the chosen pod where it is now', { selectedKey: keys[3], selectedIndex: 1 }, keys, { key: keys[3], index: 3 }],
    ['gone: the pod now at its index', { selectedKey: 'demo/gone-5d8f7-aaaaa', selectedIndex: 1 }, keys, { key: keys[1], index: 1 }],
    ['gone past the end: the last pod', { selectedKey: 'demo/gone-5d8f7-aaaaa', selectedIndex: 9 }, keys, { key: keys[4], index: 4 }],
    ['nothing shown: none, index 0', { selectedKey: keys[0], selectedIndex: 2 }, [], { key: undefined, index: 0 }],
  ])('selectionIn with the App\'s position map: %s', (_name, state, shown, expected) => {
    const positions = new Map(shown.map((key, index) => [key, index]));
    expect(selectionIn(state, shown, (key) => positions.get(key) ?? -1)).toEqual(expected);
    // The same answer without the map.
    expect(selectionIn(state, shown)).toEqual(expected);
  });

  it('moves from where the position map says the pod is', () => {
    const reordered = [keys[2]!, keys[0]!, keys[4]!, keys[1]!, keys[3]!];
    const positions = new Map(reordered.map((key, index) => [key, index]));
    const state = run([{ type: 'move', move: 'down' }, { type: 'move', move: 'down' }]);
    const moved = reduceUi(state, { type: 'move', move: 'down' }, { ...ctx, keys: reordered, indexOf: (key) => positions.get(key) ?? -1 });
    expect(moved.selectedKey).toBe(keys[0]);
    expect(moved.selectedIndex).toBe(1);
  });

  it('has no selection in an empty list', () => {
    expect(selectedKeyIn(initialUiState, [])).toBeUndefined();
    expect(run([{ type: 'move', move: 'down' }], initialUiState, { ...ctx, keys: [] }).selectedKey).toBeUndefined();
  });
});

describe('time travel', () => {
  it.each<[string, Intent[], number]>([
    ['LIVE is one past the newest entry', [], 8],
    ['left from LIVE lands on the newest entry', [{ type: 'step', direction: -1 }], 7],
    ['left three times', [{ type: 'step', direction: -1 }, { type: 'step', direction: -1 }, { type: 'step', direction: -1 }], 5],
    ['right from the newest entry is LIVE', [{ type: 'step', direction: -1 }, { type: 'step', direction: 1 }], 8],
    ['right at LIVE stays LIVE', [{ type: 'step', direction: 1 }], 8],
    ['End returns to LIVE', [{ type: 'step', direction: -1 }, { type: 'step', direction: -1 }, { type: 'live' }], 8],
    ['Esc with nothing open returns to LIVE', [{ type: 'step', direction: -1 }, { type: 'escape' }], 8],
    ['[ from LIVE goes to the newest restart', [{ type: 'restart', direction: -1 }], 6],
    ['[ twice goes to the older restart', [{ type: 'restart', direction: -1 }, { type: 'restart', direction: -1 }], 3],
    ['[ before the oldest restart stays', [{ type: 'restart', direction: -1 }, { type: 'restart', direction: -1 }, { type: 'restart', direction: -1 }], 3],
    [
      '] from the older restart goes to the newer one',
      [{ type: 'restart', direction: -1 }, { type: 'restart', direction: -1 }, { type: 'restart', direction: 1 }],
      6,
    ],
    ['] past the newest restart is LIVE', [{ type: 'restart', direction: -1 }, { type: 'restart', direction: 1 }], 8],
  ])('%s', (_name, intents, expected) => {
    expect(stepIndex(run(intents).stepId, timelineIds)).toBe(expected);
  });

  it('left at the oldest entry stays there', () => {
    const state = run(Array.from({ length: 20 }, () => ({ type: 'step', direction: -1 }) as const));
    expect(stepIndex(state.stepId, timelineIds)).toBe(0);
  });

  it('keeps pointing at the same entry when older entries are dropped', () => {
    const state = run([{ type: 'step', direction: -1 }, { type: 'step', direction: -1 }]);
    expect(state.stepId).toBe('t5');
    expect(stepIndex(state.stepId, timelineIds.slice(3))).toBe(3);
    // The entry itself dropped: the oldest remaining is the closest.
    expect(stepIndex(state.stepId, ['x1', 'x2'])).toBe(0);
  });

  it('a pod with no timeline cannot step', () => {
    expect(run([{ type: 'step', direction: -1 }], initialUiState, { ...ctx, timelineIds: [] }).stepId).toBeUndefined();
  });

  it('selecting another pod starts it at LIVE with panes scrolled to the top', () => {
    const stepped = run([{ type: 'step', direction: -1 }, { type: 'focus', direction: 1 }, { type: 'move', move: 'down' }, { type: 'focus', direction: -1 }]);
    expect(stepped.stepId).toBe('e3');
    expect(stepped.scroll.conditions).toBe(1);
    const moved = reduceUi(stepped, { type: 'move', move: 'down' }, ctx);
    expect(moved.selectedKey).toBe(keys[1]);
    expect(moved.stepId).toBeUndefined();
    expect(moved.scroll).toEqual({ conditions: 0, log: 0 });
  });
});

describe('focus and scrolling', () => {
  it.each<[string, Intent[], UiState['focus'], UiState['scroll']]>([
    ['Tab focuses the conditions', [{ type: 'focus', direction: 1 }], 'conditions', { conditions: 0, log: 0 }],
    ['Tab twice focuses the log', [{ type: 'focus', direction: 1 }, { type: 'focus', direction: 1 }], 'log', { conditions: 0, log: 0 }],
    ['Shift-Tab wraps to the log', [{ type: 'focus', direction: -1 }], 'log', { conditions: 0, log: 0 }],
    ['down scrolls the focused conditions', [{ type: 'focus', direction: 1 }, { type: 'move', move: 'down' }, { type: 'move', move: 'down' }], 'conditions', { conditions: 2, log: 0 }],
    ['up in the log goes back to older lines', [{ type: 'focus', direction: -1 }, { type: 'move', move: 'up' }, { type: 'move', move: 'pageUp' }], 'log', { conditions: 0, log: 3 }],
    ['down in the log at the newest stays', [{ type: 'focus', direction: -1 }, { type: 'move', move: 'down' }], 'log', { conditions: 0, log: 0 }],
    ['g in the log goes to the oldest line', [{ type: 'focus', direction: -1 }, { type: 'move', move: 'first' }], 'log', { conditions: 0, log: 20 }],
    ['g then down in the log moves one line newer', [{ type: 'focus', direction: -1 }, { type: 'move', move: 'first' }, { type: 'move', move: 'down' }], 'log', { conditions: 0, log: 19 }],
    ['G in the conditions goes to the bottom', [{ type: 'focus', direction: 1 }, { type: 'move', move: 'last' }], 'conditions', { conditions: 12, log: 0 }],
    ['G then g in the conditions is back at the top', [{ type: 'focus', direction: 1 }, { type: 'move', move: 'last' }, { type: 'move', move: 'first' }], 'conditions', { conditions: 0, log: 0 }],
  ])('%s', (_name, intents, focus, scroll) => {
    const state = run(intents);
    expect(state.focus).toBe(focus);
    expect(state.scroll).toEqual(scroll);
    // Scrolling a pane never moves the pod selection.
    expect(selectedKeyIn(state, keys)).toBe(keys[0]);
  });
});

describe('filter, toggles and overlays', () => {
  it('types a filter, keeps it on Enter', () => {
    const state = run([{ type: 'filterOpen' }, { type: 'filterType', text: 'crash' }, { type: 'filterType', text: 'x' }, { type: 'filterBackspace' }, { type: 'filterKeep' }]);
    expect(state).toMatchObject({ filterText: 'crash', filterEditing: false });
  });

  it('Esc while typing clears the filter and keeps the step', () => {
    const state = run([{ type: 'step', direction: -1 }, { type: 'filterOpen' }, { type: 'filterType', text: 'l:app=web' }, { type: 'escape' }]);
    expect(state).toMatchObject({ filterText: '', filterEditing: false, stepId: 'e3' });
  });

  it.each<[Intent, keyof UiState]>([
    [{ type: 'toggleWarnings' }, 'warningsOnly'],
    [{ type: 'toggleTimes' }, 'absoluteTimes'],
    [{ type: 'toggleAllPods' }, 'allPodsLog'],
    [{ type: 'help' }, 'help'],
  ])('%o toggles %s', (intent, field) => {
    expect(run([intent])[field]).toBe(true);
    expect(run([intent, intent])[field]).toBe(false);
  });

  it('cycles the sort through every key and wraps', () => {
    expect(run([{ type: 'sortCycle' }]).sortIndex).toBe(1);
    expect(run(Array.from({ length: 4 }, () => ({ type: 'sortCycle' }) as const)).sortIndex).toBe(0);
  });

  it('Esc closes help before it leaves the step', () => {
    const state = run([{ type: 'step', direction: -1 }, { type: 'help' }, { type: 'escape' }]);
    expect(state).toMatchObject({ help: false, stepId: 'e3' });
  });

  it('the namespace picker starts on the current namespace and moves within bounds', () => {
    const shown = run([{ type: 'pickerShow', choices: ['all', 'default', 'demo', 'kube-system'], current: 'demo' }]);
    expect(shown.picker?.index).toBe(2);
    const moved = run([{ type: 'move', move: 'down' }, { type: 'move', move: 'down' }, { type: 'move', move: 'down' }], shown);
    expect(moved.picker?.index).toBe(3);
    expect(selectedKeyIn(moved, keys)).toBe(keys[0]);
    expect(run([{ type: 'move', move: 'first' }], shown).picker?.index).toBe(0);
    expect(run([{ type: 'escape' }], shown).picker).toBeUndefined();
  });

  it('log view opens and Esc closes it, keeping the selection', () => {
    const target = { namespace: 'demo', pod: 'crashloop-6f9c7-x2kqp', container: 'app', containers: ['app'], previous: true };
    const open = run([{ type: 'move', move: 'down' }, { type: 'logsShow', target }]);
    expect(open.logs).toEqual(target);
    const closed = reduceUi(open, { type: 'escape' }, ctx);
    expect(closed.logs).toBeUndefined();
    expect(selectedKeyIn(closed, keys)).toBe(keys[1]);
  });
});
