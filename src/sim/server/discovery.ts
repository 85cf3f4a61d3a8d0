// What kubectl and client libraries ask before anything else: the server
// version and which groups, versions and resources exist. Aggregated
// discovery (Accept: …;as=APIGroupDiscoveryList) is answered in the plain
// form with Content-Type application/json, which kubectl accepts as the
// fallback it offers in the same Accept header.
import { resourcesByGroup, type ResourceDef } from './resources.js';

export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0',
  gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
  gitTreeState: 'clean',
  buildDate: '2024-12-11T17:58:09Z',
  goVersion: 'go1.23.3',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const EVENTS_GROUP = 'events.k8s.io';
const eventsGroupVersion = { groupVersion: `${EVENTS_GROUP}/v1`, version: 'v1' };

function apiResource(def: ResourceDef) {
  return {
    name: def.resource,
    singularName: def.singularName,
    namespaced: def.namespaced,
    kind: def.kind,
    verbs: def.verbs,
    shortNames: def.shortNames,
    ...(def.resource === 'pods' && { categories: ['all'] }),
  };
}

function resourceList(group: string, groupVersion: string) {
  const resources = Object.values(resourcesByGroup[group] ?? {}).flatMap((def) => {
    const entry = apiResource(def);
    if (def.resource !== 'pods') return [entry];
    return [entry, { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] }];
  });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}

const eventsGroup = { name: EVENTS_GROUP, versions: [eventsGroupVersion], preferredVersion: eventsGroupVersion };

/** The discovery document served at `path`, or undefined when `path` is not a discovery path. */
export function discoveryDocument(path: string, serverAddress: string): unknown {
  switch (path.replace(/\/+$/, '')) {
    case '/version':
      return SERVER_VERSION;
    case '/api':
      return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
    case '/api/v1':
      return resourceList('', 'v1');
    case '/apis':
      return { kind: 'APIGroupList', apiVersion: 'v1', groups: [eventsGroup] };
    case `/apis/${EVENTS_GROUP}`:
      return { kind: 'APIGroup', apiVersion: 'v1', ...eventsGroup };
    case `/apis/${EVENTS_GROUP}/v1`:
      return resourceList(EVENTS_GROUP, `${EVENTS_GROUP}/v1`);
    case '/healthz':
    case '/livez':
    case '/readyz':
      return 'ok';
    default:
      return undefined;
  }
}
