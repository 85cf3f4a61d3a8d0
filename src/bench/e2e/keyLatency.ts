// Keypress to screen, through the pty: press j and k alternately and time the
// moment the parsed screen shows the selection moved. j then k keeps the
// selection between the first two pods, so the list never scrolls and each
// press has exactly one expected screen.
import type { PtyScreen } from '../terminal/ptyScreen.js';
import { sleep } from './settle.js';

export interface KeyLatencyResult {
  /** One per press that was answered (ms). */
  samples: number[];
  /** Presses with no visible answer within the timeout. */
  unanswered: number;
}

/**
 * What is selected: the first two words (namespace and name) of each
 * highlighted row. Not the row's position: pods created or deleted above the
 * selection move it on screen without any key, and not the whole row: its
 * STATUS and AGE change during the storm.
 */
export function selectionOf(screen: Pick<PtyScreen, 'highlightedRows' | 'lines'>): string {
  const lines = screen.lines();
  return screen
    .highlightedRows()
    .map((y) => (lines[y] ?? '').trim().split(/\s+/).slice(0, 2).join(' '))
    .join(' | ');
}

export async function measureKeyLatency(
  screen: PtyScreen,
  options: { presses: number; timeoutMs: number; pauseMs: number },
): Promise<KeyLatencyResult> {
  const samples: number[] = [];
  let unanswered = 0;
  // The two screens the presses move between: as first seen, and one row down (learned from the first answered j).
  let home = selectionOf(screen);
  let below: string | undefined;
  for (let press = 0; press < options.presses; press++) {
    const before = selectionOf(screen);
    if (before !== home && before !== below) {
      // The selected pod went away (the demo's churn deletes pods) and the
      // selection moved to another: start over from where it is now.
      home = before;
      below = undefined;
    }
    // Chosen from what the screen shows, so an unanswered press never makes the next one look instant.
    const key = before === home ? 'j' : 'k';
    const wanted = key === 'j' ? below : home;
    const sentAt = performance.now();
    screen.write(key);
    try {
      const seenAt = await screen.waitFor(
        (s) => (wanted === undefined ? selectionOf(s) !== before : selectionOf(s) === wanted),
        options.timeoutMs,
        `the selection to move after "${key}"`,
      );
      samples.push(seenAt - sentAt);
      if (key === 'j') below ??= selectionOf(screen);
    } catch (error) {
      if ((error as Error).message.startsWith('program exited')) throw error;
      unanswered++;
      // Perhaps the list changed so this key could not move the selection
      // (k on what became the first row): learn the two positions again.
      home = selectionOf(screen);
      below = undefined;
    }
    // A person does not type faster than this; also lets a frame finish.
    await sleep(options.pauseMs);
  }
  return { samples, unanswered };
}
