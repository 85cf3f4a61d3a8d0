// How the model keeps a transition. A busy cluster makes hundreds a second and
// the history keeps tens of thousands, so each is one small object of one
// shape: it is the transition and, once the reducer places it in its pod's
// timeline, also that timeline's line (no second object around it). Its
// message and id are written when read, not stored.
import { transitionMessage, type MessageParts } from './transitionMessage.js';
import type { Pod } from './types.js';
import type { Transition, TransitionEntry } from './views.js';

export type TransitionDetails = Pick<MessageParts, 'container' | 'condition' | 'state' | 'restartCount' | 'gracePeriodSeconds' | 'was' | 'note'>;

/** What every transition of one pod version shares. */
export interface VersionFacts {
  readonly observedAt: number;
  readonly resourceVersion: string;
  /** The version that showed the transitions. */
  readonly pod: Pod;
}

/** The id of the `index`-th line of pod version `seq`: unique across pods, as seq counts every version of every pod. */
export const transitionLineId = (seq: number, index: number): string => `t${seq}.${index}`;

export class DerivedTransition implements MessageParts, TransitionEntry {
  readonly source = 'transition';
  readonly observedAt: number;
  readonly resourceVersion: string;
  readonly pod: Pod;
  readonly container: MessageParts['container'];
  readonly condition: MessageParts['condition'];
  readonly state: MessageParts['state'];
  readonly restartCount: number | undefined;
  readonly gracePeriodSeconds: number | undefined;
  readonly was: string | undefined;
  readonly note: string | undefined;
  // Set once, by placeInTimeline, before anyone else sees the object.
  podKey = '';
  seq = -1;
  private index = 0;

  constructor(
    version: VersionFacts,
    readonly kind: Transition['kind'],
    readonly at: number,
    readonly type: Transition['type'],
    readonly reason: string,
    details: TransitionDetails | undefined,
  ) {
    this.observedAt = version.observedAt;
    this.resourceVersion = version.resourceVersion;
    this.pod = version.pod;
    this.container = details?.container;
    this.condition = details?.condition;
    this.state = details?.state;
    this.restartCount = details?.restartCount;
    this.gracePeriodSeconds = details?.gracePeriodSeconds;
    this.was = details?.was;
    this.note = details?.note;
  }

  get message(): string {
    return transitionMessage(this);
  }

  /** As a timeline line, the transition is its own. */
  get transition(): Transition {
    return this;
  }

  get id(): string {
    return transitionLineId(this.seq, this.index);
  }

  /**
   * This transition as the `index`-th line of version `seq` of pod `podKey`,
   * shown by `pod`; undefined when it already is a line (or shows another
   * version), and a separate line must be made.
   */
  placeInTimeline(podKey: string, pod: Pod, seq: number, index: number): TransitionEntry | undefined {
    if (this.seq !== -1 || pod !== this.pod) return undefined;
    this.podKey = podKey;
    this.seq = seq;
    this.index = index;
    return this;
  }
}
