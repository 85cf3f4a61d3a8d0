// Containers that die and come back: a crash loop, a liveness kill, a failing
// postStart hook and the OOM killer.
import { startReplicaSet } from './replicaSet.js';
import { httpProbe, server, serviceLog } from './containers.js';
import type { ScenarioDefinition } from './types.js';

export const crashloop: ScenarioDefinition = {
  name: 'crashloop',
  description: 'the app exits 1 a few seconds after start: restarts with back-off 10s, 20s, 40s … 300s, CrashLoopBackOff',
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'crashloop',
      replicas: 1,
      template: () => ({
        spec: { containers: [server('app', 'ghcr.io/acme/payments-worker:3.2.0', 8080)] },
        behaviors: {
          app: {
            pull: { ms: 1_800, sizeBytes: 61_020_331 },
            instances: [{ exitAfterMs: 4_000, exitCode: 1 }],
            log: {
              startup: [
                'payments-worker 3.2.0 starting (node v20.18.1, pid 1)',
                'loading config from /etc/payments/config.yaml',
                'connecting to postgres at postgres.shop.svc:5432 ...',
              ],
              lastWords: [
                'Error: connect ECONNREFUSED 10.96.14.7:5432',
                '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)',
                '    at Pool.connect (/app/node_modules/pg-pool/index.js:45:11)',
                '    at async Worker.start (/app/dist/worker.js:88:5)',
                'fatal: could not connect to database, exiting with code 1',
              ],
            },
          },
        },
      }),
    }),
};

export const liveness: ScenarioDefinition = {
  name: 'liveness',
  description: 'a server that stops answering: liveness failures, killed and restarted, CrashLoopBackOff, then Running again',
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'liveness',
      replicas: 1,
      template: () => ({
        spec: {
          terminationGracePeriodSeconds: 10,
          containers: [
            server('api', 'ghcr.io/acme/inventory-api:2.0.1', 8080, {
              livenessProbe: httpProbe('/healthz', 8080, { initialDelaySeconds: 5, periodSeconds: 5 }),
            }),
          ],
        },
        behaviors: {
          api: {
            pull: { ms: 2_600, sizeBytes: 84_117_204 },
            // A deadlocked server ignores SIGTERM: the kubelet's SIGKILL ends it (137).
            sigterm: 'ignored',
            instances: [{ livenessFailsAfterMs: 20_000 }, { livenessFailsAfterMs: 15_000 }, {}],
            log: {
              ...serviceLog('inventory-api', '2.0.1', '/api/v1/stock'),
              onSigterm: ['{"level":"warn","msg":"SIGTERM received but request workers are blocked on the pool lock"}'],
            },
          },
        },
      }),
    }),
};

export const postStartHook: ScenarioDefinition = {
  name: 'poststart-hook',
  description: 'the postStart hook fails three times (FailedPostStartHook, killed, restarted), then succeeds',
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'poststart-hook',
      replicas: 1,
      template: () => ({
        spec: {
          containers: [
            server('cache', 'ghcr.io/acme/cache-warmer:1.3.0', 8080, {
              lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', '/opt/warm-cache.sh --from redis://redis.shop.svc:6379'] } } },
            }),
          ],
        },
        behaviors: {
          cache: {
            pull: { ms: 1_400, sizeBytes: 40_554_120 },
            postStartMs: 2_000,
            sigterm: { afterMs: 300, exitCode: 143 },
            instances: [{ postStartFails: true }, { postStartFails: true }, { postStartFails: true }, {}],
            log: {
              startup: ['cache-warmer 1.3.0 listening on :8080', 'waiting for warm-up hook to populate /var/cache/app'],
              heartbeat: { everyMs: 5_000, line: (n) => `served ${n * 41} cache hits, ${n % 3} misses` },
              onSigterm: ['caught SIGTERM before warm-up finished, exiting 143'],
            },
          },
        },
      }),
    }),
};

export const oomkilled: ScenarioDefinition = {
  name: 'oomkilled',
  description: 'the app allocates past its 256Mi limit: terminated OOMKilled (exit 137), restarted with back-off',
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'oomkilled',
      replicas: 1,
      template: () => ({
        spec: {
          containers: [
            server('report', 'ghcr.io/acme/report-builder:0.9.4', 8080, {
              resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '250m', memory: '256Mi' } },
            }),
          ],
        },
        behaviors: {
          report: {
            pull: { ms: 2_200, sizeBytes: 97_402_671 },
            instances: [{ exitAfterMs: 13_000, oomKilled: true }],
            log: {
              startup: ['report-builder 0.9.4: building monthly report for 2026-10', 'loading 1,204,331 order rows'],
              heartbeat: { everyMs: 2_000, line: (n) => `allocated ${n * 40} MiB for row batches (rss ${n * 40 + 38} MiB, limit 256 MiB)` },
            },
          },
        },
      }),
    }),
};
