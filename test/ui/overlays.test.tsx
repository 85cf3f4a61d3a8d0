import './forceColor.js';
import { afterEach, describe, expect, it } from 'vitest';
import { Help } from '../../src/ui/Help.js';
import { KEYMAP } from '../../src/ui/keymap.js';
import { NamespacePicker } from '../../src/ui/NamespacePicker.js';
import { ThemeContext, makeTheme } from '../../src/ui/theme.js';
import { renderAt, settle, unmountAll } from './renderAt.js';

afterEach(unmountAll);

// eslint-disable-next-line no-control-regex
const plain = (frame: string) => frame.replace(/\x1b\[[0-9;]*m/g, '');
const lines = (frame: string) => frame.split('\n');

describe('Help', () => {
  it.each([
    [80, 21],
    [120, 37],
  ])('lists every binding of the key table at %i columns in %i lines', async (width, height) => {
    const screen = renderAt(<Help width={width} height={height} />, width, height + 3);
    await settle();
    const frame = plain(screen.lastFrame());
    expect(lines(frame).length).toBeLessThanOrEqual(height);
    for (const line of lines(frame)) expect(line.length).toBeLessThanOrEqual(width);
    for (const binding of KEYMAP) expect(frame).toContain(binding.help.slice(0, 12));
    expect(frame).toMatch(/← h +step back in history/);
    expect(frame).toMatch(/Enter L +container's log/);
    expect(frame).toContain('Log view: p previous instance');
  });

  it('draws ASCII only with --ascii', async () => {
    const screen = renderAt(
      <ThemeContext.Provider value={makeTheme({ color: false, ascii: true })}>
        <Help width={80} height={21} />
      </ThemeContext.Provider>,
      80,
      24,
    );
    await settle();
    const frame = screen.lastFrame();
    expect(frame).toMatch(/Left h +step back in history/);
    expect(plain(frame)).toMatch(/^[\x20-\x7e\n]*$/);
  });
});

describe('NamespacePicker', () => {
  it('marks the choice and what is watched', async () => {
    const picker = { choices: ['all', 'background', 'default', 'demo', 'kube-system'], index: 1 };
    const screen = renderAt(<NamespacePicker picker={picker} current={['demo']} width={80} height={10} />, 80, 24);
    await settle();
    const frame = screen.lastFrame();
    expect(frame).toContain('Namespace (Enter switches, Esc cancels)');
    expect(frame).toContain(' all namespaces');
    expect(frame).toContain(' demo  (watching)');
    const inverse = lines(frame).slice(1).filter((l) => l.includes('\x1b[7m'));
    expect(inverse).toHaveLength(1);
    expect(inverse[0]).toContain('background');
  });

  it('scrolls a long list to keep the choice in view', async () => {
    const choices = ['all', ...Array.from({ length: 60 }, (_, i) => `team-${String(i).padStart(2, '0')}`)];
    const screen = renderAt(<NamespacePicker picker={{ choices, index: 45 }} current="all" width={80} height={10} />, 80, 24);
    await settle();
    const frame = screen.lastFrame();
    expect(frame).toContain('team-44');
    expect(frame).not.toContain('team-10');
    expect(lines(frame)).toHaveLength(10);
  });
});
