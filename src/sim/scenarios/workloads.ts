// Pods that run: the healthy Deployment and the one whose readiness flaps.
import { startReplicaSet } from './replicaSet.js';
import { accessLog, httpProbe, server, serviceLog } from './containers.js';
import type { ScenarioContext, ScenarioDefinition } from './types.js';

/** A Deployment of nginx replicas that start and stay Ready (also the demo's background). */
export function startWebDeployment(context: ScenarioContext, deployment: string, replicas: number): void {
  startReplicaSet(context, {
    deployment,
    replicas,
    template: () => ({
      spec: {
        containers: [server('nginx', 'nginx:1.27.3', 80, { readinessProbe: httpProbe('/', 80, { initialDelaySeconds: 2 }) })],
      },
      behaviors: { nginx: { pull: { ms: 2_300, sizeBytes: 72_955_450 }, instances: [{}], log: accessLog('1.27.3') } },
    }),
  });
}

export const healthy: ScenarioDefinition = {
  name: 'healthy',
  description: 'three nginx replicas: scheduled, pulling, pulled, created, started, Ready',
  start: (context) => startWebDeployment(context, 'healthy', 3),
};

export const readiness: ScenarioDefinition = {
  name: 'readiness',
  description: 'readiness probe flaps (40s ready, 20s not): Ready True/False with ContainersNotReady, no restarts',
  start: (context) =>
    startReplicaSet(context, {
      deployment: 'readiness',
      replicas: 1,
      template: () => ({
        spec: {
          containers: [
            server('search', 'ghcr.io/acme/search-api:5.1.0', 8080, {
              readinessProbe: httpProbe('/ready', 8080, { periodSeconds: 5, failureThreshold: 2 }),
            }),
          ],
        },
        behaviors: {
          search: {
            pull: { ms: 3_100, sizeBytes: 118_332_907 },
            instances: [{ readinessFlaps: { readyMs: 40_000, notReadyMs: 20_000 } }],
            log: {
              ...serviceLog('search-api', '5.1.0', '/api/v1/search'),
              heartbeat: {
                everyMs: 5_000,
                line: (n) =>
                  n % 12 >= 8
                    ? `{"level":"warn","msg":"GET /ready 503","reason":"index segment merge in progress","pending_segments":${n % 5 + 2}}`
                    : `{"level":"info","msg":"GET /api/v1/search 200","hits":${(n * 13) % 90}}`,
              },
            },
          },
        },
      }),
    }),
};
