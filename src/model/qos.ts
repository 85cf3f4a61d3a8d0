// A pod's QoS class. The kubelet writes it to status.qosClass; when a pod
// comes without it (an old server, a recording, a hand-written object) it is
// computed as Kubernetes' ComputePodQOS does: per container, CPU and memory
// requests must equal limits; all containers BestEffort → BestEffort, all
// Guaranteed → Guaranteed, anything else → Burstable.
import { parseQuantity } from './quantity.js';
import type { Container, Pod, ResourceRequirements } from './types.js';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** Only these two decide QoS; ephemeral-storage, hugepages and extended resources do not. */
const QOS_RESOURCES = ['cpu', 'memory'] as const;

function amount(list: Readonly<Record<string, string>> | undefined, resource: string): number {
  const text = list?.[resource];
  return text === undefined ? 0 : (parseQuantity(text) ?? 0);
}

function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function containerQos(resources: ResourceRequirements | undefined): QosClass {
  const requests = resources?.requests ?? {};
  const limits = resources?.limits ?? {};
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  let qos: QosClass | undefined;
  for (const resource of QOS_RESOURCES) {
    const limit = amount(limits, resource);
    // The API server defaults a missing request to its limit when the pod is created.
    const request = requests[resource] === undefined ? limit : amount(requests, resource);
    if (!sameAmount(request, limit)) return 'Burstable';
    const bestEffort = request === 0 && limit === 0;
    if (qos === undefined) qos = bestEffort ? 'BestEffort' : 'Guaranteed';
    else if (bestEffort !== (qos === 'BestEffort')) return 'Burstable';
  }
  return qos ?? 'BestEffort';
}

/** QoS computed from the containers' resources, as the API server would set it. */
export function computeQosClass(pod: Pod): QosClass {
  const containers: Container[] = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  let podQos: QosClass | undefined;
  for (const container of containers) {
    const qos = containerQos(container.resources);
    if (qos === 'Burstable') return qos;
    if (podQos === undefined) podQos = qos;
    else if (podQos !== qos) return 'Burstable';
  }
  return podQos ?? 'BestEffort';
}

/** status.qosClass when the kubelet reported it, else computed. */
export function qosClass(pod: Pod): QosClass {
  return pod.status.qosClass ?? computeQosClass(pod);
}
