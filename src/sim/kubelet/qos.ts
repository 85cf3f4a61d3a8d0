// The QoS class the API server computes on create (pkg/apis/core/helper/qos):
// Guaranteed when every container sets cpu and memory limits equal to its
// requests, BestEffort when none sets any, Burstable otherwise.
import type { Container } from '../../model/types.js';

type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const TRACKED = ['cpu', 'memory'] as const;

export function qosClassOf(containers: readonly Container[]): QosClass {
  let anySet = false;
  let guaranteed = true;
  for (const container of containers) {
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    for (const resource of TRACKED) {
      const request = requests[resource];
      const limit = limits[resource];
      if (request !== undefined || limit !== undefined) anySet = true;
      // A missing request defaults to the limit, so only a differing explicit request breaks Guaranteed.
      if (limit === undefined || (request !== undefined && request !== limit)) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
