// Which objects a LIST or WATCH request is about: its namespace (from the
// URL), its labelSelector and its fieldSelector, compiled once per request.
import type { StoredObject } from '../store.js';
import { matchesFields, parseFieldSelector } from './fieldSelector.js';
import { matchesLabels, parseLabelSelector, SelectorError } from './labelSelector.js';
import type { ResourceDef } from './resources.js';
import { badRequest } from './status.js';

export interface ObjectFilter {
  namespace: string | undefined;
  /** True when only the namespace narrows the request (so counts can come from the index). */
  unfiltered: boolean;
  matches(object: StoredObject): boolean;
}

export function compileFilter(def: ResourceDef, namespace: string | undefined, query: URLSearchParams): ObjectFilter {
  let labels;
  let fields;
  try {
    labels = parseLabelSelector(query.get('labelSelector') ?? '');
    fields = parseFieldSelector(query.get('fieldSelector') ?? '');
  } catch (error) {
    if (error instanceof SelectorError) throw badRequest(error.message);
    throw error;
  }
  for (const f of fields) {
    if (!def.fields[f.field]) throw badRequest(`field label not supported: ${f.field}`);
  }
  const valueOf = (object: StoredObject) => (field: string) => def.fields[field]!(object);
  return {
    namespace,
    unfiltered: labels.length === 0 && fields.length === 0,
    matches: (object) =>
      (namespace === undefined || object.metadata.namespace === namespace) &&
      matchesLabels(labels, object.metadata.labels as Record<string, string> | undefined) &&
      matchesFields(fields, valueOf(object)),
  };
}
