// Builds the pod object a controller would POST, with the defaults the API
// server fills in (so `kubectl get pod -o yaml` reads like a real one), and
// deletes pods the way a client does: through the API's graceful deletion.
import type { Container, Pod } from '../../model/types.js';
import { deletePod as apiDeletePod } from '../server/objects.js';
import { randomString, randomUid } from '../kubelet/names.js';
import { qosClassOf } from '../kubelet/qos.js';
import type { PodPlan, ScenarioContext } from './types.js';

export interface Owner {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

function withContainerDefaults(container: Container, volume: string): Container {
  return {
    ...container,
    imagePullPolicy: 'IfNotPresent',
    resources: container.resources ?? {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volume, readOnly: true }],
  } as Container;
}

export function podObject(
  context: ScenarioContext,
  options: { name: string; generateName?: string; labels: Record<string, string>; owner?: Owner; plan: PodPlan },
): Pod {
  const { emulator, namespace, random } = context;
  const { plan } = options;
  const volume = `kube-api-access-${randomString(random, 5)}`;
  const containers = plan.spec.containers.map((c) => withContainerDefaults(c, volume));
  const initContainers = plan.spec.initContainers?.map((c) => withContainerDefaults(c, volume));
  const spec = {
    ...plan.spec,
    ...(initContainers && { initContainers }),
    containers,
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    restartPolicy: plan.spec.restartPolicy ?? 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    serviceAccount: 'default',
    serviceAccountName: 'default',
    terminationGracePeriodSeconds: plan.spec.terminationGracePeriodSeconds ?? 30,
    tolerations: [
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ],
    volumes: [
      {
        name: volume,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      },
    ],
  };
  const qos = qosClassOf([...(initContainers ?? []), ...containers]);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: options.name,
      ...(options.generateName !== undefined && { generateName: options.generateName }),
      namespace,
      uid: randomUid(random),
      creationTimestamp: emulator.store.timestamp(),
      labels: { ...options.labels, ...plan.labels },
      ...(options.owner && {
        // blockOwnerDeletion is on the wire too; ObjectMeta only types what podtui reads.
        ownerReferences: [{ ...options.owner, controller: true, blockOwnerDeletion: true } as { kind: string; name: string; uid: string; controller: boolean }],
      }),
    },
    spec: spec as Pod['spec'],
    status: { phase: 'Pending', qosClass: qos },
  };
}

/** A client's DELETE with a grace period, handled exactly as the API server handles one over HTTP. */
export function deletePod(context: ScenarioContext, name: string, gracePeriodSeconds: number): void {
  const { emulator, namespace } = context;
  const pod = emulator.store.get('pods', namespace, name);
  if (!pod || pod.metadata.deletionTimestamp) return;
  apiDeletePod(emulator, namespace, name, gracePeriodSeconds);
}
