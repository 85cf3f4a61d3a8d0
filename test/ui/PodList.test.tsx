import './forceColor.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { PodRow } from '../../src/model/views.js';
import { PodList, type PodListProps } from '../../src/ui/PodList.js';
import { fit, podColumns } from '../../src/ui/podColumns.js';
import { scrollWindow } from '../../src/ui/scrollWindow.js';
import { ThemeContext, makeTheme } from '../../src/ui/theme.js';
import { demoViews, manyViews, s } from './fixtures.js';
import { renderAt, settle, unmountAll } from './renderAt.js';

afterEach(unmountAll);

const rows: PodRow[] = demoViews().map((v) => v.row);
const NOW = s(75);

function list(props: Partial<PodListProps>, color = true) {
  const all: PodListProps = { rows, selectedKey: rows[0]!.key, past: undefined, width: 80, height: 8, now: NOW, showNamespace: false, emptyText: 'No pods in demo yet.', ...props };
  return (
    <ThemeContext.Provider value={makeTheme({ color, ascii: false })}>
      <PodList {...all} />
    </ThemeContext.Provider>
  );
}

const lines = (frame: string) => frame.split('\n');
// eslint-disable-next-line no-control-regex
const plain = (frame: string) => frame.replace(/\x1b\[[0-9;]*m/g, '');

describe('podColumns', () => {
  it.each([
    [80, false, ['name', 'ready', 'status', 'restarts', 'age']],
    [100, false, ['name', 'ready', 'status', 'restarts', 'age', 'ip']],
    [119, false, ['name', 'ready', 'status', 'restarts', 'age', 'ip', 'node']],
    [130, false, ['name', 'ready', 'status', 'restarts', 'age', 'ip', 'node', 'qos']],
    [110, true, ['namespace', 'name', 'ready', 'status', 'restarts', 'age']],
    [135, true, ['namespace', 'name', 'ready', 'status', 'restarts', 'age', 'ip', 'node']],
  ])('%i columns (namespaces: %s)', (width, showNamespace, ids) => {
    const columns = podColumns(width, showNamespace);
    expect(columns.map((c) => c.id)).toEqual(ids);
    expect(columns.reduce((sum, c) => sum + c.width, 0)).toBe(width);
    expect(columns.find((c) => c.id === 'name')!.width).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ['Running', 8, 'Running '],
    ['CrashLoopBackOff', 8, 'CrashL… '],
    ['', 4, '    '],
    ['abc', 1, ' '],
  ])('fit(%j, %i)', (text, width, expected) => {
    expect(fit(text, width)).toBe(expected);
  });
});

describe('scrollWindow', () => {
  it.each([
    ['fits: always from the top', 0, 3, 10, 5, 0],
    ['cursor inside the window: no scroll', 4, 6, 5, 100, 4],
    ['cursor below: scroll just enough', 0, 7, 5, 100, 3],
    ['cursor above: scroll up to it', 10, 2, 5, 100, 2],
    ['list shrank below the window: clamp', 90, 20, 5, 22, 17],
  ])('%s', (_name, previous, cursor, height, total, expected) => {
    expect(scrollWindow(previous, cursor, height, total)).toBe(expected);
  });
});

describe('PodList', () => {
  it('draws kubectl columns at 80 wide', async () => {
    const screen = renderAt(list({}), 80, 24);
    await settle();
    const frame = plain(screen.lastFrame());
    expect(lines(frame)[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE/);
    expect(frame).toContain('crashloop-6f9c7-x2kqp');
    expect(frame).toMatch(/crashloop-6f9c7-x2kqp +0\/1 +CrashLoopBackOff +2 \(35s ago\) +75s/);
    expect(frame).toMatch(/healthy-7d4b9-abcde +1\/1 +Running +0 +75s/);
    expect(frame).toMatch(/job-success-h8x2p +0\/1 +Completed/);
    expect(frame).not.toContain('10.244.');
    for (const line of lines(frame)) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('adds IP, NODE and QOS when wide, NAMESPACE when several namespaces', async () => {
    const screen = renderAt(list({ width: 160, showNamespace: true }), 160, 40);
    await settle();
    const frame = plain(screen.lastFrame());
    expect(lines(frame)[0]).toMatch(/^NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE +IP +NODE/);
    expect(frame).toMatch(/demo +healthy-7d4b9-abcde +1\/1 +Running +0 +75s +10\.244\.2\.5 +worker-2/);
  });

  it('colours STATUS by health and inverts the selection', async () => {
    const screen = renderAt(list({ selectedKey: rows[1]!.key }), 80, 24);
    await settle();
    const frame = screen.lastFrame();
    const crash = lines(frame).find((l) => l.includes('crashloop'))!;
    const healthy = lines(frame).find((l) => l.includes('healthy-7d4b9-abcde'))!;
    const pull = lines(frame).find((l) => l.includes('imagepull'))!;
    const done = lines(frame).find((l) => l.includes('job-success'))!;
    expect(crash).toContain('\x1b[31mCrashLoopBackOff');
    expect(healthy).toContain('\x1b[7m');
    expect(healthy).toContain('\x1b[32mRunning');
    expect(pull).toContain('\x1b[31mImagePullBackOff');
    expect(done).toContain('\x1b[2mCompleted');
    expect(crash).not.toContain('\x1b[7m');
  });

  it('uses no colour without colours, but still marks the selection', async () => {
    const screen = renderAt(list({}, false), 80, 24);
    await settle();
    const frame = screen.lastFrame();
    expect(frame).not.toMatch(/\x1b\[3[0-9]m/);
    expect(lines(frame).find((l) => l.includes('crashloop'))).toContain('\x1b[7m');
  });

  it('shows the past STATUS of the selected pod when stepping', async () => {
    const screen = renderAt(list({ past: { key: rows[0]!.key, status: 'Running', health: 'healthy' } }), 80, 24);
    await settle();
    expect(plain(screen.lastFrame())).toMatch(/crashloop-6f9c7-x2kqp +0\/1 +◂ Running/);
  });

  it('draws the rows on screen it is given, no more than its height', async () => {
    const many = manyViews(500).map((v) => v.row);
    const screen = renderAt(list({ rows: many.slice(245, 251), height: 6, selectedKey: many[250]!.key }), 80, 24);
    await settle();
    const frame = lines(screen.lastFrame());
    expect(frame).toHaveLength(7);
    expect(plain(frame[1]!)).toContain('healthy-7d4b9-00245');
    expect(frame[6]).toContain('\x1b[7m');
    expect(plain(frame[6]!)).toContain('healthy-7d4b9-00250');
    screen.rerender(list({ rows: many, height: 6, selectedKey: many[0]!.key }));
    await settle();
    expect(lines(plain(screen.lastFrame()))).toHaveLength(7);
  });

  it('says why it is empty', async () => {
    const screen = renderAt(list({ rows: [], selectedKey: undefined }), 80, 24);
    await settle();
    expect(plain(screen.lastFrame())).toContain('No pods in demo yet.');
  });
});
