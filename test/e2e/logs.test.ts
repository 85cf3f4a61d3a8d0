// Issue 7 end to end: the crash-looping pod's log, then the previous
// instance's last words, then back to the panes with the selection kept.
import { afterEach, describe, expect, it } from 'vitest';
import { startTerminal, type TerminalSession } from './tmux.js';

let term: TerminalSession | undefined;
const LAST_WORDS = 'fatal: could not connect to database, exiting with code 1';
afterEach(() => term?.kill());

describe('logs of the crash', () => {
  it('opens the log, p shows the previous instance, Esc returns with the selection kept', async () => {
    term = startTerminal('node bin/podtui.js --demo --scenario crashloop --scenario healthy --speed 4; echo EXIT=$?', {
      columns: 120,
      rows: 40,
      env: { LANG: 'C.UTF-8' },
    });
    // At least one restart: a previous instance exists.
    await term.waitFor((s) => /^crashloop-\S+\s+\d+\/\d+\s+\S+\s+[1-9]/m.test(s), 30_000, 'a restart of the crashloop pod');
    // Sorted by name, crashloop is the first row; move away and back to select it by hand.
    term.keys('j');
    await term.waitForText(/Conditions · healthy-/);
    term.keys('k');
    const panes = await term.waitForText(/Conditions · crashloop-/);
    const podName = /Conditions · (crashloop-\S+)/.exec(panes)![1]!;

    term.keys('L');
    await term.waitForText(`Log of app · demo/${podName}`, 10_000);
    term.keys('p');
    const previous = await term.waitFor(
      (s) => s.includes('previous instance') && s.includes('-- end of the previous instance --'),
      10_000,
      'the previous instance',
    );
    // The crash's last words are the last line of that instance.
    const lines = previous.split('\n').map((line) => line.trimEnd());
    expect(lines[lines.indexOf('-- end of the previous instance --') - 1]).toBe(LAST_WORDS);
    expect(previous).toContain(podName);

    term.keys('Escape');
    const back = await term.waitForText(/Conditions · crashloop-/);
    expect(back).toContain(`Conditions · ${podName}`);
    expect(back).not.toContain('Log of app');
  });
});
