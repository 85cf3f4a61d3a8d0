// The kubelet's image manager for one container start: "already present on
// machine" when the node has the image, else Pulling and Pulled, or a failed
// pull: ErrImagePull, then ImagePullBackOff while the pull back-off (10 s
// doubling to 300 s, per pod and image) lasts, then another try.
import type { ContainerBehavior } from './behavior.js';
import type { RestartBackOff } from './backoff.js';
import type { Node } from './cluster.js';
import type { EventType } from './recorder.js';
import type { Timers } from './timers.js';

export interface ImageRequest {
  image: string;
  pull: ContainerBehavior['pull'];
  node: Node;
  backOff: RestartBackOff;
  /** The pod worker's timers (a DELETE cancels a pull in progress). */
  timers: Timers;
  now(): number;
  event(type: EventType, reason: string, message: string): void;
  /** Writes the container's waiting state (ErrImagePull / ImagePullBackOff) when it changes. */
  waiting(reason: string, message: string): void;
  /** The image is there: create the container. */
  ready(): void;
}

const DEFAULT_PULL = { ms: 1_200, sizeBytes: 48_203_113 };
const PULL_FAILS_AFTER_MS = 1_500;
/** After a failure the next sync comes a second later; a backing-off pod is re-synced every 10 s. */
const SYNC_MS = 1_000;
const RESYNC_MS = 10_000;

export function ensureImage(request: ImageRequest): void {
  if (request.node.images.has(request.image)) {
    request.event('Normal', 'Pulled', `Container image "${request.image}" already present on machine`);
    request.ready();
    return;
  }
  pull(request);
}

function pull(request: ImageRequest): void {
  const { image, timers } = request;
  request.event('Normal', 'Pulling', `Pulling image "${image}"`);
  const plan = request.pull ?? DEFAULT_PULL;
  if ('failure' in plan) {
    timers.after(PULL_FAILS_AFTER_MS, () => pullFailed(request, plan.failure));
    return;
  }
  timers.after(plan.ms, () => {
    request.node.images.add(image);
    // The kubelet truncates the pull time to milliseconds and prints it as a Go duration.
    const took = `${plan.ms / 1000}s`;
    const size = plan.sizeBytes ?? DEFAULT_PULL.sizeBytes;
    request.event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${size} bytes.`);
    request.ready();
  });
}

function pullFailed(request: ImageRequest, failure: string): void {
  const { image, timers, backOff } = request;
  const failedAt = request.now();
  backOff.next(failedAt);
  request.event('Warning', 'Failed', `Failed to pull image "${image}": ${failure}`);
  request.event('Warning', 'Failed', 'Error: ErrImagePull');
  request.waiting('ErrImagePull', failure);
  const retryAt = failedAt + backOff.currentMs;
  const sync = () => {
    const now = request.now();
    if (now >= retryAt) {
      pull(request);
      return;
    }
    const message = `Back-off pulling image "${image}"`;
    request.event('Normal', 'BackOff', message);
    request.event('Warning', 'Failed', 'Error: ImagePullBackOff');
    request.waiting('ImagePullBackOff', message);
    timers.after(Math.min(RESYNC_MS, retryAt - now), sync);
  };
  timers.after(SYNC_MS, sync);
}
