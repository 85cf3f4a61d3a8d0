// GET …/pods/NAME/log: what a container printed, as the API server proxies it
// from the kubelet: the current instance (or, while it waits to restart, the
// last one), the previous instance with `previous=true`, `tailLines`,
// `limitBytes`, `sinceSeconds`, `timestamps`, and `follow` until the
// container stops. Refusals use the API server's and the kubelet's words.
import type { ServerResponse } from 'node:http';
import type { ContainerStatus, Pod } from '../../model/types.js';
import type { Emulator } from '../emulator.js';
import type { LogLine } from '../logs.js';
import type { StoredObject } from '../store.js';
import { getObject } from './objects.js';
import { pods } from './resources.js';
import { badRequest } from './status.js';

export interface LogRequest {
  container: string;
  previous: boolean;
  follow: boolean;
  timestamps: boolean;
  tailLines?: number;
  limitBytes?: number;
  sinceMs?: number;
}

const isTrue = (value: string | null) => value === 'true' || value === '1';

function nonNegative(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`${name}: Invalid value: "${text}": must be greater than or equal to 0`);
  return n;
}

/** Picks the container the way the API server does, refusing when the choice is ambiguous. */
function chooseContainer(pod: Pod, asked: string | null): string {
  const names = (list: { name: string }[] | undefined) => (list ?? []).map((c) => c.name);
  const app = names(pod.spec.containers);
  const init = names(pod.spec.initContainers);
  const ephemeral = names(pod.spec.ephemeralContainers);
  const name = pod.metadata.name;
  if (asked) {
    if (![...app, ...init, ...ephemeral].includes(asked)) throw badRequest(`container ${asked} is not valid for pod ${name}`);
    return asked;
  }
  if (app.length === 1) return app[0]!;
  if (app.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
  let message = `a container name must be specified for pod ${name}, choose one of: [${app.join(' ')}]`;
  if (init.length > 0) message += ` or one of the init containers: [${init.join(' ')}]`;
  throw badRequest(message);
}

export function parseLogRequest(pod: Pod, query: URLSearchParams, now: number): LogRequest {
  const sinceSeconds = nonNegative(query, 'sinceSeconds');
  const sinceTime = query.get('sinceTime');
  let sinceMs: number | undefined;
  if (sinceSeconds !== undefined) sinceMs = now - sinceSeconds * 1000;
  else if (sinceTime) {
    sinceMs = Date.parse(sinceTime);
    if (Number.isNaN(sinceMs)) throw badRequest(`sinceTime: Invalid value: "${sinceTime}"`);
  }
  const tailLines = nonNegative(query, 'tailLines');
  const limitBytes = nonNegative(query, 'limitBytes');
  return {
    container: chooseContainer(pod, query.get('container')),
    previous: isTrue(query.get('previous')),
    follow: isTrue(query.get('follow')),
    timestamps: isTrue(query.get('timestamps')),
    ...(tailLines !== undefined && { tailLines }),
    ...(limitBytes !== undefined && { limitBytes }),
    ...(sinceMs !== undefined && { sinceMs }),
  };
}

function containerStatus(pod: Pod, container: string): ContainerStatus | undefined {
  const all = [...(pod.status.containerStatuses ?? []), ...(pod.status.initContainerStatuses ?? []), ...(pod.status.ephemeralContainerStatuses ?? [])];
  return all.find((s) => s.name === container);
}

/** Go's RFC3339Nano: fraction without trailing zeros, none at all when whole. */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d+)Z$/, (_, fraction: string) => {
    const trimmed = fraction.replace(/0+$/, '');
    return trimmed ? `.${trimmed}Z` : 'Z';
  });
}

const formatLine = (line: LogLine, timestamps: boolean) => `${timestamps ? `${rfc3339Nano(line.at)} ` : ''}${line.text}\n`;

/** The lines to send up front, after since/tail, or the kubelet's refusal. */
function initialLines(emulator: Emulator, pod: Pod, request: LogRequest): LogLine[] {
  const namespace = pod.metadata.namespace!;
  const name = pod.metadata.name;
  if (!pod.spec.nodeName) throw badRequest(`pod ${name} does not have a host assigned`);
  const lines = emulator.logs.read(namespace, name, request.container, request.previous);
  if (!lines) {
    if (request.previous) throw badRequest(`previous terminated container "${request.container}" in pod "${name}" not found`);
    const reason = containerStatus(pod, request.container)?.state?.waiting?.reason ?? 'ContainerCreating';
    throw badRequest(`container "${request.container}" in pod "${name}" is waiting to start: ${reason}`);
  }
  let selected = request.sinceMs === undefined ? lines : lines.filter((l) => l.at >= request.sinceMs!);
  if (request.tailLines !== undefined) selected = request.tailLines === 0 ? [] : selected.slice(-request.tailLines);
  return selected;
}

/** Whether this version of the pod still runs the container instance being followed. */
function stillRunning(pod: Pod | undefined, container: string, restartCount: number | undefined): boolean {
  const status = pod && containerStatus(pod, container);
  return status?.state?.running !== undefined && status.restartCount === restartCount;
}

/** Answers a log request: at once for a plain read, held open for `follow`. Returns a stopper for server shutdown. */
export function servePodLogs(emulator: Emulator, res: ServerResponse, namespace: string, name: string, query: URLSearchParams): () => void {
  const pod = getObject(emulator.store, pods, namespace, name) as unknown as Pod;
  const request = parseLogRequest(pod, query, emulator.clock.now());
  const lines = initialLines(emulator, pod, request);

  let budget = request.limitBytes ?? Infinity;
  let finished = false;
  const cleanups: (() => void)[] = [];
  const finish = () => {
    if (finished) return;
    finished = true;
    for (const cleanup of cleanups.splice(0)) cleanup();
    if (!res.writableEnded && !res.destroyed) res.end();
  };
  /** Writes within limitBytes; false once the limit is reached. */
  const write = (text: string): boolean => {
    if (budget <= 0) return false;
    const bytes = Buffer.from(text);
    const part = bytes.length > budget ? bytes.subarray(0, budget) : bytes;
    budget -= part.length;
    res.write(part);
    return budget > 0;
  };

  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.on('close', finish);
  let open = true;
  for (const line of lines) if (!(open = write(formatLine(line, request.timestamps)))) break;

  const restartCount = containerStatus(pod, request.container)?.restartCount;
  if (!open || !request.follow || request.previous || !stillRunning(pod, request.container, restartCount)) {
    finish();
    return finish;
  }
  res.flushHeaders();
  const unfollow = emulator.logs.follow(namespace, name, request.container, (line) => {
    if (!write(formatLine(line, request.timestamps))) finish();
  });
  if (unfollow) cleanups.push(unfollow);
  cleanups.push(
    emulator.store.subscribe((change) => {
      const key = change.object.metadata;
      if (change.kind !== 'pods' || key.namespace !== namespace || key.name !== name) return;
      const current = change.type === 'DELETED' ? undefined : (change.object as StoredObject as unknown as Pod);
      if (!stillRunning(current, request.container, restartCount)) finish();
    }),
  );
  return finish;
}
