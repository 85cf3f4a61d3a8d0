// The faults real clusters and networks have, on demand: the API server asks
// this controller at each point where such a fault could strike, and acts on
// the answer. Given a `random` function the answers are deterministic, so a
// test can replay the same storm of faults.

/** Same names as the CLI's FaultName (src/cli.ts). */
export type FaultKind = 'drop' | 'expire' | 'error' | 'slow' | 'garbage';

export interface FaultOptions {
  /** Chance (0..1) that the fault strikes at each point it could. Default 0.02. */
  rate?: number;
  /** Source of randomness in [0, 1); Math.random when absent. */
  random?: () => number;
  /**
   * For `drop`: 'cut' (default) writes half a line and closes the connection;
   * 'silent' stops writing but keeps the connection open, like a TCP stream
   * that died quietly (no error, no bookmark, no end), which only a client's
   * idle timer notices.
   */
  dropMode?: DropMode;
}

export type DropMode = 'cut' | 'silent';

interface ActiveFault {
  rate: number;
  random: () => number;
  dropMode: DropMode;
}

export type AuthFailure = 401 | 403;

/** Narrows a 403 the way RBAC often does, e.g. namespace reads allowed but cluster-wide lists forbidden. */
export interface ForbiddenScope {
  /** Only requests without a namespace (cluster-wide lists and watches) are refused. */
  clusterWideOnly?: boolean;
  /** Only these resources are refused, as `resource` or `resource.group`: "pods", "events", "events.events.k8s.io". */
  resources?: string[];
}

/** What the API server asks about a request before answering it. */
export interface AuthRequest {
  resource: string;
  group: string;
  namespace: string | undefined;
}

const DEFAULT_RATE = 0.02;
/** How long a `slow` stall lasts: a few hundred ms up to a couple of seconds. */
const STALL_MIN_MS = 200;
const STALL_MAX_MS = 2_000;

export class FaultController {
  private readonly faults = new Map<FaultKind, ActiveFault>();
  private auth: AuthFailure | undefined;
  private forbiddenScope: ForbiddenScope = {};

  /** Turns faults on (again, with new options when already on). */
  enable(kinds: FaultKind[], options: FaultOptions = {}): void {
    const rate = options.rate ?? DEFAULT_RATE;
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`fault rate must be within 0..1, got ${rate}`);
    for (const kind of kinds) this.faults.set(kind, { rate, random: options.random ?? Math.random, dropMode: options.dropMode ?? 'cut' });
  }

  /** Turns the given faults off, or all of them. */
  disable(kinds?: FaultKind[]): void {
    if (!kinds) this.faults.clear();
    else for (const kind of kinds) this.faults.delete(kind);
  }

  /**
   * 401: every request is Unauthorized (an expired token). 403: resource
   * requests are Forbidden, all of them or those in `scope`. undefined: allowed again.
   */
  setAuthFailure(status: AuthFailure | undefined, scope: ForbiddenScope = {}): void {
    this.auth = status;
    this.forbiddenScope = scope;
  }

  get authFailure(): AuthFailure | undefined {
    return this.auth;
  }

  /** Whether RBAC refuses this resource request (only while a 403 is set). */
  forbids(request: AuthRequest): boolean {
    if (this.auth !== 403) return false;
    const { clusterWideOnly, resources } = this.forbiddenScope;
    if (clusterWideOnly && request.namespace !== undefined) return false;
    const name = request.group ? `${request.resource}.${request.group}` : request.resource;
    return !resources || resources.includes(name);
  }

  get active(): ReadonlySet<FaultKind> {
    return new Set(this.faults.keys());
  }

  /** Whether `kind` strikes at this point (one draw of its random function). */
  strikes(kind: FaultKind): boolean {
    const fault = this.faults.get(kind);
    return fault !== undefined && fault.random() < fault.rate;
  }

  /** For a `drop` strike: cut the connection, or go quiet on it. */
  dropMode(): DropMode {
    return this.faults.get('drop')?.dropMode ?? 'cut';
  }

  /** For an `error` strike: which failure the API server answers. */
  errorStatus(): 500 | 429 {
    const fault = this.faults.get('error');
    return (fault?.random() ?? 0) < 0.5 ? 500 : 429;
  }

  /** For a `slow` strike at a write: how long to stall first (0 when it does not strike). */
  stallMs(): number {
    const fault = this.faults.get('slow');
    if (!fault || !(fault.random() < fault.rate)) return 0;
    return STALL_MIN_MS + Math.floor(fault.random() * (STALL_MAX_MS - STALL_MIN_MS));
  }
}
