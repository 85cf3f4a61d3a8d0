import './forceColor.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Countdown, PodView } from '../../src/model/views.js';
import { ThemeContext, makeTheme } from '../../src/ui/theme.js';
import { WhyLine, countdownText, fitParts, type WhyModel } from '../../src/ui/WhyLine.js';
import { crashloopView, healthyView, s } from './fixtures.js';
import { renderAt, settle, unmountAll } from './renderAt.js';

afterEach(unmountAll);

// eslint-disable-next-line no-control-regex
const plain = (frame: string) => frame.replace(/\x1b\[[0-9;]*m/g, '');

const backOff: Countdown = { kind: 'CrashLoopBackOff', container: 'app', until: s(81), total: 40_000 };

/**
 * A model that answers like the real one for the crashloop fixture: the why
 * text for a failing pod, the back-off countdown at LIVE, and records the
 * arguments it was asked with.
 */
function recordingModel(): WhyModel & { calls: { now: number; step: number | undefined }[] } {
  const calls: { now: number; step: number | undefined }[] = [];
  return {
    calls,
    whyLine(view: PodView, now: number, step?: number) {
      calls.push({ now, step });
      if (view.row.health === 'healthy') return '';
      return step === undefined
        ? 'Ready=False ContainersNotReady · app: CrashLoopBackOff (exit 1, 2 restarts) · BackOff x7'
        : 'Ready=True · app: Running';
    },
    countdowns(view: PodView, _now: number, step?: number) {
      return view.row.health === 'failing' && step === undefined ? [backOff] : [];
    },
  };
}

function line(view: PodView | undefined, model: WhyModel, now: () => number, step?: number, width = 120) {
  return (
    <ThemeContext.Provider value={makeTheme({ color: true, ascii: false })}>
      <WhyLine view={view} step={step} now={now} width={width} model={model} />
    </ThemeContext.Provider>
  );
}

describe('countdownText', () => {
  it.each<[Countdown, string]>([
    [backOff, 'next try of app in 32s (back-off 40s)'],
    [{ kind: 'ImagePullBackOff', container: 'app', until: s(59), total: 20_000 }, 'next pull of app in 10s (back-off 20s)'],
    [{ kind: 'GracePeriod', until: s(61), total: 30_000 }, 'grace period 12s left of 30s'],
    [{ kind: 'CrashLoopBackOff', container: 'app', until: s(40), total: 10_000 }, 'next try of app in 0s (back-off 10s)'],
  ])('%o', (countdown, expected) => {
    expect(countdownText(countdown, s(49))).toBe(expected);
  });
});

describe('WhyLine', () => {
  it('shows why the pod is failing and its countdown, ticking every second', async () => {
    let now = s(49);
    const model = recordingModel();
    const screen = renderAt(line(crashloopView(), model, () => now, undefined, 160), 160, 40);
    await settle();
    expect(plain(screen.lastFrame())).toBe(
      'why: Ready=False ContainersNotReady · app: CrashLoopBackOff (exit 1, 2 restarts) · BackOff x7 · next try of app in 32s (back-off 40s)',
    );
    expect(screen.lastFrame()).toContain('\x1b[31mReady=False');
    now = s(50);
    await settle(1100);
    expect(plain(screen.lastFrame())).toContain('next try of app in 31s');
  });

  it('does not repeat a countdown the why text already tells', async () => {
    const model: WhyModel = { ...recordingModel(), whyLine: () => 'Ready=False ContainersNotReady · app: CrashLoopBackOff (exit 1, 2 restarts, next try in 32s)' };
    const screen = renderAt(line(crashloopView(), model, () => s(49)), 120, 40);
    await settle();
    expect(plain(screen.lastFrame()).match(/next try/g)).toHaveLength(1);
  });

  it('adds a wait the why text does not tell, overdue ones as 0s', async () => {
    const grace: Countdown = { kind: 'GracePeriod', until: s(45), total: 30_000 };
    const model: WhyModel = { ...recordingModel(), whyLine: () => 'Ready=False ContainersNotReady · app: Running, not ready', countdowns: () => [grace] };
    const screen = renderAt(line(crashloopView(), model, () => s(49)), 120, 40);
    await settle();
    expect(plain(screen.lastFrame())).toBe('why: Ready=False ContainersNotReady · app: Running, not ready · grace period 0s left of 30s');
  });

  it('asks the model about the step being shown, and stops ticking there', async () => {
    let now = s(49);
    const model = recordingModel();
    const screen = renderAt(line(crashloopView(), model, () => now, 6), 120, 40);
    await settle();
    expect(plain(screen.lastFrame())).toBe('then: Ready=True · app: Running');
    expect(model.calls.at(-1)).toEqual({ now: s(49), step: 6 });
    const frames = screen.frames.length;
    now = s(52);
    await settle(1100);
    expect(screen.frames.length).toBe(frames);
  });

  it('says so when a pod has nothing to explain', async () => {
    const screen = renderAt(line(healthyView('abcde', '10.244.2.5'), recordingModel(), () => s(49)), 120, 40);
    await settle();
    expect(plain(screen.lastFrame())).toBe('why: Running, nothing to explain');
  });

  it('drops the condition first on a narrow terminal, so the failing container and its countdown stay readable', async () => {
    const screen = renderAt(line(crashloopView(), recordingModel(), () => s(49), undefined, 80), 80, 24);
    await settle();
    const text = plain(screen.lastFrame());
    expect(text.startsWith('why: app: CrashLoopBackOff (exit 1, 2 restarts) · next try of app in 32s')).toBe(true);
    expect(text).not.toContain('Ready=False');
  });

  it('cuts what still does not fit at the width', async () => {
    const screen = renderAt(line(crashloopView(), recordingModel(), () => s(49), undefined, 70), 80, 24);
    await settle();
    const text = plain(screen.lastFrame());
    expect(text).toHaveLength(70);
    expect(text.endsWith('…')).toBe(true);
  });

  it.each([
    [200, ['Ready=False ContainersNotReady', 'app: CrashLoopBackOff (exit 1)', 'BackOff x7']],
    [50, ['app: CrashLoopBackOff (exit 1)', 'BackOff x7']],
    [30, ['app: CrashLoopBackOff (exit 1)']],
    [10, ['app: CrashLoopBackOff (exit 1)']],
  ])('fitParts at %i cells keeps the container before the Warning before the condition', (width, expected) => {
    expect(fitParts(['Ready=False ContainersNotReady', 'app: CrashLoopBackOff (exit 1)', 'BackOff x7'], width)).toEqual(expected);
  });

  it('fitParts keeps a pod-level reason', () => {
    const evicted = ['Evicted: The node was low on resource: memory.', 'Evicted'];
    expect(fitParts(evicted, 50)).toEqual(['Evicted: The node was low on resource: memory.']);
  });

  it('without a pod', async () => {
    const screen = renderAt(line(undefined, recordingModel(), () => s(49)), 120, 40);
    await settle();
    expect(plain(screen.lastFrame())).toBe('No pod selected.');
  });
});
