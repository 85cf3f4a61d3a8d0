// What each container instance printed, kept per pod/container/instance so the
// log endpoint can serve the current instance, the previous one
// (`previous=true`, the crash's last words) and follow new lines.

export interface LogLine {
  /** Emulated time the line was written (ms). */
  at: number;
  text: string;
}

export type LogListener = (line: LogLine) => void;

interface Instance {
  lines: LogLine[];
  listeners: Set<LogListener>;
}

const key = (namespace: string, pod: string, container: string) => `${namespace}/${pod}/${container}`;

export class ContainerLogs {
  /** Instances per container, oldest first; only the last two matter to the API, as in a kubelet. */
  private readonly instances = new Map<string, Instance[]>();

  constructor(private readonly maxLinesPerInstance = 5_000) {}

  /** A new container instance starts writing; the one before becomes `previous`. */
  startInstance(namespace: string, pod: string, container: string): void {
    const list = this.instances.get(key(namespace, pod, container)) ?? [];
    list.push({ lines: [], listeners: new Set() });
    while (list.length > 2) list.shift();
    this.instances.set(key(namespace, pod, container), list);
  }

  append(namespace: string, pod: string, container: string, line: LogLine): void {
    const list = this.instances.get(key(namespace, pod, container));
    const current = list?.[list.length - 1];
    if (!current) throw new Error(`no running instance of ${key(namespace, pod, container)}`);
    current.lines.push(line);
    if (current.lines.length > this.maxLinesPerInstance) current.lines.shift();
    for (const listener of current.listeners) listener(line);
  }

  /** Lines of the current instance, or of the previous one; undefined when there is no such instance. */
  read(namespace: string, pod: string, container: string, previous = false): LogLine[] | undefined {
    const list = this.instances.get(key(namespace, pod, container));
    if (!list) return undefined;
    const instance = previous ? (list.length >= 2 ? list[list.length - 2] : undefined) : list[list.length - 1];
    return instance?.lines;
  }

  /** Follows the current instance; returns an unsubscribe function, or undefined when none runs. */
  follow(namespace: string, pod: string, container: string, listener: LogListener): (() => void) | undefined {
    const list = this.instances.get(key(namespace, pod, container));
    const current = list?.[list.length - 1];
    if (!current) return undefined;
    current.listeners.add(listener);
    return () => current.listeners.delete(listener);
  }

  /** Forgets a pod's logs (the pod was removed). */
  forgetPod(namespace: string, pod: string): void {
    const prefix = `${namespace}/${pod}/`;
    for (const k of this.instances.keys()) if (k.startsWith(prefix)) this.instances.delete(k);
  }
}
