// The namespaces a user can pick from. Many users may not list namespaces at
// all (RBAC grants them one namespace); then the one they are in is the list.
import type { ClusterConfig } from './kubeconfig.js';
import { ApiError } from './apiError.js';
import { slimNamespace } from './slim.js';
import { getJson } from './transport.js';

interface NamespaceList {
  metadata?: { continue?: string };
  items?: unknown[];
}

export async function listNamespaces(config: ClusterConfig): Promise<string[]> {
  const names: string[] = [];
  let continueToken: string | undefined;
  try {
    do {
      const page = (await getJson(config, '/api/v1/namespaces', { query: { limit: 500, continue: continueToken } })) as NamespaceList;
      for (const item of page.items ?? []) names.push(slimNamespace(item).metadata.name);
      continueToken = page.metadata?.continue || undefined;
    } while (continueToken);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return [config.namespace];
    throw error;
  }
  return names.filter(Boolean).sort();
}
