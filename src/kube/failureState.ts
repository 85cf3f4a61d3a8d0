// How a failed list or watch shows in the connection state: which phase the
// UI draws and the one line it prints. 401 and 403 have phases of their own
// (the user must act: log in again, ask for RBAC); network trouble, 5xx and
// 429 are "reconnecting" (they pass by themselves); other 4xx are errors that
// will not fix themselves (a bad selector, an API the server does not serve).
import type { ConnectionPhase } from '../model/observations.js';
import type { ApiError } from './apiError.js';

/** What was being asked when it failed. */
export interface RequestScope {
  verb: 'list' | 'watch';
  resource: string;
  /** API group; '' for core. */
  group: string;
  /** undefined: cluster-wide. */
  namespace: string | undefined;
}

/** "pods", "events.events.k8s.io": the resource as RBAC names it. */
export function resourceRef(scope: Pick<RequestScope, 'resource' | 'group'>): string {
  return scope.group ? `${scope.resource}.${scope.group}` : scope.resource;
}

/** The server's own sentence when it names the verb and resource; otherwise we name them. */
export function forbiddenDetail(failure: ApiError, scope: RequestScope): string {
  if (/cannot \w+ resource/.test(failure.message)) return failure.message;
  const where = scope.namespace === undefined ? 'at the cluster scope' : `in namespace "${scope.namespace}"`;
  return `cannot ${scope.verb} ${resourceRef(scope)} ${where}: ${failure.message}`;
}

export function failureState(failure: ApiError, scope: RequestScope): { phase: ConnectionPhase; detail: string } {
  const status = failure.status;
  if (status === 401) return { phase: 'unauthorized', detail: failure.message };
  if (status === 403) return { phase: 'forbidden', detail: forbiddenDetail(failure, scope) };
  if (status === 429) return { phase: 'reconnecting', detail: `${failure.message} (server busy)` };
  if (status === undefined || status >= 500) return { phase: 'reconnecting', detail: failure.message };
  return { phase: 'error', detail: `${failure.message} (HTTP ${status})` };
}
