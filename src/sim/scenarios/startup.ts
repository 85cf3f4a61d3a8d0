// Pods that have trouble getting started: a missing image, init containers
// (failing and slow), a sidecar, and a pod no node can take.
import { startReplicaSet } from './replicaSet.js';
import { httpProbe, server, serviceLog } from './containers.js';
import type { ScenarioDefinition } from './types.js';

const MISSING_IMAGE = 'ghcr.io/acme/checkout-api:2.31.0-rc.1';

export const imagepull: ScenarioDefinition = {
  name: 'imagepull',
  description: 'the image tag does not exist: ErrImagePull, then ImagePullBackOff with the pull back-off and its events',
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'imagepull',
      replicas: 1,
      template: () => ({
        spec: { containers: [server('checkout', MISSING_IMAGE, 8080)] },
        behaviors: {
          checkout: {
            pull: {
              failure: `rpc error: code = NotFound desc = failed to pull and unpack image "${MISSING_IMAGE}": failed to resolve reference "${MISSING_IMAGE}": ${MISSING_IMAGE}: not found`,
            },
            instances: [{}],
            log: serviceLog('checkout-api', '2.31.0-rc.1'),
          },
        },
      }),
    }),
};

export const initCrash: ScenarioDefinition = {
  name: 'init-crash',
  description: 'the migration init container exits 1: Init:Error, then Init:CrashLoopBackOff',
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'init-crash',
      replicas: 1,
      template: () => ({
        spec: {
          initContainers: [{ name: 'migrate', image: 'ghcr.io/acme/db-migrate:7.2.0', args: ['up', '--database', 'orders'] }],
          containers: [server('orders', 'ghcr.io/acme/orders-api:4.4.0', 8080)],
        },
        behaviors: {
          migrate: {
            pull: { ms: 1_100, sizeBytes: 22_780_113 },
            instances: [{ exitAfterMs: 3_000, exitCode: 1 }],
            log: {
              startup: ['migrate 7.2.0: 14 migrations found, 13 applied', 'applying 20261124_0930_add_order_index.sql'],
              lastWords: [
                'ERROR: relation "orders_customer_id_idx" already exists (SQLSTATE 42P07)',
                'migration 20261124_0930_add_order_index.sql failed, rolling back',
                'exit status 1',
              ],
            },
          },
          orders: { instances: [{}], log: serviceLog('orders-api', '4.4.0', '/api/v1/orders') },
        },
      }),
    }),
};

export const initSlow: ScenarioDefinition = {
  name: 'init-slow',
  description: 'two slow init containers: Init:0/2, Init:1/2, PodInitializing, then Running',
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'init-slow',
      replicas: 1,
      template: () => ({
        spec: {
          initContainers: [
            { name: 'wait-for-db', image: 'busybox:1.36.1', command: ['sh', '-c', 'until nc -z postgres.shop.svc 5432; do sleep 2; done'] },
            { name: 'fetch-config', image: 'ghcr.io/acme/config-fetcher:1.1.0' },
          ],
          containers: [server('ledger', 'ghcr.io/acme/ledger-api:1.9.2', 8080)],
        },
        behaviors: {
          'wait-for-db': {
            pull: { ms: 900, sizeBytes: 2_155_374 },
            instances: [{ exitAfterMs: 16_000, exitCode: 0 }],
            log: {
              startup: ['waiting for postgres.shop.svc:5432'],
              heartbeat: { everyMs: 2_000, line: () => 'nc: postgres.shop.svc (10.96.14.7:5432): Connection refused' },
              lastWords: ['postgres.shop.svc (10.96.14.7:5432) open'],
            },
          },
          'fetch-config': {
            pull: { ms: 1_300, sizeBytes: 18_445_002 },
            instances: [{ exitAfterMs: 9_000, exitCode: 0 }],
            log: {
              startup: ['fetching config bundle ledger/production from vault'],
              heartbeat: { everyMs: 3_000, line: (n) => `downloaded ${n * 3} of 9 files` },
              lastWords: ['wrote /config/ledger.yaml (4.1 KiB)'],
            },
          },
          ledger: { pull: { ms: 2_000, sizeBytes: 66_301_988 }, instances: [{}], log: serviceLog('ledger-api', '1.9.2', '/api/v1/entries') },
        },
      }),
    }),
};

export const sidecar: ScenarioDefinition = {
  name: 'sidecar',
  description: 'a restartable init container (restartPolicy: Always) runs beside the app and counts in READY (2/2)',
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'sidecar',
      replicas: 1,
      template: () => ({
        spec: {
          initContainers: [
            {
              name: 'log-shipper',
              image: 'fluent/fluent-bit:3.1.9',
              restartPolicy: 'Always',
              resources: { requests: { cpu: '20m', memory: '32Mi' }, limits: { memory: '64Mi' } },
            },
          ],
          containers: [server('billing', 'ghcr.io/acme/billing-api:6.0.3', 8080, { readinessProbe: httpProbe('/ready', 8080, { initialDelaySeconds: 3 }) })],
        },
        behaviors: {
          'log-shipper': {
            pull: { ms: 1_500, sizeBytes: 33_901_450 },
            instances: [{}],
            log: {
              startup: ['Fluent Bit v3.1.9', '[input:tail:tail.0] initializing', '[output:forward:forward.0] worker #0 started'],
              heartbeat: { everyMs: 15_000, line: (n) => `[output:forward:forward.0] flushed ${n * 57} records` },
            },
          },
          billing: { pull: { ms: 2_400, sizeBytes: 71_220_004 }, instances: [{}], log: serviceLog('billing-api', '6.0.3', '/api/v1/invoices') },
        },
      }),
    }),
};

export const unschedulable: ScenarioDefinition = {
  name: 'unschedulable',
  description: 'asks for 64 CPUs: Pending, PodScheduled False Unschedulable, FailedScheduling repeated as a series',
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'unschedulable',
      replicas: 1,
      template: () => ({
        spec: {
          containers: [
            server('trainer', 'ghcr.io/acme/model-trainer:0.3.0', 8080, {
              resources: { requests: { cpu: '64', memory: '128Gi' }, limits: { cpu: '64', memory: '128Gi' } },
            }),
          ],
        },
        behaviors: { trainer: { instances: [{}], log: serviceLog('model-trainer', '0.3.0') } },
      }),
    }),
};
