import './forceColor.js';
import { format } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import type { Observation } from '../../src/model/observations.js';
import {
  PodHistory,
  appStatus,
  at,
  crashed,
  crashloopHistory,
  livenessHistory,
  observationsInOrder,
  pullAndStart,
  running,
  scheduleAndCreate,
  setReady,
} from '../model/fixtures/history.js';
import { FakeSession, renderApp, type AppScreen } from './appHarness.js';
import { fleet } from './fleet.js';
import { KEYS, press, quiet, settle, unmountAll } from './renderAt.js';

afterEach(unmountAll);

function webHistory(): PodHistory {
  const h = new PodHistory('web-5d8f7-q9z2x', { uid: '0b4c2d1e-8f7a-4b6c-9d5e-3a2f1e0d9c8b', image: 'nginx:1.27' });
  h.created();
  scheduleAndCreate(h);
  pullAndStart(h, 4, false);
  running(h, 4, 0);
  return h;
}

const NOW = () => at(75);
const crash = crashloopHistory();
const observations: Observation[] = [
  { kind: 'ConnectionChanged', connection: { phase: 'live', stream: 'pods', since: at(0) }, observedAt: at(0) },
  { kind: 'ConnectionChanged', connection: { phase: 'live', stream: 'events', since: at(0) }, observedAt: at(0) },
  ...observationsInOrder(crash, livenessHistory(), webHistory()),
  { kind: 'Synced', stream: 'pods', observedAt: at(60) },
];

const lines = (text: string) => text.split('\n');
/** Lines drawn inverse: the selected row, the focused title, the step entry. */
const inverseLines = (screen: AppScreen) =>
  lines(screen.lastFrame())
    .filter((l) => l.includes('\x1b[7m'))
    // eslint-disable-next-line no-control-regex
    .map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''));
/** The log entry of the current step (inverse, with a transition or event marker). */
const stepEntry = (screen: AppScreen) => inverseLines(screen).find((l) => /^\S+ +[▸•] /.test(l));
const rowOf = (screen: AppScreen, name: string) => lines(screen.text()).find((l) => l.startsWith(name)) ?? '';
const statusLine = (screen: AppScreen) => lines(screen.text()).at(-2) ?? '';

describe.each([
  [80, 24],
  [120, 40],
  [160, 40],
])('App at %ix%i', (columns, rows) => {
  it('draws the list, why line, both panes and the status bar within rows-1 lines', async () => {
    const screen = await renderApp(observations, { columns, rows, now: NOW });
    const text = screen.text();
    expect(lines(text).length).toBeLessThanOrEqual(rows - 1);
    for (const line of lines(text)) expect(line.length).toBeLessThanOrEqual(columns);
    expect(lines(text)[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE/);
    expect(rowOf(screen, 'crashloop-6f9c7-x2kqp')).toMatch(/0\/1 +CrashLoopBackOff +3 \(19s ago\) +75s/);
    expect(rowOf(screen, 'liveness-7d4b9-m2x8c')).toMatch(/1\/1 +Running +1 \(44s ago\)/);
    expect(text).toMatch(/why: (Ready=False ContainersNotReady · )?app: CrashLoopBackOff \(exit 1, 3 restarts, next try in 21s\)/);
    expect(text).toContain('Conditions · crashloop-6f9c7-x2kqp');
    expect(text).toContain('PodScheduled');
    expect(text).toContain('Log · crashloop-6f9c7-x2kqp');
    expect(text).toMatch(/17s +▸ CrashLoopBackOff/);
    expect(statusLine(screen)).toMatch(/^podtui-demo \(demo\) · ns demo · live · 3 pods/);
    expect(statusLine(screen)).toMatch(/LIVE $/);
    expect(lines(text).at(-1)).toContain('? help');
  });
});

describe('App layout', () => {
  it('puts the panes side by side from 140 columns, stacked below', async () => {
    const wide = await renderApp(observations, { columns: 160, rows: 40, now: NOW });
    expect(lines(wide.text()).find((l) => l.includes('Conditions ·'))).toMatch(/Conditions · crashloop.*│.*Log · crashloop/);
    const narrow = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    expect(lines(narrow.text()).find((l) => l.includes('Conditions ·'))).not.toContain('Log ·');
  });

  it('lays out again on resize', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    expect(lines(screen.text())[0]).toContain('NODE');
    screen.resize(80, 24);
    await settle(30);
    expect(lines(screen.text())[0]).not.toContain('NODE');
    expect(lines(screen.text()).length).toBeLessThanOrEqual(23);
    screen.resize(160, 40);
    await settle(30);
    expect(lines(screen.text())[0]).toContain('QOS');
  });

  it('asks for a larger terminal below 80x24, and draws again when it grows', async () => {
    const screen = await renderApp(observations, { columns: 70, rows: 20, now: NOW });
    expect(screen.text()).toMatch(/^podtui needs at least 80x24; this terminal is 70x20\. Enlarge/);
    await press(screen, 'q');
    expect(screen.quits).toBe(1);
    screen.resize(80, 24);
    await settle(30);
    expect(lines(screen.text())[0]).toMatch(/^NAME/);
  });

  it('draws only ASCII and no colour with --ascii and NO_COLOR', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW, options: { ascii: true, color: false } });
    expect(screen.text()).toMatch(/^[\x20-\x7e\n]*$/);
    expect(screen.lastFrame()).not.toMatch(/\x1b\[3[0-9]m/);
    expect(screen.text()).toContain('-- Log - crashloop-6f9c7-x2kqp');
  });

  it('shows a new pod as soon as the store says so, and says when it is loading', async () => {
    const screen = await renderApp([], { columns: 120, rows: 40, now: NOW });
    expect(screen.text()).toContain('Loading pods…');
    screen.store.apply(observations);
    await settle(30);
    expect(rowOf(screen, 'web-5d8f7-q9z2x')).toMatch(/1\/1 +Running/);
  });

  it('shows a watch in trouble in the status bar', async () => {
    const screen = await renderApp(
      [...observations, { kind: 'ConnectionChanged', connection: { phase: 'forbidden', stream: 'events', since: at(70), detail: 'cannot watch events in "demo"' }, observedAt: at(70) }],
      { columns: 160, rows: 40, now: NOW },
    );
    expect(statusLine(screen)).toContain('events forbidden (403): cannot watch events in "demo"');
  });
});

describe('App keys', () => {
  it('j/k and arrows move the selection; the why line and panes follow it', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    expect(inverseLines(screen)[0]).toMatch(/^crashloop-6f9c7-x2kqp/);
    await press(screen, 'j');
    expect(inverseLines(screen)[0]).toMatch(/^liveness-7d4b9-m2x8c/);
    expect(screen.text()).toContain('Log · liveness-7d4b9-m2x8c');
    expect(screen.text()).toContain('Liveness probe failed: HTTP probe failed with statuscode: 500');
    await press(screen, KEYS.down);
    expect(inverseLines(screen)[0]).toMatch(/^web-5d8f7-q9z2x/);
    expect(screen.text()).toContain('why: Running, nothing to explain');
    await press(screen, 'k', KEYS.up);
    expect(inverseLines(screen)[0]).toMatch(/^crashloop-6f9c7-x2kqp/);
    await press(screen, 'G');
    expect(inverseLines(screen)[0]).toMatch(/^web-5d8f7-q9z2x/);
    await press(screen, 'g');
    expect(inverseLines(screen)[0]).toMatch(/^crashloop-6f9c7-x2kqp/);
    await press(screen, KEYS.pageDown);
    expect(inverseLines(screen)[0]).toMatch(/^web-5d8f7-q9z2x/);
    await press(screen, KEYS.pageUp);
    expect(inverseLines(screen)[0]).toMatch(/^crashloop-6f9c7-x2kqp/);
  });

  it('left steps back through the crash loop: CrashLoopBackOff, then the exit, then Running, all panes at that step', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    const seen: { entry: string; status: string; step: string }[] = [];
    for (let i = 0; i < 14; i++) {
      await press(screen, KEYS.left);
      seen.push({ entry: stepEntry(screen) ?? '', status: rowOf(screen, 'crashloop-6f9c7-x2kqp'), step: statusLine(screen) });
    }
    expect(seen[0]!.step).toMatch(/step \d+\/\d+ · 10:00:57 $/);
    const backOff = seen.findIndex((s) => /CrashLoopBackOff +app: Waiting \(CrashLoopBackOff: back-off 40s/.test(s.entry));
    const exit = seen.findIndex((s) => /Terminated +app: Terminated \(Error, exit code 1\)/.test(s.entry));
    const run = seen.findIndex((s) => /Running +app: Running/.test(s.entry));
    // Going back in time meets them newest first; in time order they read Running → exit → back-off.
    expect(backOff).toBeGreaterThanOrEqual(0);
    expect(exit).toBeGreaterThan(backOff);
    expect(run).toBeGreaterThan(exit);
    // The list row shows the pod's STATUS at each step, marked as past.
    expect(seen[exit]!.status).toMatch(/◂ Error/);
    expect(seen[run]!.status).toMatch(/◂ Running/);
    expect(screen.text()).toContain('Conditions · crashloop-6f9c7-x2kqp · as of step');
    expect(screen.text()).toMatch(/then: /);
    // End returns to LIVE.
    await press(screen, KEYS.end);
    expect(statusLine(screen)).toMatch(/LIVE $/);
    expect(rowOf(screen, 'crashloop-6f9c7-x2kqp')).toMatch(/ CrashLoopBackOff/);
    expect(stepEntry(screen)).toBeUndefined();
  });

  it('right steps forward and past the newest entry is LIVE; Esc also returns to LIVE', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    await press(screen, 'h', 'h', 'h');
    const three = statusLine(screen).match(/step (\d+)\/(\d+)/)!;
    expect(Number(three[2]) - Number(three[1])).toBe(2);
    await press(screen, 'l');
    expect(statusLine(screen)).toContain(`step ${Number(three[1]) + 1}/`);
    await press(screen, KEYS.right, KEYS.right);
    expect(statusLine(screen)).toMatch(/LIVE $/);
    await press(screen, KEYS.left, KEYS.escape);
    expect(statusLine(screen)).toMatch(/LIVE $/);
  });

  it('[ and ] jump between restarts', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    await press(screen, '[');
    const newest = statusLine(screen).match(/step (\d+)\//)![1];
    expect(stepEntry(screen)).toMatch(/Terminated|Restarted/);
    await press(screen, '[');
    const older = statusLine(screen).match(/step (\d+)\//)![1];
    expect(Number(older)).toBeLessThan(Number(newest));
    await press(screen, ']');
    expect(statusLine(screen)).toContain(`step ${newest}/`);
    await press(screen, ']');
    expect(statusLine(screen)).toMatch(/LIVE $/);
  });

  it('a new pod starts at LIVE', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    await press(screen, KEYS.left, KEYS.left);
    expect(statusLine(screen)).toContain('step');
    await press(screen, 'j');
    expect(statusLine(screen)).toMatch(/LIVE $/);
  });

  it('Tab focuses the panes in turn; the focused pane scrolls with up/down', async () => {
    const screen = await renderApp(observations, { columns: 80, rows: 24, now: NOW });
    await press(screen, KEYS.tab);
    expect(inverseLines(screen).some((l) => l.includes(' Conditions · crashloop'))).toBe(true);
    const before = screen.text();
    await press(screen, 'j', 'j', 'j');
    expect(screen.text()).not.toBe(before);
    expect(inverseLines(screen)[0]).toMatch(/^crashloop-6f9c7-x2kqp/);
    await press(screen, KEYS.tab);
    expect(inverseLines(screen).some((l) => l.includes(' Log · crashloop'))).toBe(true);
    const newest = lines(screen.text()).at(-3);
    await press(screen, 'k', 'k');
    expect(lines(screen.text()).at(-3)).not.toBe(newest);
    await press(screen, 'G');
    expect(lines(screen.text()).at(-3)).toBe(newest);
    await press(screen, KEYS.shiftTab, KEYS.shiftTab);
    expect(inverseLines(screen).some((l) => l.includes(' Conditions'))).toBe(false);
    await press(screen, 'j');
    expect(inverseLines(screen)[0]).toMatch(/^liveness/);
  });

  it('/ filters as you type, Enter keeps it, Esc clears it; l: filters by label', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    await press(screen, '/', 'l', 'i', 'v');
    expect(lines(screen.text()).at(-1)).toMatch(/^\/liv /);
    expect(rowOf(screen, 'crashloop')).toBe('');
    expect(rowOf(screen, 'liveness-7d4b9-m2x8c')).not.toBe('');
    // The selection follows to what is left.
    expect(inverseLines(screen)[0]).toMatch(/^liveness/);
    await press(screen, KEYS.enter);
    expect(statusLine(screen)).toContain('1 of 3 pods');
    expect(statusLine(screen)).toContain('filter "liv"');
    // Keys are keys again: q is not typed into the filter.
    await press(screen, '/', KEYS.escape);
    expect(rowOf(screen, 'crashloop-6f9c7-x2kqp')).not.toBe('');
    await press(screen, '/', ...'l:app=web', KEYS.enter);
    expect(rowOf(screen, 'web-5d8f7-q9z2x')).not.toBe('');
    expect(rowOf(screen, 'liveness')).toBe('');
    await press(screen, '/', KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.escape);
    expect(statusLine(screen)).toContain('3 pods');
  });

  it('takes keys that arrive in one read (a paste, tmux send-keys, a slow link) one by one', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    await press(screen, '/crash\r');
    expect(statusLine(screen)).toContain('filter "crash"');
    expect(rowOf(screen, 'liveness')).toBe('');
    await press(screen, 'hhh');
    expect(statusLine(screen)).toMatch(/step \d+\/\d+/);
  });

  it('says when no pod matches the filter', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    await press(screen, '/', ...'nothing', KEYS.enter);
    expect(screen.text()).toContain('No pods match "nothing".');
    expect(screen.text()).toContain('No pod selected.');
  });

  it('s cycles the sort', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    expect(statusLine(screen)).toContain('sort name');
    await press(screen, 's');
    expect(statusLine(screen)).toContain('sort status');
    await press(screen, 's');
    expect(statusLine(screen)).toContain('sort restarts');
    const names = lines(screen.text()).slice(1, 4).map((l) => l.split(' ')[0]);
    expect(names).toEqual(['crashloop-6f9c7-x2kqp', 'liveness-7d4b9-m2x8c', 'web-5d8f7-q9z2x']);
  });

  it('n picks a namespace (or all) and switches the session to it', async () => {
    const session = new FakeSession();
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW, session });
    await press(screen, 'n');
    await settle(20);
    expect(screen.text()).toContain('Namespace (Enter switches, Esc cancels)');
    expect(inverseLines(screen).some((l) => l.includes('demo  (watching)'))).toBe(true);
    await press(screen, KEYS.escape);
    expect(session.switched).toEqual([]);
    expect(screen.text()).toContain('NAME');
    await press(screen, 'n');
    await settle(20);
    await press(screen, 'g', KEYS.enter);
    expect(session.switched).toEqual(['all']);
    expect(lines(screen.text())[0]).toMatch(/^NAMESPACE +NAME/);
    expect(statusLine(screen)).toContain('all namespaces');
  });

  it('w shows Warning entries only', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    await press(screen, 'j', 'w');
    const text = screen.text();
    expect(text).toContain('Log · liveness-7d4b9-m2x8c · Warning only');
    expect(text).toContain('Unhealthy x3');
    expect(text).not.toMatch(/▸ Ready +Ready: False → True/);
    await press(screen, 'w');
    expect(screen.text()).not.toContain('Warning only');
    expect(screen.text()).toMatch(/▸ Ready +Ready: False → True/);
  });

  it('t switches the log and panes to absolute times', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    expect(screen.text()).toMatch(/17s +▸ CrashLoopBackOff/);
    await press(screen, 't');
    expect(screen.text()).toContain(`${format(at(57.6), 'HH:mm:ss')} ▸ CrashLoopBackOff`);
  });

  it("a shows all pods' entries with the pod's name", async () => {
    const screen = await renderApp(observations, { columns: 160, rows: 40, now: NOW });
    await press(screen, 'a');
    const text = screen.text();
    expect(text).toContain('Log · all pods');
    expect(text).toMatch(/liveness-7d4b9-m2x8c +Restarted/);
    expect(text).toMatch(/crashloop-6f9c7-x2kqp +CrashLoopBackOff/);
  });

  it('Enter opens the failing container’s log; Esc returns with the selection kept', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    await press(screen, KEYS.enter);
    await settle(80);
    expect(screen.logs.requests.at(-1)).toEqual({ namespace: 'demo', pod: 'crashloop-6f9c7-x2kqp', container: 'app', previous: false, follow: true });
    expect(screen.text()).toContain('app (current) panic: connection refused');
    await press(screen, KEYS.escape);
    expect(inverseLines(screen)[0]).toMatch(/^crashloop-6f9c7-x2kqp/);
    expect(statusLine(screen)).toMatch(/LIVE $/);
  });

  it('L at a past step opens the instance of that step: the previous one after a restart', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    await press(screen, '[', '[');
    await press(screen, 'L');
    await settle(80);
    expect(screen.logs.requests.at(-1)).toMatchObject({ pod: 'crashloop-6f9c7-x2kqp', container: 'app', previous: true });
    expect(screen.text()).toContain('app (previous) panic: connection refused');
  });

  it('? shows the help from the key table; ? or Esc closes it', async () => {
    const screen = await renderApp(observations, { columns: 80, rows: 24, now: NOW });
    await press(screen, '?');
    expect(screen.text()).toContain('Keys (? or Esc closes)');
    expect(screen.text()).toMatch(/← h +step back in history/);
    expect(lines(screen.text()).length).toBeLessThanOrEqual(23);
    await press(screen, '?');
    expect(screen.text()).not.toContain('Keys (?');
    await press(screen, '?', KEYS.escape);
    expect(screen.text()).toContain('NAME');
  });

  it.each([
    ['q', 'q'],
    ['Ctrl-C', KEYS.ctrlC],
  ])('%s quits', async (_name, key) => {
    const screen = await renderApp(observations, { columns: 80, rows: 24, now: NOW });
    await press(screen, key);
    expect(screen.quits).toBe(1);
  });

  it('selects the neighbour when the selected pod is deleted', async () => {
    const screen = await renderApp(observations, { columns: 120, rows: 40, now: NOW });
    await press(screen, 'j');
    const liveness = livenessHistory();
    liveness.delete(74);
    screen.store.apply(liveness.observations.slice(-1));
    await settle(30);
    expect(rowOf(screen, 'liveness')).toBe('');
    expect(inverseLines(screen)[0]).toMatch(/^web-5d8f7-q9z2x/);
  });
});

describe('App under a storm of cluster changes', () => {
  /** The fleet's pods, Synced, as the watch would deliver them. */
  function fleetObservations(pods: PodHistory[]): Observation[] {
    return [
      { kind: 'ConnectionChanged', connection: { phase: 'live', stream: 'pods', since: at(0) }, observedAt: at(0) },
      ...observationsInOrder(...pods),
      { kind: 'Synced', stream: 'pods', observedAt: at(5) },
    ];
  }
  /** What the pod's history wrote since `from` (its later observations). */
  const since = (h: PodHistory, from: number) => h.observations.slice(from);
  const notReady = (h: PodHistory, seconds: number) =>
    h.update(seconds, (pod) => {
      appStatus(pod).ready = false;
      setReady(pod, false, seconds);
    });

  it('draws nothing for changes to pods off screen, and the changed row when one on screen changes', async () => {
    const pods = fleet(200);
    const screen = await renderApp(fleetObservations(pods), { columns: 120, rows: 40, now: () => at(60) });
    await quiet(screen);
    const drawn = screen.frames.length;
    // A storm below the screen: READY flips and Events, STATUS unchanged.
    for (const h of pods.slice(100, 140)) {
      const from = h.observations.length;
      notReady(h, 20);
      h.event(20, 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', 'app');
      screen.store.apply(since(h, from));
    }
    await quiet(screen);
    expect(screen.frames.length).toBe(drawn);
    expect(statusLine(screen)).toMatch(/200 pods/);
    // A row on screen changes: one frame, and it shows the change.
    const from = pods[2]!.observations.length;
    notReady(pods[2]!, 21);
    screen.store.apply(since(pods[2]!, from));
    await quiet(screen);
    expect(screen.frames.length).toBe(drawn + 1);
    expect(rowOf(screen, 'api-6f9c7-00002')).toMatch(/0\/1 +Running/);
  });

  it('keeps the selected pod selected when sorted by status and it moves', async () => {
    const pods = fleet(60);
    const screen = await renderApp(fleetObservations(pods), { columns: 120, rows: 40, now: () => at(60) });
    await press(screen, 'j', 'j', 'j', 's');
    expect(statusLine(screen)).toContain('sort status');
    expect(inverseLines(screen)[0]).toMatch(/^api-6f9c7-00003/);
    const from = pods[3]!.observations.length;
    crashed(pods[3]!, 30);
    screen.store.apply(since(pods[3]!, from));
    await quiet(screen);
    // Broken pods first: it is the top row now, still selected.
    expect(lines(screen.text())[1]).toMatch(/^api-6f9c7-00003 +0\/1 +Error/);
    expect(inverseLines(screen)[0]).toMatch(/^api-6f9c7-00003/);
    await press(screen, 'j');
    expect(inverseLines(screen)[0]).toMatch(/^api-6f9c7-00000/);
  });
});
