// The emulated cluster's nodes: names, addresses, pod CIDRs, capacity, and
// whether their kubelet still reports. The scheduler places pods on them;
// the pod worker takes host and pod IPs from them.

export interface Node {
  name: string;
  /** status.addresses InternalIP, the pods' hostIP. */
  internalIP: string;
  /** Allocatable millicores, checked by the scheduler. */
  allocatableMilliCpu: number;
  /** Only pods that ask for it (by nodeName) land here: node-lost keeps its own node. */
  reserved: boolean;
  /** The kubelet stopped reporting (node-lost). */
  lost: boolean;
  /** spec.podCIDR's third octet: node-1 has 10.244.1.0/24. */
  cidrIndex: number;
  nextHost: number;
  /** Images pulled on this node: a later container finds them "already present on machine". */
  images: Set<string>;
}

export class Nodes {
  readonly all: Node[] = [];

  constructor(count = 3, reserved: readonly string[] = []) {
    for (let i = 1; i <= count; i++) this.add(`node-${i}`, false);
    for (const name of reserved) this.add(name, true);
  }

  get(name: string): Node | undefined {
    return this.all.find((node) => node.name === name);
  }

  /** Nodes a pod without a nodeName may go to. */
  get schedulable(): Node[] {
    return this.all.filter((node) => !node.reserved && !node.lost);
  }

  /** Next free pod IP on the node's /24 (from .2; .1 is the bridge). */
  allocatePodIP(node: Node): string {
    const host = node.nextHost;
    node.nextHost = host >= 254 ? 2 : host + 1;
    return `10.244.${node.cidrIndex}.${host}`;
  }

  private add(name: string, reserved: boolean): void {
    const index = this.all.length + 1;
    this.all.push({
      name,
      internalIP: `10.0.0.${10 + index}`,
      allocatableMilliCpu: 3_920,
      reserved,
      lost: false,
      cidrIndex: index,
      nextHost: 2,
      images: new Set(),
    });
  }
}
