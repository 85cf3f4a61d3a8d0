// Issue 7 as a user meets it: the built binary on the demo cluster in a real
// terminal (tmux). Filter to the crash-looping pod, open its log, press `p`:
// the previous instance's last line is on screen; Esc returns to the panes
// with the crashloop pod still selected. It runs with the unit tests (this
// folder), so its waits leave room for a busy 2-core machine.
import { afterEach, describe, expect, it } from 'vitest';
import { startTerminal, type TerminalSession } from '../../e2e/tmux.js';

let term: TerminalSession | undefined;
afterEach(() => term?.kill());

const LAST_WORDS = 'fatal: could not connect to database, exiting with code 1';

describe('the crash-looping pod\'s log in a terminal', () => {
  it('p shows the previous instance\'s last line; Esc goes back with the selection kept', async () => {
    term = startTerminal('node bin/podtui.js --demo', { columns: 120, rows: 40, env: { LANG: 'C.UTF-8', CI: undefined } });
    await term.waitForText(/crashloop-\w+-\w+/, 20_000);
    term.keys('/');
    term.type('crashloop');
    term.keys('Enter');
    // The first instance exits 4 s after it starts; wait until the pod has restarted once.
    await term.waitFor((screen) => /crashloop-\S+\s+\d\/1\s+\S+\s+[1-9]/.test(screen), 40_000, 'a restart of the crashloop pod');
    term.keys('Enter');
    await term.waitForText('Log of app', 10_000);
    term.keys('p');
    const previous = await term.waitFor(
      (screen) => screen.includes('previous instance') && screen.includes('-- end of the previous instance --'),
      10_000,
      'the previous instance',
    );
    const lines = previous.split('\n').map((line) => line.trimEnd());
    expect(lines[lines.indexOf('-- end of the previous instance --') - 1]).toBe(LAST_WORDS);
    term.keys('Escape');
    const panes = await term.waitForText(/Conditions · crashloop-\w+-\w+/, 10_000);
    expect(panes).not.toContain('Log of app');
  }, 100_000);
});
