// The walking skeleton as a user meets it: the built binary on the demo
// cluster, in a real terminal (tmux), read off the screen.
import { afterEach, describe, expect, it } from 'vitest';
import { startTerminal, type TerminalSession } from './tmux.js';

let term: TerminalSession | undefined;
afterEach(() => term?.kill());

describe('podtui --demo in a terminal', () => {
  it('shows the demo pods within 5 s, quits on q, and leaves the alternate screen', async () => {
    // CI=true on purpose: podtui must draw anyway (Ink draws nothing under CI).
    // DEV=true too: it made Ink look for React devtools and a package.json the bundle does not have.
    term = startTerminal('node bin/podtui.js --demo; echo EXIT=$?', { columns: 120, rows: 40, env: { CI: 'true', DEV: 'true', LANG: 'C.UTF-8' } });
    const started = Date.now();
    const screen = await term.waitForText(/healthy-\w+-\w+/, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(term.alternateScreen()).toBe(true);
    for (const column of ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']) expect(screen).toContain(column);

    term.keys('q');
    const after = await term.waitForText('EXIT=0', 5_000);
    expect(term.alternateScreen()).toBe(false);
    expect(after).not.toMatch(/healthy-\w+-\w+/); // the main screen is back, not a left-over frame
  });

  it('quits on Ctrl-C with the terminal restored', async () => {
    term = startTerminal('node bin/podtui.js --demo; echo EXIT=$?', { env: { LANG: 'C.UTF-8' } });
    await term.waitForText(/healthy-\w+-\w+/, 5_000);
    term.keys('C-c');
    await term.waitForText(/EXIT=0/, 5_000);
    expect(term.alternateScreen()).toBe(false);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ])('restores the terminal on %s', async (signal, code) => {
    term = startTerminal(`node bin/podtui.js --demo </dev/tty & pid=$!; sleep 2.5; kill -${signal.slice(3)} $pid; wait $pid; echo EXIT=$?`, {
      env: { LANG: 'C.UTF-8' },
    });
    await term.waitForText(new RegExp(`EXIT=${code}`), 8_000);
    expect(term.alternateScreen()).toBe(false);
  });
});
