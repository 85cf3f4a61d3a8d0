import './forceColor.js';
import { format } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { logEntryCells } from '../../src/ui/logEntry.js';
import { MergedLog, type MergedLogProps } from '../../src/ui/MergedLog.js';
import { ThemeContext, makeTheme } from '../../src/ui/theme.js';
import { crashloopView, healthyView, s } from './fixtures.js';
import { renderAt, settle, unmountAll } from './renderAt.js';

afterEach(unmountAll);

const crash = crashloopView();
const NOW = s(75);
// eslint-disable-next-line no-control-regex
const plain = (frame: string) => frame.replace(/\x1b\[[0-9;]*m/g, '');
/** The frame's lines without the blank ones a pane pads to its height with. */
const lines = (frame: string) => frame.split('\n').filter((l) => l.trim() !== '');

function log(props: Partial<MergedLogProps>, ascii = false) {
  const all: MergedLogProps = {
    title: 'Log · crashloop-6f9c7-x2kqp',
    entries: crash.timeline,
    dropped: 0,
    width: 120,
    height: 20,
    now: NOW,
    absoluteTimes: false,
    showPod: false,
    highlightId: undefined,
    scroll: 0,
    focused: false,
    emptyText: 'No entries yet.',
    ...props,
  };
  return (
    <ThemeContext.Provider value={makeTheme({ color: true, ascii })}>
      <MergedLog {...all} />
    </ThemeContext.Provider>
  );
}

async function draw(props: Partial<MergedLogProps>, ascii = false) {
  const screen = renderAt(log(props, ascii), props.width ?? 120, 40);
  await settle();
  return screen.lastFrame();
}

describe('logEntryCells', () => {
  it.each([
    [0, { time: '75s', source: 'event', warning: false, reason: 'Scheduled', message: 'Successfully assigned demo/crashloop-6f9c7-x2kqp to worker-1', count: '' }],
    [3, { reason: 'Created', count: 'x3' }],
    [7, { time: '66s', source: 'transition', warning: true, reason: 'Terminated', message: 'app: Terminated (Error, exit code 1)' }],
    [14, { time: '34s', source: 'event', warning: true, reason: 'BackOff', count: 'x7', pod: 'crashloop-6f9c7-x2kqp' }],
  ])('entry %i', (index, expected) => {
    expect(logEntryCells(crash.timeline[index]!, NOW, false)).toMatchObject(expected);
  });

  it('absolute times are the local wall clock', () => {
    expect(logEntryCells(crash.timeline[7]!, NOW, true).time).toBe(format(s(9), 'HH:mm:ss'));
  });

  it('joins a multi-line message into one line', () => {
    const entry = structuredClone(crash.timeline[14]!);
    if (entry.source === 'event') entry.event.message = 'Liveness probe failed: Get "http://10.244.1.17:8080/healthz":\n  context deadline exceeded';
    expect(logEntryCells(entry, NOW, false).message).toBe('Liveness probe failed: Get "http://10.244.1.17:8080/healthz": context deadline exceeded');
  });
});

describe('MergedLog', () => {
  it('shows time, marker, reason with count, message; newest at the bottom', async () => {
    const frame = plain(await draw({}));
    const all = lines(frame);
    expect(all[0]).toMatch(/^── Log · crashloop-6f9c7-x2kqp ─+$/);
    expect(all[1]).toMatch(/^75s +• Scheduled +Successfully assigned demo\/crashloop-6f9c7-x2kqp to worker-1$/);
    expect(frame).toMatch(/72s +• Started x3 +Started container app/);
    expect(frame).toMatch(/66s +▸ Terminated +app: Terminated \(Error, exit code 1\)/);
    expect(all.at(-1)).toMatch(/^34s +• BackOff x7 +Back-off restarting failed container app in pod/);
    expect(all).toHaveLength(16);
  });

  it('highlights Warning reasons in bold red', async () => {
    const frame = await draw({});
    const backOff = lines(frame).find((l) => l.includes('BackOff x7'))!;
    expect(backOff).toMatch(/\x1b\[1m\x1b\[31mBackOff x7|\x1b\[31m\x1b\[1mBackOff x7/);
    const scheduled = lines(frame).find((l) => l.includes('Scheduled'))!;
    expect(scheduled).not.toContain('\x1b[31m');
  });

  it('absolute times on t', async () => {
    const frame = plain(await draw({ absoluteTimes: true }));
    expect(frame).toContain(`${format(s(41), 'HH:mm:ss')} • BackOff x7`);
  });

  it('adds the pod name in the all-pods log', async () => {
    const web = healthyView('abcde', '10.244.2.5');
    const merged = [...crash.timeline, ...web.timeline].sort((a, b) => a.at - b.at);
    const frame = plain(await draw({ entries: merged, showPod: true, height: 30 }));
    expect(frame).toMatch(/• healthy-7d4b9-abcde +Started +Started container app/);
    expect(frame).toMatch(/▸ crashloop-6f9c7-x2kqp +Terminated/);
    // The pod column is as wide as the longest name shown (21), plus a space.
    expect(frame).toMatch(/• healthy-7d4b9-abcde   Started/);
  });

  it('keeps the newest entries when the pane is short, and scrolls back', async () => {
    const short = lines(plain(await draw({ height: 4 })));
    expect(short).toHaveLength(5);
    expect(short[4]).toContain('BackOff x7');
    const back = lines(plain(await draw({ height: 4, scroll: 2 })));
    expect(back[4]).toContain('Restarted');
    expect(back[4]).toContain('restart 2');
  });

  it('highlights the current step entry and scrolls to it', async () => {
    const step = crash.timeline[2]!;
    const frame = await draw({ height: 4, highlightId: step.id });
    const all = lines(frame);
    expect(plain(frame)).toContain('Pulled');
    const pulled = all.find((l) => l.includes('Pulled'))!;
    expect(pulled).toContain('\x1b[7m');
    expect(all.filter((l) => l.includes('\x1b[7m'))).toHaveLength(1);
  });

  it('says when older entries were dropped', async () => {
    const frame = lines(plain(await draw({ dropped: 120, height: 30 })));
    expect(frame[1]).toBe('… 120 older entries dropped');
    const scrolled = lines(plain(await draw({ dropped: 120, height: 5 })));
    expect(scrolled.join('\n')).not.toContain('dropped');
  });

  it('says why it is empty', async () => {
    expect(plain(await draw({ entries: [], emptyText: 'No Warning entries for this pod.' }))).toContain('No Warning entries for this pod.');
  });

  it('truncates every line to the width, ASCII markers with --ascii', async () => {
    const frame = plain(await draw({ width: 60 }, true));
    for (const line of lines(frame)) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines(frame)[0]).toMatch(/^-- Log/);
    expect(frame).toMatch(/66s +> Terminated/);
    expect(frame).toMatch(/75s +\* Scheduled/);
  });
});
