import './forceColor.js';
import { format } from 'date-fns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../../src/model/observations.js';
import { StatusBar, type StatusBarProps } from '../../src/ui/StatusBar.js';
import { connectionText, connectionsText, namespacesText, podCountsText, stepText } from '../../src/ui/statusText.js';
import { ThemeContext, makeTheme } from '../../src/ui/theme.js';
import { s } from './fixtures.js';
import { renderAt, settle, unmountAll } from './renderAt.js';

afterEach(() => {
  unmountAll();
  vi.useRealTimers();
});

// eslint-disable-next-line no-control-regex
const plain = (frame: string) => frame.replace(/\x1b\[[0-9;]*m/g, '');
const NOW = s(120);
const live = (stream: string): ConnectionState => ({ phase: 'live', stream, since: s(0) });

describe('connectionText', () => {
  it.each<[ConnectionState, string]>([
    [{ phase: 'connecting', stream: 'pods', since: s(119) }, 'pods connecting'],
    [live('events'), 'events live'],
    [{ phase: 'reconnecting', stream: 'pods', since: s(108), nextAttemptAt: s(123), detail: 'connect ECONNREFUSED 127.0.0.1:6443' }, 'pods reconnecting for 12s, next try in 3s: connect ECONNREFUSED 127.0.0.1:6443'],
    [{ phase: 'reconnecting', stream: 'events', since: s(100), nextAttemptAt: s(119) }, 'events reconnecting for 20s, retrying now'],
    [{ phase: 'unauthorized', stream: 'pods', since: s(0), detail: 'the server has asked for the client to provide credentials' }, 'pods unauthorized (401): the server has asked for the client to provide credentials'],
    [{ phase: 'forbidden', stream: 'pods', since: s(0), detail: 'cannot list resource "pods" in API group "" at the cluster scope' }, 'pods forbidden (403): cannot list resource "pods" in API group "" at the cluster scope'],
    [{ phase: 'error', stream: 'events', since: s(0), detail: 'Internal error occurred: etcdserver: request timed out' }, 'events error: Internal error occurred: etcdserver: request timed out'],
  ])('%o', (connection, expected) => {
    expect(connectionText(connection, NOW)).toBe(expected);
  });

  it('all live is one word; otherwise only the troubled streams', () => {
    expect(connectionsText([live('pods'), live('events')], NOW)).toEqual({ text: 'live', healthy: true });
    expect(connectionsText([], NOW)).toEqual({ text: 'connecting', healthy: false });
    expect(connectionsText([live('pods'), { phase: 'forbidden', stream: 'events', since: s(0), detail: 'events.k8s.io' }], NOW)).toEqual({
      text: 'events forbidden (403): events.k8s.io',
      healthy: false,
    });
  });
});

describe('status words', () => {
  it.each<[readonly string[] | 'all', string]>([
    ['all', 'all namespaces'],
    [['demo'], 'ns demo'],
    [['demo', 'background'], 'ns demo,background'],
  ])('namespaces %o', (namespaces, expected) => {
    expect(namespacesText(namespaces)).toBe(expected);
  });

  it.each([
    [[], 0, 0, '0 pods'],
    [[{ status: 'Running', count: 3 }, { status: 'CrashLoopBackOff', count: 1 }], 4, 4, '4 pods: 3 Running, 1 CrashLoopBackOff'],
    [[{ status: 'Running', count: 2 }], 2, 30, '2 of 30 pods: 2 Running'],
    [
      [{ status: 'Running', count: 5 }, { status: 'Pending', count: 2 }, { status: 'Error', count: 1 }, { status: 'Completed', count: 1 }, { status: 'OOMKilled', count: 1 }, { status: 'Evicted', count: 1 }],
      11,
      11,
      '11 pods: 5 Running, 2 Pending, 1 Error, 1 Completed, +2 other',
    ],
  ])('counts %#', (counts, shown, total, expected) => {
    expect(podCountsText(counts, shown, total)).toBe(expected);
  });

  it('LIVE or the step with its wall-clock time', () => {
    expect(stepText(undefined, '·')).toBe('LIVE');
    expect(stepText({ index: 6, total: 23, at: s(192) }, '·')).toBe(`step 7/23 · ${format(s(192), 'HH:mm:ss')}`);
  });
});

function bar(props: Partial<StatusBarProps>, ascii = false) {
  const all: StatusBarProps = {
    context: 'podtui-demo (demo)',
    namespaces: ['demo'],
    connections: [live('pods'), live('events')],
    counts: [{ status: 'Running', count: 3 }, { status: 'CrashLoopBackOff', count: 1 }, { status: 'Completed', count: 1 }],
    shown: 5,
    total: 5,
    step: undefined,
    sort: 'name',
    filterText: '',
    filterEditing: false,
    width: 120,
    now: () => NOW,
    ...props,
  };
  return (
    <ThemeContext.Provider value={makeTheme({ color: true, ascii })}>
      <StatusBar {...all} />
    </ThemeContext.Provider>
  );
}

describe('StatusBar', () => {
  it('shows context, namespace, connection, counts, LIVE and the key hints', async () => {
    const screen = renderAt(bar({}), 120, 40);
    await settle();
    const [first, second] = plain(screen.lastFrame()).split('\n');
    expect(first).toMatch(/^podtui-demo \(demo\) · ns demo · live · 5 pods: 3 Running, 1 CrashLoopBackOff, 1 Completed · sort name +LIVE $/);
    expect(first).toHaveLength(120);
    expect(second).toContain('↑↓ select  ←→ step');
    expect(second).toContain('? help  q quit');
  });

  it('keeps the step visible at 80 columns, cutting the left side instead', async () => {
    const screen = renderAt(bar({ width: 80, step: { index: 6, total: 23, at: s(192) }, connections: [{ phase: 'forbidden', stream: 'events', since: s(0), detail: 'cannot watch resource "events" in API group "events.k8s.io" in the namespace "demo"' }] }), 80, 24);
    await settle();
    const frame = screen.lastFrame();
    const first = plain(frame).split('\n')[0]!;
    expect(first.length).toBeLessThanOrEqual(80);
    expect(first).toContain(`step 7/23 · ${format(s(192), 'HH:mm:ss')}`);
    expect(first).toContain('events forbidden (403)');
    // A trouble with a watch stands out.
    expect(frame).toContain('\x1b[31m');
  });

  it('shows the filter being typed in place of the hints', async () => {
    const screen = renderAt(bar({ filterText: 'l:app=web', filterEditing: true }), 120, 40);
    await settle();
    const second = plain(screen.lastFrame()).split('\n')[1]!;
    expect(second).toMatch(/^\/l:app=web  +Enter keeps · Esc clears/);
  });

  it('shows letter keys instead of arrows in ASCII mode', async () => {
    const screen = renderAt(bar({}, true), 120, 40);
    await settle();
    const frame = plain(screen.lastFrame());
    expect(frame).toContain('jk select  hl step  [ ] restarts  Tab pane  / filter  Enter logs  ? help  q quit');
    expect(frame).toContain('podtui-demo (demo) - ns demo - live');
    expect(frame).not.toMatch(/[↑↓←→·]/);
  });

  it('ticks the reconnect countdown each second, and only then', async () => {
    let now = s(120);
    const clock = () => now;
    const reconnecting: ConnectionState = { phase: 'reconnecting', stream: 'pods', since: s(110), nextAttemptAt: s(125) };
    const screen = renderAt(bar({ connections: [reconnecting], now: clock }), 120, 40);
    await settle();
    expect(plain(screen.lastFrame())).toContain('pods reconnecting for 10s, next try in 5s');
    now = s(122);
    await settle(1100);
    expect(plain(screen.lastFrame())).toContain('pods reconnecting for 12s, next try in 3s');
    const framesWhileLive = renderAt(bar({ now: clock }), 120, 40);
    await settle();
    const count = framesWhileLive.frames.length;
    now = s(130);
    await settle(1100);
    expect(framesWhileLive.frames.length).toBe(count);
  });
});
