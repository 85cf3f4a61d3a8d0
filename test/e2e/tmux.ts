// Drives a real terminal for end-to-end tests: a detached tmux session of a
// given size runs the command; tests type keys and read the screen as text.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', 'podtui-e2e', ...args], { encoding: 'utf8' });

export interface TerminalSession {
  name: string;
  screen(): string;
  /** The screen with its SGR escape sequences (colours, inverse video) kept. */
  styledScreen(): string;
  keys(...keys: string[]): void;
  /** Literal text, typed as is. */
  type(text: string): void;
  /** Waits until `predicate(screen)` holds; throws with the last screen after `timeoutMs`. */
  waitFor(predicate: (screen: string) => boolean, timeoutMs?: number, what?: string): Promise<string>;
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Whether the pane is showing the alternate screen. */
  alternateScreen(): boolean;
  resize(columns: number, rows: number): void;
  kill(): void;
}

export interface StartOptions {
  columns?: number;
  rows?: number;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `command` in a fresh tmux session. The command runs under sh so the
 * test can print its exit status after it ends (`; echo EXIT=$?`), and the
 * pane stays open after exit so the final screen can still be read.
 */
export function startTerminal(command: string, options: StartOptions = {}): TerminalSession {
  const name = `podtui-${randomBytes(4).toString('hex')}`;
  const columns = options.columns ?? 120;
  const rows = options.rows ?? 40;
  const env = { ...process.env, ...options.env };
  const exports = Object.entries(env)
    .filter(([key]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
    .map(([key, value]) => (value === undefined ? `unset ${key}` : `export ${key}=${shellQuote(value)}`));
  // tmux's server has its own environment: pass ours explicitly (undefined values are unset).
  const script = [...exports, `cd ${shellQuote(options.cwd ?? process.cwd())}`, command].join('; ');
  tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), 'sh', '-c', script + '; sleep 3600');
  tmux('set-option', '-t', name, 'status', 'off');

  const session: TerminalSession = {
    name,
    screen: () => tmux('capture-pane', '-p', '-t', name),
    styledScreen: () => tmux('capture-pane', '-p', '-e', '-t', name),
    keys: (...keys) => {
      tmux('send-keys', '-t', name, ...keys);
    },
    type: (text) => {
      tmux('send-keys', '-t', name, '-l', text);
    },
    async waitFor(predicate, timeoutMs = 10_000, what = 'condition') {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        last = session.screen();
        if (predicate(last)) return last;
        await sleep(100);
      }
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen was:\n${last}`);
    },
    waitForText(text, timeoutMs) {
      const test = typeof text === 'string' ? (s: string) => s.includes(text) : (s: string) => text.test(s);
      return session.waitFor(test, timeoutMs, JSON.stringify(String(text)));
    },
    alternateScreen: () => tmux('display-message', '-p', '-t', name, '#{alternate_on}').trim() === '1',
    resize: (c, r) => {
      tmux('resize-window', '-t', name, '-x', String(c), '-y', String(r));
    },
    kill: () => {
      try {
        tmux('kill-session', '-t', name);
      } catch {
        // already gone
      }
    },
  };
  return session;
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
