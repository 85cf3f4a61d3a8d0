import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOG_FLUSH_MS, LogView, logTitle, type LogViewProps } from '../../../src/ui/logs/LogView.js';
import { cellWidth } from '../../../src/ui/terminalText.js';
import { FakeLogPort } from './fakeLogPort.js';

afterEach(() => cleanup());

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g;
/** Retries an assertion until the stream's lines (flushed every LOG_FLUSH_MS) or a key's effect are drawn. */
const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 2_000, interval: LOG_FLUSH_MS / 5 });
const keys = {
  up: '\u001b[A',
  right: '\u001b[C',
  down: '\u001b[B',
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
  escape: '\u001b',
  enter: '\r',
  backspace: '\u007f',
};

const crashLines = [
  '2026-11-25T14:05:00Z INFO starting web 1.4.2',
  '2026-11-25T14:05:01Z INFO connecting to postgres at db:5432',
  '2026-11-25T14:05:11Z ERROR dial tcp 10.96.0.20:5432: connect: connection refused',
  '2026-11-25T14:05:12Z FATAL giving up after 10 attempts',
];
const currentLines = ['2026-11-25T14:10:40Z INFO starting web 1.4.2', '2026-11-25T14:10:41Z INFO connecting to postgres at db:5432'];

function open(port: FakeLogPort, overrides: Partial<LogViewProps> = {}) {
  const onClose = vi.fn();
  const props: LogViewProps = {
    port,
    namespace: 'shop',
    pod: 'web-7d4b9c6f5-x2x8q',
    container: 'app',
    containers: ['app', 'log-shipper'],
    previous: false,
    width: 100,
    height: 10,
    onClose,
    ascii: false,
    ...overrides,
  };
  const view = render(<LogView {...props} />);
  const screen = () => (view.lastFrame() ?? '').replace(ansi, '').split('\n');
  const press = async (...inputs: string[]) => {
    for (const input of inputs) {
      view.stdin.write(input);
      // Ink resolves a lone ESC on the next turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { ...view, screen, press, onClose };
}

describe('LogView: following the current instance', () => {
  it('opens the current log following, titles it, and shows new lines as they come', async () => {
    const port = new FakeLogPort().serve('app', false, currentLines);
    const view = open(port);
    expect(port.latest.request).toEqual({ namespace: 'shop', pod: 'web-7d4b9c6f5-x2x8q', container: 'app', previous: false, follow: true });
    expect(view.screen()[0]).toBe('Log of app (1/2) · shop/web-7d4b9c6f5-x2x8q  following');
    await eventually(() => expect(view.screen().slice(1, 3)).toEqual(currentLines));
    port.print('2026-11-25T14:10:42Z INFO ready');
    await eventually(() => expect(view.screen()[3]).toBe('2026-11-25T14:10:42Z INFO ready'));
  });

  it('stays at the bottom while following, and stays put once scrolled up', async () => {
    const port = new FakeLogPort().serve('app', false, []);
    const view = open(port, { height: 6 });
    port.print(...Array.from({ length: 30 }, (_, i) => `line ${i + 1}`));
    await eventually(() => expect(view.screen().slice(1, 5)).toEqual(['line 27', 'line 28', 'line 29', 'line 30']));
    await view.press(keys.up);
    await eventually(() => expect(view.screen().slice(1, 5)).toEqual(['line 26', 'line 27', 'line 28', 'line 29']));
    port.print('line 31', 'line 32');
    await eventually(() => expect(view.screen()[0]).toContain('line 26/32'));
    expect(view.screen().slice(1, 5)).toEqual(['line 26', 'line 27', 'line 28', 'line 29']);
    await view.press('G');
    await eventually(() => expect(view.screen().slice(1, 5)).toEqual(['line 29', 'line 30', 'line 31', 'line 32']));
    await view.press('g');
    await eventually(() => expect(view.screen()[1]).toBe('line 1'));
    await view.press(keys.pageDown);
    await eventually(() => expect(view.screen()[1]).toBe('line 5'));
    await view.press(keys.pageUp, keys.down, 'j', 'k');
    await eventually(() => expect(view.screen()[1]).toBe('line 2'));
  });
});

describe('LogView: the previous instance', () => {
  it('p shows the crash\'s last words with "previous instance" in the title, and p again goes back', async () => {
    const port = new FakeLogPort().serve('app', false, currentLines).serve('app', true, crashLines);
    const view = open(port);
    await eventually(() => expect(view.screen().slice(1, 3)).toEqual(currentLines));
    await view.press('p');
    await eventually(() => expect(view.screen()[5]).toBe('-- end of the previous instance --'));
    expect(port.streams[0]?.stopped).toBe(true);
    expect(port.latest.request).toMatchObject({ container: 'app', previous: true, follow: false });
    const screen = view.screen();
    expect(screen[0]).toBe('Log of app (1/2) · previous instance · shop/web-7d4b9c6f5-x2x8q  4 lines');
    expect(screen.slice(1, 5)).toEqual(crashLines);
    expect(screen[5]).toBe('-- end of the previous instance --');
    await view.press('p');
    await eventually(() => expect(view.screen().slice(1, 3)).toEqual(currentLines));
    expect(port.latest.request.previous).toBe(false);
    expect(view.screen()[0]).not.toContain('previous instance');
  });

  it('can be opened on the previous instance directly', async () => {
    const port = new FakeLogPort().serve('app', true, crashLines);
    const view = open(port, { previous: true });
    await eventually(() => expect(view.screen()).toContain('2026-11-25T14:05:12Z FATAL giving up after 10 attempts'));
    expect(port.streams).toHaveLength(1);
  });

  it('says why a log cannot be read', async () => {
    const reason = 'previous terminated container "app" in pod "web-7d4b9c6f5-x2x8q" not found';
    const port = new FakeLogPort().fail('app', true, reason);
    const view = open(port, { previous: true, width: 140 });
    await eventually(() => expect(view.screen()[1]).toBe(`The log cannot be read: ${reason}`));
    // Said once, in the body: the footer keeps its hints.
    expect(view.screen().at(-1)).toMatch(/^Esc back/);
  });

  const reasons = [
    'container "app" in pod "web-7d4b9c6f5-x2x8q" is waiting to start: ContainerCreating',
    'pods "web-7d4b9c6f5-x2x8q" is forbidden: User "dev" cannot get resource "pods/log" in API group "" in the namespace "shop"',
  ];
  it.each(reasons)('shows the API server\'s reason: %s', async (reason) => {
    const port = new FakeLogPort().fail('app', false, reason);
    const view = open(port, { width: 200 });
    await eventually(() => expect(view.screen()[1]).toBe(`The log cannot be read: ${reason}`));
  });
});

describe('logTitle', () => {
  const cases: { containers: string[]; container: string; previous: boolean; expected: string }[] = [
    { containers: ['app'], container: 'app', previous: false, expected: 'Log of app · shop/web-0' },
    { containers: ['migrate', 'app'], container: 'app', previous: true, expected: 'Log of app (2/2) · previous instance · shop/web-0' },
    { containers: ['app', 'proxy'], container: 'debugger', previous: false, expected: 'Log of debugger · shop/web-0' },
  ];
  it.each(cases)('$expected', ({ containers, container, previous, expected }) => {
    expect(logTitle('shop', 'web-0', container, containers, previous)).toBe(expected);
  });
});

describe('LogView: containers', () => {
  it('c cycles through the containers and reopens the stream', async () => {
    const port = new FakeLogPort().serve('app', false, currentLines).serve('log-shipper', false, ['[info] [fluent bit] version=3.1']);
    const view = open(port);
    await eventually(() => expect(view.screen().slice(1, 3)).toEqual(currentLines));
    await view.press('c');
    await eventually(() => expect(view.screen()[1]).toBe('[info] [fluent bit] version=3.1'));
    expect(port.latest.request.container).toBe('log-shipper');
    expect(view.screen()[0]).toContain('Log of log-shipper (2/2) · shop/');
    await view.press('c');
    await eventually(() => expect(view.screen().slice(1, 3)).toEqual(currentLines));
    expect(port.latest.request.container).toBe('app');
  });
});

describe('LogView: search', () => {
  it('/ finds matches, n and N move between them, scrolling each into view', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => (i % 30 === 7 ? `line ${i + 1} ERROR timeout` : `line ${i + 1} ok`));
    const port = new FakeLogPort().serve('app', false, lines);
    const view = open(port, { height: 8 });
    await eventually(() => expect(view.screen()[6]).toBe('line 100 ok'));
    await view.press('g', '/', 'e', 'r', 'r', 'x', keys.backspace);
    await eventually(() => expect(view.screen().at(-1)).toMatch(/^\/err_ {2}Enter search {2}Esc cancel$/));
    const found = () => view.screen().slice(1, 7);
    const expectMatch = (footer: RegExp, line: string) =>
      eventually(() => {
        expect(view.screen().at(-1)).toMatch(footer);
        expect(found()).toContain(line);
      });
    await view.press(keys.enter);
    await expectMatch(/^match 1\/4 "err"/, 'line 8 ERROR timeout');
    await view.press('n');
    await expectMatch(/^match 2\/4/, 'line 38 ERROR timeout');
    await view.press('n', 'n');
    await expectMatch(/^match 4\/4/, 'line 98 ERROR timeout');
    await view.press('n');
    await expectMatch(/^match 1\/4/, 'line 8 ERROR timeout');
    await view.press('N');
    await expectMatch(/^match 4\/4/, 'line 98 ERROR timeout');
  });

  it('takes keys that arrive in one read one at a time', async () => {
    const port = new FakeLogPort().serve('app', false, crashLines);
    const view = open(port);
    await eventually(() => expect(view.screen()[4]).toBe(crashLines[3]));
    await view.press('/refused\r');
    await eventually(() => expect(view.screen().at(-1)).toMatch(/^match 1\/1 "refused"/));
  });

  it('says when nothing matches, and Esc in the search line cancels without closing', async () => {
    const port = new FakeLogPort().serve('app', false, currentLines);
    const view = open(port);
    await eventually(() => expect(view.screen().slice(1, 3)).toEqual(currentLines));
    await view.press('/', 'z', 'z', keys.enter);
    await eventually(() => expect(view.screen().at(-1)).toMatch(/^no match for "zz"/));
    await view.press('/', 'q');
    await eventually(() => expect(view.screen().at(-1)).toMatch(/^\/q_/));
    await view.press(keys.escape);
    await eventually(() => expect(view.screen().at(-1)).toMatch(/^no match for "zz"/));
    expect(view.onClose).not.toHaveBeenCalled();
  });
});

describe('LogView: long and hostile lines', () => {
  it('cuts long lines to the width, and w wraps them', async () => {
    const long = `{"level":"error","stack":"${'at handler (/app/server.js:42:13) '.repeat(10)}"}`;
    const port = new FakeLogPort().serve('app', false, [long, 'next']);
    const view = open(port, { width: 40, height: 14 });
    await eventually(() => expect(view.screen()[2]).toBe('next'));
    const cut = view.screen();
    expect(cut[1]).toHaveLength(40);
    expect(cut[1]?.endsWith('…')).toBe(true);
    expect(cut[2]).toBe('next');
    await view.press('w');
    await eventually(() => expect(view.screen()[2]).toBe(long.slice(40, 80)));
    const wrapped = view.screen();
    expect(wrapped.slice(1, 11).join('')).toBe(long.slice(0, 400));
    for (const line of wrapped) expect(cellWidth(line)).toBeLessThanOrEqual(40);
  });

  it('pans sideways without wrapping', async () => {
    const long = `${'0123456789'.repeat(8)}END`;
    const port = new FakeLogPort().serve('app', false, [long]);
    const view = open(port, { width: 40, height: 6, pod: 'w', containers: ['app'] });
    await eventually(() => expect(view.screen()[1]).toBe(`${long.slice(0, 39)}…`));
    await view.press(keys.right, keys.right);
    await eventually(() => expect(view.screen()[1]).toBe(`…${long.slice(40, 78)}…`));
    expect(view.screen()[0]).toBe('Log of app · shop/w  following · from c…');
    await view.press(keys.right);
    await eventually(() => expect(view.screen()[1]).toBe(`…${long.slice(60)}`));
    await view.press('0');
    await eventually(() => expect(view.screen()[1]).toBe(`${long.slice(0, 39)}…`));
  });

  it('never passes escape sequences or control characters to the terminal', async () => {
    const port = new FakeLogPort().serve('app', false, [
      '\u001b[2J\u001b[Hcleared?',
      '\u001b]0;owned title\u0007after osc',
      'PK\u0003\u0004\u0000\u0000binary\u00ff\u0090',
      'progress 10%\rprogress 100%',
    ]);
    const view = open(port);
    await eventually(() => expect(view.screen()[4]).toBe('progress 100%'));
    const frame = view.lastFrame() ?? '';
    // Ink's own styling (SGR) is allowed; nothing else.
    const stripped = frame.replace(ansi, '');
    // eslint-disable-next-line no-control-regex
    expect(stripped).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(view.screen().slice(1, 5)).toEqual(['cleared?', 'after osc', 'PK????binaryÿ?', 'progress 100%']);
  });

  it('keeps the newest 10,000 lines of a chatty container', async () => {
    const port = new FakeLogPort().serve('app', false, []);
    const view = open(port, { height: 6 });
    port.print(...Array.from({ length: 10_050 }, (_, i) => `line ${i + 1}`));
    await eventually(() => expect(view.screen()[4]).toBe('line 10050'));
    await view.press('g');
    await eventually(() => expect(view.screen()[1]).toBe('line 51'));
    expect(view.screen()[0]).toContain('line 1/10000');
  });

  it('draws exactly its height and only ASCII with --ascii', async () => {
    const port = new FakeLogPort().serve('app', false, Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(i * 3)}`));
    const view = open(port, { ascii: true, width: 60, height: 12 });
    await eventually(() => expect(view.screen()[10]).toMatch(/^line 49 x+~$/));
    const screen = view.screen();
    expect(screen).toHaveLength(12);
    for (const line of screen) {
      expect(line).toMatch(/^[\x20-\x7e]*$/);
      expect(line.length).toBeLessThanOrEqual(60);
    }
  });
});

describe('LogView: closing', () => {
  const closers = [
    { name: 'Esc', input: keys.escape },
    { name: 'q', input: 'q' },
  ];
  it.each(closers)('$name calls onClose', async ({ input }) => {
    const port = new FakeLogPort().serve('app', false, currentLines);
    const view = open(port);
    await eventually(() => expect(view.screen().slice(1, 3)).toEqual(currentLines));
    await view.press(input);
    await eventually(() => expect(view.onClose).toHaveBeenCalledTimes(1));
  });

  it('a stream that breaks after some lines says so at the end and in the footer', async () => {
    const port = new FakeLogPort().serve('app', false, currentLines);
    const view = open(port, { height: 6 });
    await eventually(() => expect(view.screen().slice(1, 3)).toEqual(currentLines));
    port.latest.onEnd('log stream closed by the server');
    await eventually(() => expect(view.screen()[3]).toBe('The log stream ended: log stream closed by the server'));
    expect(view.screen().at(-1)).toMatch(/^log stream closed by the server {2}Esc back/);
  });

  it('r opens an ended log again, to follow the next instance', async () => {
    const port = new FakeLogPort().serve('app', false, currentLines);
    const view = open(port);
    await eventually(() => expect(view.screen().slice(1, 3)).toEqual(currentLines));
    port.latest.onEnd();
    await eventually(() => expect(view.screen()[3]).toBe('-- end of the log --'));
    expect(view.screen().at(-1)).toContain('r reopen');
    port.serve('app', false, ['2026-11-25T14:11:00Z INFO starting web 1.4.2 (restart 4)']);
    await view.press('r');
    await eventually(() => expect(view.screen()[1]).toBe('2026-11-25T14:11:00Z INFO starting web 1.4.2 (restart 4)'));
    expect(port.streams).toHaveLength(2);
    expect(port.streams[0]?.stopped).toBe(true);
  });

  it('stops the stream when unmounted', async () => {
    const port = new FakeLogPort().serve('app', false, currentLines);
    const view = open(port);
    await eventually(() => expect(view.screen().slice(1, 3)).toEqual(currentLines));
    view.unmount();
    expect(port.latest.stopped).toBe(true);
  });
});
