import { describe, expect, it } from 'vitest';
import type { PodView } from '../../src/model/views.js';
import { rowsInShownOrder } from '../../src/ui/rowOrder.js';
import { completedView, crashloopView, healthyView, imagePullView } from './fixtures.js';

const byKey = (views: PodView[]) => new Map(views.map((v) => [v.row.key, v]));

describe('rowsInShownOrder', () => {
  const crash = crashloopView();
  const web = healthyView('abcde', '10.244.2.5');
  const pull = imagePullView();
  const job = completedView();

  it('keeps the shown order when it covers every pod', () => {
    const rows = rowsInShownOrder(byKey([crash, web, pull, job]), [job.row, web.row, pull.row, crash.row]);
    expect(rows).toEqual([job.row, web.row, pull.row, crash.row]);
  });

  it('falls back to arrival order when pods were added or the list was filtered', () => {
    expect(rowsInShownOrder(byKey([crash, web, pull, job]), [job.row, web.row])).toEqual([crash.row, web.row, pull.row, job.row]);
  });

  it('drops pods that are gone and takes each pod’s current row', () => {
    const updated: PodView = { ...web, row: { ...web.row, status: 'Terminating' } };
    const rows = rowsInShownOrder(byKey([job, updated]), [crash.row, web.row, job.row]);
    expect(rows).toEqual([updated.row, job.row]);
  });

  it('with nothing shown yet, is every pod in arrival order', () => {
    expect(rowsInShownOrder(byKey([pull, crash]), [])).toEqual([pull.row, crash.row]);
    expect(rowsInShownOrder(new Map(), [crash.row])).toEqual([]);
  });
});
