// Pods whose story ends: Jobs that complete or fail, a pod deleted with a
// failing preStop hook, an eviction, and a node that disappears.
import { startJob } from './job.js';
import { deletePod } from './podObject.js';
import { startReplicaSet } from './replicaSet.js';
import { server, serviceLog } from './containers.js';
import type { ScenarioDefinition } from './types.js';

/** The node that node-lost loses; no other pod is placed there. */
export const LOST_NODE = 'node-4';

export const jobSuccess: ScenarioDefinition = {
  name: 'job-success',
  description: 'a Job whose pod runs a few seconds and exits 0: Succeeded, STATUS Completed',
  start: (context) =>
    startJob(context, {
      name: 'job-success',
      backoffLimit: 6,
      template: () => ({
        spec: { restartPolicy: 'Never', containers: [{ name: 'export', image: 'ghcr.io/acme/nightly-export:2.0.0', args: ['--date', 'yesterday'] }] },
        behaviors: {
          export: {
            pull: { ms: 1_600, sizeBytes: 29_113_775 },
            instances: [{ exitAfterMs: 8_000, exitCode: 0 }],
            log: {
              startup: ['nightly-export 2.0.0: exporting orders of 2026-11-24'],
              heartbeat: { everyMs: 2_000, line: (n) => `exported ${n * 2500} rows` },
              lastWords: ['uploaded s3://acme-exports/orders/2026-11-24.parquet (12.4 MiB)', 'done in 8.0s'],
            },
          },
        },
      }),
    }),
};

export const jobFailure: ScenarioDefinition = {
  name: 'job-failure',
  description: 'a Job whose pods exit 1: Failed, STATUS Error, retried with back-off until backoffLimit 2',
  start: (context) =>
    startJob(context, {
      name: 'job-failure',
      backoffLimit: 2,
      template: () => ({
        spec: { restartPolicy: 'Never', containers: [{ name: 'sync', image: 'ghcr.io/acme/crm-sync:1.0.7' }] },
        behaviors: {
          sync: {
            pull: { ms: 1_200, sizeBytes: 35_800_410 },
            instances: [{ exitAfterMs: 5_000, exitCode: 1 }],
            log: {
              startup: ['crm-sync 1.0.7: syncing contacts since 2026-11-24T00:00:00Z'],
              lastWords: [
                'Traceback (most recent call last):',
                '  File "/app/sync.py", line 112, in <module>',
                '    main()',
                '  File "/app/sync.py", line 98, in main',
                '    token = client.authenticate(os.environ["CRM_API_KEY"])',
                'crm.errors.AuthError: 401 Unauthorized: API key revoked',
              ],
            },
          },
        },
      }),
    }),
};

export const preStopHook: ScenarioDefinition = {
  name: 'prestop-hook',
  description: 'deleted 45s after it starts: FailedPreStopHook, Terminating for its 20s grace period, then gone (its ReplicaSet makes a new one)',
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'prestop-hook',
      replicas: 1,
      template: () => ({
        spec: {
          terminationGracePeriodSeconds: 20,
          containers: [
            server('gateway', 'ghcr.io/acme/session-gateway:4.0.2', 8080, {
              lifecycle: { preStop: { exec: { command: ['/bin/sh', '-c', '/opt/drain-sessions.sh'] } } },
            }),
          ],
        },
        behaviors: {
          gateway: {
            pull: { ms: 1_700, sizeBytes: 52_660_118 },
            preStop: { ms: 2_000, fails: true },
            sigterm: 'ignored',
            instances: [{}],
            log: {
              ...serviceLog('session-gateway', '4.0.2', '/ws'),
              onSigterm: ['{"level":"warn","msg":"SIGTERM ignored: 212 websocket sessions still open"}'],
            },
          },
        },
      }),
      created: (name) => context.timers.after(45_000, () => deletePod(context, name, 20)),
    }),
};

export const evicted: ScenarioDefinition = {
  name: 'evicted',
  description: 'the node runs low on memory and the kubelet evicts the pod: Failed, reason Evicted, DisruptionTarget',
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'evicted',
      replicas: 1,
      template: () => ({
        spec: {
          containers: [
            server('thumbnailer', 'ghcr.io/acme/thumbnailer:2.2.0', 8080, { resources: { requests: { cpu: '100m', memory: '128Mi' } } }),
          ],
        },
        behaviors: {
          thumbnailer: {
            pull: { ms: 1_900, sizeBytes: 88_014_552 },
            instances: [{}],
            log: {
              startup: ['thumbnailer 2.2.0 ready, 4 workers'],
              heartbeat: { everyMs: 5_000, line: (n) => `resized batch ${n} (rss ${200 + n * 110} MiB)` },
            },
          },
        },
      }),
      // Only the first pod is evicted; its replacement runs on.
      created: (name, ordinal) => {
        if (ordinal !== 0) return;
        context.timers.after(45_000, () =>
          context.kubelet.evict(
            context.namespace,
            name,
            'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91236Ki. Container thumbnailer was using 1398100Ki, request is 128Mi, has larger consumption of memory. ',
          ),
        );
      },
    }),
};

export const nodeLost: ScenarioDefinition = {
  name: 'node-lost',
  description: `its node (${LOST_NODE}) stops reporting: Ready False, then deleted by the taint manager: Terminating, then Unknown`,
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'node-lost',
      replicas: 1,
      // The first pod lives on the node that will be lost; replacements go elsewhere.
      template: (ordinal) => ({
        ...(ordinal === 0 && { node: LOST_NODE }),
        spec: {
          ...(ordinal === 0 && { nodeSelector: { 'kubernetes.io/hostname': LOST_NODE } }),
          containers: [server('geo', 'ghcr.io/acme/geo-lookup:3.3.1', 8080)],
        },
        behaviors: { geo: { pull: { ms: 1_300, sizeBytes: 45_002_771 }, instances: [{}], log: serviceLog('geo-lookup', '3.3.1', '/api/v1/lookup') } },
      }),
      created: (_name, ordinal) => {
        if (ordinal === 0) context.timers.after(60_000, () => context.kubelet.loseNode(LOST_NODE));
      },
    }),
};
