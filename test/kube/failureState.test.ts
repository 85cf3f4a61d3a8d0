import { describe, expect, it } from 'vitest';
import { ApiError, errorFromStatus, parseRetryAfter } from '../../src/kube/apiError.js';
import { failureState, type RequestScope } from '../../src/kube/failureState.js';

const podsInShop: RequestScope = { verb: 'watch', resource: 'pods', group: '', namespace: 'shop' };
const eventsClusterWide: RequestScope = { verb: 'list', resource: 'events', group: 'events.k8s.io', namespace: undefined };

describe('failureState', () => {
  it.each([
    ['401', new ApiError('Unauthorized', 401, 'Unauthorized'), podsInShop, 'unauthorized', 'Unauthorized'],
    [
      '403 with the server sentence',
      new ApiError('pods is forbidden: User "jane" cannot watch resource "pods" in API group "" in the namespace "shop"', 403, 'Forbidden'),
      podsInShop,
      'forbidden',
      'pods is forbidden: User "jane" cannot watch resource "pods" in API group "" in the namespace "shop"',
    ],
    ['403 without one (a proxy)', new ApiError('Forbidden', 403), eventsClusterWide, 'forbidden', 'cannot list events.events.k8s.io at the cluster scope: Forbidden'],
    ['429', new ApiError('Too many requests, please try again later.', 429, 'TooManyRequests', 1000), podsInShop, 'reconnecting', 'Too many requests, please try again later. (server busy)'],
    ['500', new ApiError('Internal error occurred: etcdserver: request timed out', 500), podsInShop, 'reconnecting', 'Internal error occurred: etcdserver: request timed out'],
    ['network', new ApiError('connection refused', undefined), podsInShop, 'reconnecting', 'connection refused'],
    ['404', new ApiError('the server could not find the requested resource', 404, 'NotFound'), eventsClusterWide, 'error', 'the server could not find the requested resource (HTTP 404)'],
  ] as const)('%s', (_name, failure, scope, phase, detail) => {
    expect(failureState(failure, scope)).toEqual({ phase, detail });
  });
});

describe('errorFromStatus / parseRetryAfter', () => {
  it.each([
    ['watch ERROR 410', { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 5 (120)' }, undefined, 410, true, 'too old resource version: 5 (120)'],
    ['Gone without a code', { kind: 'Status', reason: 'Gone', message: 'gone' }, undefined, undefined, true, 'gone'],
    ['multi-line message keeps its first line', { code: 500, message: 'boom\n  at stack' }, undefined, 500, false, 'boom'],
    ['no message: the HTTP reason phrase', {}, 503, 503, false, 'Service Unavailable'],
  ] as const)('%s', (_name, status, http, code, expired, message) => {
    const error = errorFromStatus(status, http);
    expect([error.status, error.expired, error.message]).toEqual([code, expired, message]);
  });

  it('reads retryAfterSeconds from Status details', () => {
    expect(errorFromStatus({ code: 429, details: { retryAfterSeconds: 3 } }).retryAfterMs).toBe(3000);
  });

  it.each([
    ['seconds', '2', 2000],
    ['HTTP date', 'Wed, 25 Nov 2026 10:00:05 GMT', 5000],
    ['absent', undefined, undefined],
    ['nonsense', 'soon', undefined],
  ] as const)('Retry-After as %s', (_name, header, ms) => {
    expect(parseRetryAfter(header, Date.parse('2026-11-25T10:00:00Z'))).toBe(ms);
  });
});
