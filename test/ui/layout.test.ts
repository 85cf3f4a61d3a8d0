import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../src/ui/layout.js';

/** Lines the screen draws: header + rows, why, pane titles and contents, status + hints. */
function linesUsed(layout: ReturnType<typeof computeLayout>): number {
  const panes = layout.sideBySide ? 1 + layout.conditions.height : 2 + layout.conditions.height + layout.log.height;
  return 1 + layout.listRows + 1 + panes + 2;
}

describe('computeLayout', () => {
  it.each([
    [80, 24, 50, false],
    [80, 24, 2, false],
    [100, 30, 50, false],
    [120, 40, 50, false],
    [139, 40, 50, false],
    [140, 40, 50, true],
    [200, 60, 10_000, true],
    [60, 15, 50, false],
  ])('%ix%i with %i pods fills rows-1 exactly (side by side: %s)', (columns, rows, pods, sideBySide) => {
    const layout = computeLayout(columns, rows, pods);
    expect(layout.sideBySide).toBe(sideBySide);
    expect(layout.height).toBe(Math.max(rows, 24) - 1);
    expect(linesUsed(layout)).toBe(layout.height);
    expect(layout.listRows).toBeGreaterThanOrEqual(1);
    expect(layout.conditions.height).toBeGreaterThanOrEqual(4);
    expect(layout.log.height).toBeGreaterThanOrEqual(4);
  });

  it('80x24 leaves every pane readable', () => {
    expect(computeLayout(80, 24, 30)).toMatchObject({ listRows: 6, conditions: { width: 80, height: 5 }, log: { width: 80, height: 6 } });
  });

  it('gives unused list rows to the panes when there are few pods', () => {
    const few = computeLayout(120, 40, 2);
    const many = computeLayout(120, 40, 200);
    expect(few.listRows).toBe(3);
    expect(few.log.height).toBeGreaterThan(many.log.height);
  });

  it('side by side panes share the width with a three-column separator', () => {
    const layout = computeLayout(160, 40, 50);
    expect(layout.conditions.width + 3 + layout.log.width).toBe(160);
    expect(layout.conditions.height).toBe(layout.log.height);
  });
});
