// The screen as a user meets it on a crash loop: the built `podtui --demo` in
// a real terminal (tmux), driven by keys and read off the screen.
import { afterEach, describe, expect, it } from 'vitest';
import { startTerminal, type TerminalSession } from './tmux.js';

let term: TerminalSession | undefined;
afterEach(() => term?.kill());

const lines = (screen: string) => screen.split('\n');
/** The crashloop pod's list row. */
const crashRow = (screen: string) => lines(screen).find((l) => /^crashloop-\S+ /.test(l)) ?? '';
/** The status bar (the line above the key hints). */
const statusBar = (screen: string) => lines(screen).find((l) => /(LIVE|step \d+\/\d+ · [\d:]+)$/.test(l)) ?? '';

describe('podtui --demo, stepping through a crash loop', () => {
  it('filters to the crashloop pod, steps back through exit, back-off and Running, returns to LIVE, shows help, and reads at 80x24', async () => {
    // Four times faster: the second crash (and CrashLoopBackOff) comes after ~3 s instead of ~12 s.
    term = startTerminal('node bin/podtui.js --demo --speed 4; echo EXIT=$?', { columns: 120, rows: 40, env: { LANG: 'C.UTF-8', CI: undefined } });
    await term.waitFor((s) => /0\/1 +CrashLoopBackOff/.test(crashRow(s)), 30_000, 'the crashloop pod in CrashLoopBackOff');

    term.type('/crashloop');
    term.keys('Enter');
    const filtered = await term.waitForText('filter "crashloop"', 5_000);
    expect(lines(filtered).filter((l) => /^\S+-\S+ +\d+\/\d+ /.test(l))).toHaveLength(1);

    // Step back to the pod's first step, looking at every step on the way (each Left is waited for).
    const seen: string[] = [];
    const stepOf = (screen: string) => Number(statusBar(screen).match(/step (\d+)\//)?.[1] ?? Infinity);
    let step = Infinity;
    while (step > 1) {
      term.keys('Left');
      const before = step;
      const screen = await term.waitFor((s) => stepOf(s) < before, 5_000, `a step before ${before}`);
      step = stepOf(screen);
      const status = crashRow(screen).match(/◂ (\S+)/)?.[1];
      if (status && seen.at(-1) !== status) seen.push(status);
      if (status === 'CrashLoopBackOff') expect(screen).toMatch(/back-off \d+s restarting failed container=app/);
      if (status === 'Error') expect(screen).toContain('Terminated (Error, exit code 1)');
    }
    // In time order (the reverse of stepping back): Running, then the exit, then the back-off.
    const inTimeOrder = [...seen].reverse();
    const running = inTimeOrder.indexOf('Running');
    const exited = inTimeOrder.indexOf('Error', running);
    const backOff = inTimeOrder.indexOf('CrashLoopBackOff', exited);
    expect(running, `steps seen: ${inTimeOrder.join(' → ')}`).toBeGreaterThanOrEqual(0);
    expect(exited, `steps seen: ${inTimeOrder.join(" → ")}`).toBeGreaterThan(running);
    expect(backOff).toBeGreaterThan(exited);

    term.keys('End');
    await term.waitFor((s) => statusBar(s).endsWith('LIVE'), 5_000, 'LIVE');
    expect(crashRow(term.screen())).not.toContain('◂');

    term.type('?');
    await term.waitForText('Keys (? or Esc closes)', 5_000);
    expect(term.screen()).toMatch(/← h +step back in history/);
    term.keys('Escape');
    await term.waitFor((s) => !s.includes('Keys (?'), 5_000, 'help closed');

    term.resize(80, 24);
    // tmux first shows the old screen cut to the new size; the 80x24 layout follows.
    const small = await term.waitFor(
      (s) => /^NAME +READY +STATUS +RESTARTS +AGE *$/.test(lines(s)[0] ?? '') && lines(s).some((l) => l.startsWith('── Log')),
      5_000,
      'the 80x24 layout',
    );
    const rows = lines(small);
    expect(rows[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE/);
    expect(crashRow(small)).toMatch(/CrashLoopBackOff|Running|Error/);
    expect(rows.some((l) => /^why: /.test(l))).toBe(true);
    expect(rows.some((l) => /^── Conditions · crashloop-/.test(l))).toBe(true);
    expect(rows.some((l) => /^── Log · crashloop-/.test(l))).toBe(true);
    expect(statusBar(small)).toMatch(/LIVE$/);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(80);

    term.type('q');
    await term.waitForText('EXIT=0', 5_000);
  }, 90_000);
});
