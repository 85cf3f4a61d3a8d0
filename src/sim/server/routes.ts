// Resource URLs as the API server lays them out:
//   /api/v1/{resource}                         cluster-wide list/watch
//   /api/v1/namespaces/{ns}/{resource}[/{name}[/{subresource}]]
//   /api/v1/namespaces[/{name}]                the namespaces themselves
//   /apis/{group}/v1/…                         the same under a group
//   …/watch/…                                  the old watch prefix
import { resourcesByGroup, type ResourceDef } from './resources.js';
import { unknownPath } from './status.js';

export interface ResourceRoute {
  def: ResourceDef;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The request came through the deprecated /watch/ prefix. */
  watchPrefix: boolean;
}

function lookup(group: string, resource: string | undefined): ResourceDef {
  const def = resource === undefined ? undefined : resourcesByGroup[group]?.[resource];
  if (!def) throw unknownPath();
  return def;
}

export function parseResourcePath(path: string): ResourceRoute {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  let rest: string[];
  let group: string;
  if (segments[0] === 'api' && segments[1] === 'v1') {
    group = '';
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments[2] === 'v1' && segments[1] !== undefined) {
    group = segments[1];
    rest = segments.slice(3);
  } else throw unknownPath();

  const watchPrefix = rest[0] === 'watch';
  if (watchPrefix) rest = rest.slice(1);

  // /namespaces and /namespaces/{name}: the Namespace resource itself.
  if (rest[0] === 'namespaces' && rest.length <= 2) {
    const def = lookup(group, 'namespaces');
    return { def, ...(rest[1] !== undefined && { name: rest[1] }), watchPrefix };
  }
  if (rest[0] === 'namespaces') {
    const [, namespace, resource, name, subresource, ...extra] = rest;
    const def = lookup(group, resource);
    if (!def.namespaced || extra.length > 0) throw unknownPath();
    return { def, namespace: namespace!, ...(name !== undefined && { name }), ...(subresource !== undefined && { subresource }), watchPrefix };
  }
  const [resource, name, ...extra] = rest;
  const def = lookup(group, resource);
  // A namespaced resource is listed cluster-wide, but never fetched by name without its namespace.
  if (extra.length > 0 || (def.namespaced && name !== undefined)) throw unknownPath();
  return { def, ...(name !== undefined && { name }), watchPrefix };
}
