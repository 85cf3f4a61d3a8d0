import { describe, expect, it } from 'vitest';
import { matchesFields, parseFieldSelector } from '../../../src/sim/server/fieldSelector.js';
import { matchesLabels, parseLabelSelector, SelectorError } from '../../../src/sim/server/labelSelector.js';

const web = { app: 'web', tier: 'frontend', 'app.kubernetes.io/version': '3' };
const db = { app: 'db', tier: 'backend' };
const bare = {};

describe('labelSelector', () => {
  it.each([
    ['', [true, true, true]],
    ['app=web', [true, false, false]],
    ['app==web', [true, false, false]],
    ['app!=web', [false, true, true]],
    ['app in (web, db)', [true, true, false]],
    ['app notin (web)', [false, true, true]],
    ['tier', [true, true, false]],
    ['!tier', [false, false, true]],
    ['app=web,tier=frontend', [true, false, false]],
    ['tier in (frontend,backend),app!=db', [true, false, false]],
    ['app.kubernetes.io/version>2', [true, false, false]],
    ['app.kubernetes.io/version<3', [false, false, false]],
    ['app=', [false, false, false]],
  ])('%j selects web, db, bare = %j', (selector, expected) => {
    const requirements = parseLabelSelector(selector);
    expect([web, db, bare].map((labels) => matchesLabels(requirements, labels))).toEqual(expected);
  });

  it.each(['app=web,', 'app in web', '=web', 'app=we b', 'app in (a,b c)', 'app>x'])('refuses %j', (selector) => {
    expect(() => parseLabelSelector(selector)).toThrow(SelectorError);
  });
});

describe('fieldSelector', () => {
  const pod: Record<string, string> = { 'metadata.name': 'web-1', 'spec.nodeName': 'worker-1', 'status.phase': 'Running', 'metadata.namespace': 'a,b' };
  const valueOf = (field: string) => pod[field] ?? '';

  it.each([
    ['', true],
    ['metadata.name=web-1', true],
    ['metadata.name==web-1', true],
    ['metadata.name!=web-1', false],
    ['spec.nodeName=worker-1,status.phase=Running', true],
    ['spec.nodeName=worker-1,status.phase!=Running', false],
    ['spec.nodeName=', false],
    ['metadata.namespace=a\\,b', true],
  ])('%j matches: %s', (selector, expected) => {
    expect(matchesFields(parseFieldSelector(selector), valueOf)).toBe(expected);
  });

  it('parses operators and escapes', () => {
    expect(parseFieldSelector('a=1,b!=2,c==x\\=y')).toEqual([
      { field: 'a', operator: '=', value: '1' },
      { field: 'b', operator: '!=', value: '2' },
      { field: 'c', operator: '=', value: 'x=y' },
    ]);
  });

  it('refuses a term without an operator', () => {
    expect(() => parseFieldSelector('metadata.name')).toThrow(SelectorError);
  });
});
