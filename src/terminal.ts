// The terminal's lifecycle: enter the alternate screen, and put everything back
// (main screen, cursor, cooked mode) on every way out: quit, Ctrl-C, SIGTERM,
// SIGHUP (the SSH link dropped) and crashes. Restoring twice is harmless.
import { appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const RESET_ATTRIBUTES = '\x1b[0m';
// Bracketed paste and mouse reporting are never enabled by podtui, but a crash
// in a terminal multiplexer can leave them on from elsewhere; turning them off is free.
const END_SYNCHRONIZED_OUTPUT = '\x1b[?2026l';

export interface TerminalSession {
  /** Idempotent: leaves the alternate screen, shows the cursor, leaves raw mode. */
  restore(): void;
}

export function enterTerminal(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): TerminalSession {
  let restored = false;
  stdout.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
  return {
    restore() {
      if (restored) return;
      restored = true;
      try {
        if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
      } catch {
        // stdin may already be destroyed (SIGHUP); nothing else to undo there.
      }
      try {
        stdout.write(END_SYNCHRONIZED_OUTPUT + RESET_ATTRIBUTES + SHOW_CURSOR + LEAVE_ALT_SCREEN);
      } catch {
        // stdout gone (the SSH link dropped): there is no terminal left to restore.
      }
    },
  };
}

/** Where a crash's stack goes: never to the screen, always to a file whose path the user is told. */
export function writeCrashLog(error: unknown): string {
  const dir = join(tmpdir(), 'podtui');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `crash-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.log`);
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  appendFileSync(path, `podtui crashed at ${new Date().toISOString()}\n${text}\n`);
  return path;
}
