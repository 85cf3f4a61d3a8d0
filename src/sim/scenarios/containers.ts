// Building blocks the scenarios share: container specs with probes and
// resources, and the log lines typical programs print.
import type { Container, Probe } from '../../model/types.js';
import type { ContainerLog } from '../kubelet/behavior.js';

export function httpProbe(path: string, port: number, extra: Partial<Probe> = {}): Probe {
  return {
    httpGet: { path, port, scheme: 'HTTP' },
    initialDelaySeconds: 0,
    periodSeconds: 10,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
    ...extra,
  };
}

/** A web server container: port, modest requests, a memory limit (Burstable). */
export function server(name: string, image: string, port: number, extra: Partial<Container> = {}): Container {
  return {
    name,
    image,
    ports: [{ containerPort: port, name: 'http', protocol: 'TCP' }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    ...extra,
  };
}

const clock = (at: number) => new Date(at).toISOString();

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx's $time_local in UTC: 25/Nov/2026:10:01:04 +0000. */
function timeLocal(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** nginx-style access log: the kubelet's probes are most of what a quiet server sees. */
export function accessLog(version: string): ContainerLog {
  return {
    startup: [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `nginx/${version} start worker processes`,
    ],
    heartbeat: {
      everyMs: 10_000,
      line: (_n, at) => `10.244.0.1 - - [${timeLocal(at)}] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.32"`,
    },
    onSigterm: ['signal 3 (SIGQUIT) received, shutting down', 'gracefully shutting down', 'exit'],
  };
}

/** A service that logs a request line every few seconds. */
export function serviceLog(service: string, version: string, path = '/api/v1/items'): ContainerLog {
  return {
    startup: [
      `{"level":"info","msg":"starting ${service}","version":"${version}"}`,
      '{"level":"info","msg":"connected to postgres","host":"postgres.shop.svc","pool":10}',
      '{"level":"info","msg":"listening","addr":":8080"}',
    ],
    heartbeat: {
      everyMs: 5_000,
      line: (n, at) => `{"level":"info","ts":"${clock(at)}","msg":"request","method":"GET","path":"${path}","status":200,"ms":${(n * 7) % 40 + 3}}`,
    },
    onSigterm: ['{"level":"info","msg":"SIGTERM received, draining connections"}'],
  };
}
