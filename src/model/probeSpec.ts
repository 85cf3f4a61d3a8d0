// How a probe or a lifecycle hook is written down, in the words of
// `kubectl describe pod` ("http-get http://:8080/healthz delay=0s timeout=1s
// period=10s #success=1 #failure=3"), so a user who knows kubectl reads it at
// a glance. The API server fills in defaults on admission; a pod that arrives
// without them (a recording, a hand-written fixture) gets the same defaults
// here, so the numbers shown are the ones the kubelet really uses.
import type { LifecycleHandler, Probe, ProbeHandler } from './types.js';

/** The API server's defaults for a Probe (k8s.io/kubernetes pkg/apis/core/v1 defaults). */
export const probeDefaults = {
  initialDelaySeconds: 0,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

export interface ProbeTiming {
  initialDelaySeconds: number;
  timeoutSeconds: number;
  periodSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

export function probeTiming(probe: Probe): ProbeTiming {
  return {
    initialDelaySeconds: probe.initialDelaySeconds ?? probeDefaults.initialDelaySeconds,
    timeoutSeconds: probe.timeoutSeconds ?? probeDefaults.timeoutSeconds,
    periodSeconds: probe.periodSeconds ?? probeDefaults.periodSeconds,
    successThreshold: probe.successThreshold ?? probeDefaults.successThreshold,
    failureThreshold: probe.failureThreshold ?? probeDefaults.failureThreshold,
  };
}

/** kubectl's "delay=0s timeout=1s period=10s #success=1 #failure=3". */
export function describeProbeTiming(probe: Probe): string {
  const t = probeTiming(probe);
  return `delay=${t.initialDelaySeconds}s timeout=${t.timeoutSeconds}s period=${t.periodSeconds}s #success=${t.successThreshold} #failure=${t.failureThreshold}`;
}

/** A host:port the way Go's net.JoinHostPort writes it (IPv6 hosts in brackets). */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The action part: "http-get http://:8080/healthz", "tcp-socket :5432", "exec [cat /tmp/healthy]", "grpc <pod>:9090", "sleep 5s". */
export function describeHandler(handler: ProbeHandler | LifecycleHandler): string {
  if (handler.exec) return `exec [${(handler.exec.command ?? []).join(' ')}]`;
  if (handler.httpGet) {
    const { host = '', port, path = '/', scheme = 'HTTP' } = handler.httpGet;
    const portText = String(port);
    const authority = portText === '' ? host : joinHostPort(host, portText);
    const slash = path.startsWith('/') || path === '' ? '' : '/';
    return `http-get ${scheme.toLowerCase()}://${authority}${slash}${path}`;
  }
  if (handler.tcpSocket) return `tcp-socket ${handler.tcpSocket.host ?? ''}:${String(handler.tcpSocket.port)}`;
  if (handler.grpc) {
    const service = handler.grpc.service ? ` ${handler.grpc.service}` : '';
    return `grpc <pod>:${handler.grpc.port}${service}`;
  }
  if ('sleep' in handler && handler.sleep) return `sleep ${handler.sleep.seconds}s`;
  return 'unknown';
}

/** The whole probe on one line, as `kubectl describe pod` prints it. */
export function describeProbe(probe: Probe): string {
  return `${describeHandler(probe)} ${describeProbeTiming(probe)}`;
}
