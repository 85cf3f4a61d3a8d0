import { afterEach, describe, expect, it } from 'vitest';
import { PtyScreen } from '../../src/bench/terminal/ptyScreen.js';

// Small programs standing in for a TUI: they draw with the same escape
// sequences Ink writes (alternate screen, cursor moves, inverse video).
const DRAW_LIST = `
process.stdout.write('\\x1b[?1049h\\x1b[H');
process.stdout.write('NAME        STATUS\\r\\n');
process.stdout.write('\\x1b[7mweb-0       Running     \\x1b[27m\\r\\n');
process.stdout.write('web-1       Pending\\r\\n');
process.stdout.write('\\x1b[40;1H\\x1b[44m 2 pods \\x1b[49m');
setTimeout(() => {}, 5000);
`;

// Moves an inverse-video selection down on "j" and up on "k", like a pod list.
const SELECTABLE = `
let selected = 0;
const draw = () => {
  let out = '\\x1b[H';
  for (let i = 0; i < 3; i++) out += (i === selected ? '\\x1b[7m' : '') + 'pod-' + i + ' '.repeat(20) + '\\x1b[0m\\r\\n';
  process.stdout.write(out);
};
process.stdin.setRawMode(true);
process.stdin.on('data', (key) => {
  if (String(key) === 'j') selected = Math.min(2, selected + 1);
  if (String(key) === 'k') selected = Math.max(0, selected - 1);
  if (String(key) === 'q') process.exit(0);
  draw();
});
draw();
`;

const PRINT_LINES = `for (let i = 1; i <= 100; i++) console.log('default   pod-' + i + '   1/1   Running   0   5s');`;

describe('PtyScreen', () => {
  let screen: PtyScreen | undefined;
  afterEach(async () => {
    await screen?.close();
    screen = undefined;
  });

  it('parses a drawn screen at 120x40 into rows, and finds the highlighted ones', async () => {
    screen = new PtyScreen(process.execPath, ['-e', DRAW_LIST]);
    await screen.waitFor((s) => s.text().includes('2 pods'), 5000);
    const lines = screen.lines();
    expect(lines).toHaveLength(40);
    expect(lines[0]).toBe('NAME        STATUS');
    expect(lines[1]).toBe('web-0       Running');
    expect(lines[39]).toBe(' 2 pods');
    // Inverse row 1 (12+ cells), and row 39 only 7 cells on blue: below the run of 10.
    expect(screen.highlightedRows()).toEqual([1]);
    expect(screen.highlightedRows(5)).toEqual([1, 39]);
    expect(screen.bytesWritten).toBeGreaterThan(60);
  });

  it('sends keys and reports when the selection moved', async () => {
    screen = new PtyScreen(process.execPath, ['-e', SELECTABLE]);
    await screen.waitFor((s) => s.highlightedRows().length === 1, 5000);
    expect(screen.highlightedRows()).toEqual([0]);
    const sentAt = performance.now();
    screen.write('j');
    const seenAt = await screen.waitFor((s) => s.highlightedRows()[0] === 1, 5000);
    expect(seenAt).toBeGreaterThanOrEqual(sentAt);
    screen.write('k');
    await screen.waitFor((s) => s.highlightedRows()[0] === 0, 5000);
    screen.write('q');
    expect((await screen.exited).exitCode).toBe(0);
  });

  it('counts every line a line-printing tool wrote, past what scrolled off', async () => {
    screen = new PtyScreen(process.execPath, ['-e', PRINT_LINES]);
    await screen.waitFor((s) => s.linesWritten >= 100, 5000);
    expect(screen.linesWritten).toBe(100);
    expect(screen.lines()[38]).toContain('pod-100');
  });

  it('rejects a wait when the program exits first, with the screen in the message', async () => {
    screen = new PtyScreen(process.execPath, ['-e', "console.log('bye')"]);
    await expect(screen.waitFor((s) => s.text().includes('never'), 5000, 'the word never')).rejects.toThrow(/exited \(0\).*never[\s\S]*bye/);
  });
});
