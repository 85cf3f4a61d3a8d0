// The App rendered the way src/app renders it (SCREEN_RENDER_OPTIONS:
// incremental rendering, a frame rate limit) onto a headless xterm: what the
// terminal shows after keys and cluster changes must be the screen, row for
// row, with nothing left over from earlier frames.
import './inkOutsideCi.js';
import { render } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import type { Observation } from '../../src/model/observations.js';
import { App } from '../../src/ui/App.js';
import { SCREEN_RENDER_OPTIONS } from '../../src/ui/screenOptions.js';
import { at, crashloopHistory, livenessHistory, observationsInOrder } from '../model/fixtures/history.js';
import { FakeLogs, FakeSession, FakeStore } from './appHarness.js';
import { FakeKeyboard, KEYS, settle } from './renderAt.js';
import { XtermStdout } from './xtermStdout.js';

const unmounts: (() => void)[] = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount();
});

const observations: Observation[] = [
  { kind: 'ConnectionChanged', connection: { phase: 'live', stream: 'pods', since: at(0) }, observedAt: at(0) },
  ...observationsInOrder(crashloopHistory(), livenessHistory()),
  { kind: 'Synced', stream: 'pods', observedAt: at(60) },
];

async function start(columns: number, rows: number, now: () => number = () => at(75)) {
  const terminal = new XtermStdout(columns, rows);
  const keyboard = new FakeKeyboard();
  const store = new FakeStore();
  store.apply(observations);
  const instance = render(
    <App cluster={store} logs={new FakeLogs()} session={new FakeSession()} now={now} options={{ ascii: false, color: true }} onQuit={() => {}} />,
    {
      stdout: terminal as unknown as NodeJS.WriteStream,
      stdin: keyboard as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
      ...SCREEN_RENDER_OPTIONS,
    },
  );
  unmounts.push(() => instance.unmount());
  await settle(150);
  const keys = async (...sequence: string[]) => {
    for (const key of sequence) {
      keyboard.write(key);
      // Time for a frame (the frame rate limit's wait included), and then some.
      await settle(80);
    }
  };
  return { terminal, keys, store };
}

describe('App on a terminal, incrementally rendered', () => {
  it.each([
    [80, 24],
    [120, 40],
  ])('%ix%i: after keys the terminal shows exactly the screen', async (columns, rows) => {
    const { terminal, keys } = await start(columns, rows);
    await keys('j', KEYS.left, KEYS.left, 'k', KEYS.tab, 'j', KEYS.end);
    await terminal.quiet();
    const screen = await terminal.screen();
    expect(screen[0]).toMatch(/^NAME +READY +STATUS/);
    expect(screen[1]).toMatch(/^crashloop-6f9c7-x2kqp +0\/1 +CrashLoopBackOff/);
    expect(screen[2]).toMatch(/^liveness-7d4b9-m2x8c +1\/1 +Running/);
    expect(screen.filter((line) => line.startsWith('crashloop-6f9c7-x2kqp'))).toHaveLength(1);
    expect(screen.filter((line) => /^── Conditions/.test(line))).toHaveLength(1);
    expect(screen[rows - 3]).toMatch(/ LIVE$/);
    expect(screen[rows - 2]).toMatch(/^↑↓ select/);
    // The last row stays free: a full-height frame would make Ink repaint everything.
    expect(screen[rows - 1]).toBe('');
  });

  it('after a cluster change only the changed rows move, and they land in place', async () => {
    const { terminal, store } = await start(120, 40);
    const liveness = livenessHistory();
    liveness.delete(74);
    store.apply(liveness.observations.slice(-1));
    await settle(100);
    await terminal.quiet();
    const screen = await terminal.screen();
    expect(screen.some((line) => line.startsWith('liveness'))).toBe(false);
    expect(screen[0]).toMatch(/^NAME/);
    expect(screen[38]).toMatch(/^↑↓ select/);
  });

  it('writes nothing while nothing changes, and only the why line while a countdown ticks', async () => {
    // A clock that runs, as the real one does. Both windows end well before the
    // 5 s redraw of relative times (AGE), which would be a change of its own.
    const startedAt = Date.now();
    const { terminal, keys } = await start(120, 40, () => at(75) + (Date.now() - startedAt));

    // The liveness pod is Running: nothing on screen depends on the second.
    await keys('j');
    await terminal.quiet();
    let from = terminal.written.length;
    await settle(1_200);
    expect(terminal.written.slice(from).join('')).toBe('');

    // The crashloop pod waits out its back-off: the why line counts down each second.
    await keys('k');
    await terminal.quiet();
    from = terminal.written.length;
    await settle(1_200);
    const ticking = terminal.written.slice(from).join('');
    expect(ticking).toMatch(/why: .*next try in \d+s/);
    // Cursor moves, that one line, synchronized-output markers: nothing like a 120x40 repaint (~5 KB).
    expect(ticking.length).toBeLessThan(600);
    expect(ticking).not.toContain('NAME');
  });
});
