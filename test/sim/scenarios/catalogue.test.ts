// The catalogue and how it starts: names, the demo's namespaces and
// background, deterministic names from a seed, and stop() leaving nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/model/types.js';
import { RealClock, VirtualClock } from '../../../src/sim/clock.js';
import { createEmulator } from '../../../src/sim/emulator.js';
import { SCENARIOS, startDemo, startScenarios } from '../../../src/sim/scenarios/index.js';
import { seededRandom } from '../../../src/sim/scenarios/random.js';

const ISSUE_3_NAMES = [
  'healthy', 'crashloop', 'liveness', 'readiness', 'poststart-hook', 'prestop-hook', 'oomkilled', 'imagepull', 'init-crash',
  'init-slow', 'sidecar', 'unschedulable', 'job-success', 'job-failure', 'evicted', 'node-lost', 'churn',
];
const NAME_CHARS = '[bcdfghjklmnpqrstvwxz2456789]';

const podsOf = (emulator: ReturnType<typeof createEmulator>, namespace: string) =>
  emulator.store.list('pods').filter((p) => p.metadata.namespace === namespace) as unknown as Pod[];

describe('SCENARIOS', () => {
  it('lists every scenario of issue 3, each with a one-line description', () => {
    expect(SCENARIOS.map((s) => s.name)).toEqual(ISSUE_3_NAMES);
    for (const s of SCENARIOS) expect(s.description).toMatch(/^[^\n]{20,160}$/);
  });

  it('refuses an unknown name, naming the known ones', () => {
    const emulator = createEmulator(new VirtualClock());
    expect(() => startScenarios(emulator, { names: ['crashloop', 'nope'], namespace: 'demo' })).toThrow(
      `unknown scenario "nope" (known: ${ISSUE_3_NAMES.join(', ')})`,
    );
    expect(emulator.store.count('pods')).toBe(0);
  });
});

describe('pod names', () => {
  it.each([
    { scenario: 'crashloop', pattern: new RegExp(`^crashloop-${NAME_CHARS}{10}-${NAME_CHARS}{5}$`) },
    { scenario: 'healthy', pattern: new RegExp(`^healthy-${NAME_CHARS}{10}-${NAME_CHARS}{5}$`) },
    { scenario: 'job-success', pattern: new RegExp(`^job-success-${NAME_CHARS}{5}$`) },
  ])('$scenario pods are named like their controller names them', ({ scenario, pattern }) => {
    const emulator = createEmulator(new VirtualClock());
    startScenarios(emulator, { names: [scenario], namespace: 'demo', random: seededRandom(11) }).stop();
    const names = podsOf(emulator, 'demo').map((p) => p.metadata.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(pattern);
  });

  it('are the same for the same seed and differ for another', () => {
    const namesWith = (seed: number) => {
      const emulator = createEmulator(new VirtualClock());
      startScenarios(emulator, { names: ['healthy'], namespace: 'demo', random: seededRandom(seed) }).stop();
      return podsOf(emulator, 'demo').map((p) => `${p.metadata.name} ${p.metadata.uid}`);
    };
    expect(namesWith(5)).toEqual(namesWith(5));
    expect(namesWith(5)).not.toEqual(namesWith(6));
  });
});

describe('startDemo', () => {
  it('creates the namespaces, every scenario in demo and a calm shop, and stop() cancels every timer', () => {
    const clock = new VirtualClock();
    const emulator = createEmulator(clock);
    const running = startDemo(emulator, { random: seededRandom(2) });
    clock.advance(10_000);
    expect(emulator.store.list('namespaces').map((n) => n.metadata.name)).toEqual(['default', 'demo', 'kube-system', 'shop']);
    const demo = podsOf(emulator, 'demo').map((p) => p.metadata.name);
    for (const name of ISSUE_3_NAMES) expect(demo.some((pod) => pod.startsWith(`${name}-`))).toBe(true);
    const shop = podsOf(emulator, 'shop');
    expect(shop.map((p) => p.metadata.name.replace(/-[^-]+-[^-]+$/, ''))).toEqual(['cart', 'cart', 'web', 'web']);
    expect(shop.map((p) => p.status.phase)).toEqual(['Running', 'Running', 'Running', 'Running']);
    expect(shop.every((p) => p.status.conditions?.find((c) => c.type === 'Ready')?.status === 'True')).toBe(true);

    running.stop();
    expect(clock.pending).toBe(0);
    const rv = emulator.store.resourceVersion;
    clock.advance(30 * 60_000);
    expect(emulator.store.resourceVersion).toBe(rv);
  });

  it('hands DELETEs back to the previous terminator once stopped', () => {
    const emulator = createEmulator(new VirtualClock());
    const before = emulator.terminator;
    const running = startDemo(emulator, { random: seededRandom(2) });
    expect(emulator.terminator).not.toBe(before);
    running.stop();
    expect(emulator.terminator).toBe(before);
  });

  it('runs on a RealClock at --speed 100 too', async () => {
    const emulator = createEmulator(new RealClock(100));
    const running = startDemo(emulator, { random: seededRandom(2) });
    // 0.6 s of wall time is a minute of the demo.
    await new Promise((resolve) => setTimeout(resolve, 600));
    running.stop();
    const demo = podsOf(emulator, 'demo');
    const status = (prefix: string) => demo.find((p) => p.metadata.name.startsWith(prefix))?.status;
    expect(status('healthy-')?.phase).toBe('Running');
    expect(status('job-success-')?.phase).toBe('Succeeded');
    expect(status('crashloop-')?.containerStatuses?.[0]?.restartCount).toBeGreaterThan(0);
  });
});

describe('the README', () => {
  it('lists every scenario with its description', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Demo scenarios'));
    const rows = section.slice(0, section.indexOf('\n#', 1)).split('\n').filter((line) => /^\| `/.test(line));
    expect(rows).toEqual(SCENARIOS.map((s) => `| \`${s.name}\` | ${s.description} |`));
  });
});
