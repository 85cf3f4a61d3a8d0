// The one line a transition reads as in the log: "app: Terminated (Error,
// exit code 1)", "Ready: True → False (ContainersNotReady)". Written from the
// transition's own fields when someone reads it, not when the model makes it:
// a storm makes hundreds of transitions a second and the screen draws a few
// dozen lines, so building every message up front was wasted work and kept
// thousands of strings alive in the bounded history.
import type { ContainerState } from './types.js';
import type { Transition } from './views.js';

/** A transition's fields, plus what its message needs that no field says. */
export interface MessageParts extends Omit<Transition, 'message'> {
  /** PhaseChanged: the phase before; PodReasonChanged: the reason before. */
  readonly was?: string;
  /** PodReasonChanged: the pod's status.message (one line). */
  readonly note?: string;
}

/** Messages from the cluster can span lines (termination logs); a timeline line cannot. */
export function oneLine(text: string): string {
  return text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ').trim() : text;
}

/** Conditions whose message only lists containers, which the container lines already say. */
const CONTAINER_LIST_CONDITIONS = new Set(['Ready', 'ContainersReady', 'Initialized']);

/** "Terminated (Error, exit code 1)", "Waiting (CrashLoopBackOff: back-off 10s …)", "Running". */
export function describeState(state: ContainerState): string {
  if (state.terminated) {
    const t = state.terminated;
    const parts = [t.reason, `exit code ${t.exitCode}`, t.signal ? `signal ${t.signal}` : undefined].filter(Boolean);
    return `Terminated (${parts.join(', ')})`;
  }
  if (state.running) return 'Running';
  if (state.waiting) {
    const { reason, message } = state.waiting;
    if (!reason) return 'Waiting';
    return message ? `Waiting (${reason}: ${oneLine(message)})` : `Waiting (${reason})`;
  }
  return 'Unknown';
}

function conditionMessage(condition: NonNullable<Transition['condition']>): string {
  const { type, from, to, reason, message } = condition;
  const flipped = from !== to;
  const showMessage = message !== undefined && (!CONTAINER_LIST_CONDITIONS.has(type) || !reason);
  const detail = reason || showMessage ? ` (${[reason, showMessage ? message : undefined].filter(Boolean).join(': ')})` : '';
  return `${type}: ${from && flipped ? `${from} → ${to}` : to}${detail}`;
}

/** The log line of a transition, in Kubernetes' words. */
export function transitionMessage(t: MessageParts): string {
  const name = t.container?.name ?? '';
  switch (t.kind) {
    case 'PodCreated':
      return 'Pod created';
    case 'PhaseChanged':
      return t.was ? `Phase: ${t.was} → ${t.reason}` : `Phase: ${t.reason}`;
    case 'PodReasonChanged':
      // A Normal reason change is one that cleared the reason.
      if (t.type === 'Normal') return `Reason cleared (was ${t.was ?? ''})`;
      return t.note ? `${t.reason}: ${t.note}` : t.reason;
    case 'ConditionChanged':
      return t.condition ? conditionMessage(t.condition) : t.reason;
    case 'ContainerStateChanged':
      return `${name}: ${t.state?.to ? describeState(t.state.to) : 'Unknown'}`;
    case 'ContainerRestarted':
      return `${name}: Restarted (restartCount ${t.restartCount ?? 0})`;
    case 'ContainerReadyChanged': {
      const ready = t.reason === 'Ready';
      return `${name}: ready ${!ready} → ${ready}`;
    }
    case 'ContainerStartedChanged': {
      const started = t.reason === 'Started';
      return `${name}: started ${!started} → ${started}`;
    }
    case 'DeletionRequested':
      return t.gracePeriodSeconds !== undefined ? `Deletion requested (grace period ${t.gracePeriodSeconds}s)` : 'Deletion requested';
    case 'PodRemoved':
      return 'Pod deleted';
  }
}
