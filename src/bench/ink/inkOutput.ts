// Ink 6's bytes on the wire at 120x40 with two rows changing 20 times a
// second, for each rendering option podtui could choose: the figure behind
// runUi's `incrementalRendering` and `maxFps`.
import { fileURLToPath } from 'node:url';
import { interactiveEnvironment } from '../e2e/clients.js';
import { measureStorm } from '../e2e/storm.js';
import { sleep } from '../e2e/settle.js';
import type { Figure } from '../report/figure.js';
import { PtyScreen } from '../terminal/ptyScreen.js';

const TABLE_APP = fileURLToPath(new URL('./tableApp.js', import.meta.url));

export const INK_VARIANTS = [
  { incremental: false, fps: 30 },
  { incremental: true, fps: 30 },
  { incremental: true, fps: 20 },
  { incremental: true, fps: 10 },
] as const;

export async function inkOutputFigures(seconds: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const variant of INK_VARIANTS) {
    const name = `Ink 6 alone: incrementalRendering ${variant.incremental ? 'on' : 'off'}, maxFps ${variant.fps}`;
    const load = '2 of 39 rows change 20×/s, 120x40';
    const screen = new PtyScreen(process.execPath, [TABLE_APP, '--incremental', variant.incremental ? '1' : '0', '--fps', String(variant.fps)], {
      env: interactiveEnvironment(),
    });
    try {
      await screen.waitFor((s) => s.text().includes('team-38'), 20_000, 'the table');
      // Past the first full frame.
      await sleep(500);
      const [result] = await measureStorm([{ name: 'podtui', screen, startedAt: 0, listShown: async () => 0 }], seconds);
      figures.push({ name, load, unit: 'bytes/s', podtui: result!.bytesPerSecond, note: `CPU ${result!.cpuPercent.toFixed(0)} %` });
    } catch (error) {
      figures.push({ name, load, unit: 'bytes/s', podtui: undefined, note: (error as Error).message.split('\n')[0]! });
    } finally {
      await screen.close();
    }
  }
  return figures;
}
