// The containers section, as pane lines: for each container its image, what
// it is doing and what it did last, how the kubelet checks it (probes), what
// runs around it (hooks), what it may use, and what went wrong with each.
// Labels sit in one column so the eye can run down "state / last / liveness".
import { humanDuration } from '../../model/duration.js';
import type { ContainerDetail, Failures, StateDetail } from '../../model/containerDetails.js';
import { statusHealth } from '../../model/statusHealth.js';
import type { ContainerInstance, ContainerKind } from '../../model/views.js';
import { wrapLine, type PaneLine, type Span } from '../spans.js';
import { timeText } from '../conditions/timeText.js';
import { healthColor, mutedColor, warningColor, type Theme } from '../theme.js';

export interface LineContext {
  now: number;
  absoluteTimes: boolean;
  theme: Theme;
  /** Cells per line: long messages wrap under their label instead of being cut. */
  width: number;
}

/** Width of the label column ("readiness" and "postStart" are the longest labels). */
const LABEL_WIDTH = 10;
const INDENT = '  ';

const kindTag: Readonly<Record<ContainerKind, string>> = {
  init: 'init',
  sidecar: 'sidecar',
  app: '',
  ephemeral: 'ephemeral',
};

function label(text: string, ctx: LineContext): Span {
  return { text: `${INDENT}${text.padEnd(LABEL_WIDTH)}`, color: mutedColor(ctx.theme) };
}

/** Continuation lines under a label: the label column left blank, wrapped to the width. */
function continued(spans: Span[], ctx: LineContext): PaneLine[] {
  const indent = INDENT.length + LABEL_WIDTH;
  return wrapLine([{ text: ' '.repeat(indent) }, ...spans], ctx.width, indent);
}

/**
 * Coloured as the pod list colours STATUS (statusHealth): a container
 * running and ready green, on its way or not ready yellow, a back-off or a
 * failed exit red, a clean exit plain.
 */
/** A labelled value that may be long (a command line): wrapped under its label, two rows at most. */
function continuedUnder(title: string, text: string, ctx: LineContext): PaneLine[] {
  return wrapLine([label(title, ctx), { text }], ctx.width, INDENT.length + LABEL_WIDTH, 2);
}

function stateColor(state: StateDetail, ready: boolean | undefined, theme: Theme): string | undefined {
  switch (state.kind) {
    case 'running':
      return healthColor(theme, statusHealth('Running', ready === false ? 0 : 1, 1, ready !== false));
    case 'waiting':
      return healthColor(theme, statusHealth(state.reason ?? '', 0, 1, false));
    case 'terminated':
      return healthColor(theme, state.exitCode === 0 && !state.signal ? 'finished' : 'failing');
  }
}

/** "Terminated: Error, exit code 1", "Terminated: OOMKilled, exit code 137 (SIGKILL)", "Waiting: CrashLoopBackOff", "Running". */
export function stateHeadline(state: StateDetail): string {
  switch (state.kind) {
    case 'running':
      return 'Running';
    case 'waiting':
      return state.reason ? `Waiting: ${state.reason}` : 'Waiting';
    case 'terminated': {
      const parts = [state.reason, `exit code ${state.exitCode}`].filter(Boolean).join(', ');
      const signal = state.signal ? `, signal ${state.signal}` : '';
      const name = state.exitSignal ? ` (${state.exitSignal})` : '';
      return `Terminated: ${parts}${signal}${name}`;
    }
  }
}

/** When it started, finished and how long it ran (a running container's age counts up with `now`). */
export function stateTimes(state: StateDetail, ctx: LineContext): string {
  const parts: string[] = [];
  if (state.startedAt !== undefined) parts.push(`started ${timeText(state.startedAt, ctx.now, ctx.absoluteTimes)}`);
  if (state.finishedAt !== undefined) parts.push(`finished ${timeText(state.finishedAt, ctx.now, ctx.absoluteTimes)}`);
  if (state.ranFor !== undefined) parts.push(`ran ${humanDuration(state.ranFor)}`);
  // Relative times already say how long it runs; next to a wall-clock time the duration is worth its space.
  else if (state.kind === 'running' && state.startedAt !== undefined && ctx.absoluteTimes) {
    parts.push(`running ${humanDuration(ctx.now - state.startedAt)}`);
  }
  return parts.join(', ');
}

function stateLines(title: string, state: StateDetail, ready: boolean | undefined, ctx: LineContext): PaneLine[] {
  const times = stateTimes(state, ctx);
  const lines: PaneLine[] = [
    [
      label(title, ctx),
      { text: stateHeadline(state), color: stateColor(state, ready, ctx.theme), bold: title === 'state' },
      ...(times ? [{ text: `  ${times}`, color: mutedColor(ctx.theme) }] : []),
    ],
  ];
  // A termination message (/dev/termination-log) or a waiting message can span lines: each gets its own.
  for (const messageLine of (state.message ?? '').split('\n')) {
    if (messageLine.trim() !== '') lines.push(...continued([{ text: messageLine }], ctx));
  }
  return lines;
}

function failureLines(failures: Failures, ctx: LineContext): PaneLine[] {
  const { latest, count, lastAt } = failures;
  const cross = ctx.theme.ascii ? '!' : '✗';
  const times = ctx.theme.ascii ? 'x' : '×';
  return continued([
    { text: `${cross} ${count}${times}, latest ${timeText(lastAt, ctx.now, ctx.absoluteTimes)}: `, color: warningColor(ctx.theme), bold: true },
    { text: latest.message },
  ], ctx);
}

/** How many finished instances the "seen" lines list, newest first. */
export const SEEN_INSTANCES = 4;

/** "#3 Error, exit code 1, ran 12s, ended 4m48s ago" and what killed it, if an Event says. */
function instanceLine(instance: ContainerInstance, ctx: LineContext, first: boolean): PaneLine[] {
  const how = [instance.reason, instance.exitCode !== undefined ? `exit code ${instance.exitCode}` : undefined].filter(Boolean).join(', ');
  const parts = [how || 'ended'];
  if (instance.ranFor !== undefined) parts.push(`ran ${humanDuration(instance.ranFor)}`);
  if (instance.finishedAt !== undefined) parts.push(`ended ${timeText(instance.finishedAt, ctx.now, ctx.absoluteTimes)}`);
  const failed = instance.exitCode !== undefined && instance.exitCode !== 0;
  const spans: Span[] = [
    first ? label('seen', ctx) : { text: INDENT + ' '.repeat(LABEL_WIDTH) },
    { text: `#${instance.restartCount} ` },
    { text: parts.join(', '), ...(failed ? { color: warningColor(ctx.theme) } : {}) },
  ];
  if (instance.killedBy) spans.push({ text: ` ${ctx.theme.middleDot} ${instance.killedBy.reason}: ${instance.killedBy.message}` });
  return wrapLine(spans, ctx.width, INDENT.length + LABEL_WIDTH + 2, 2);
}

/**
 * The instances podtui saw end, newest first: the API keeps only the last
 * one (lastState); these say whether every crash looked the same. Shown when
 * they add something: more than one instance, or a kill an Event explains.
 */
function seenLines(instances: readonly ContainerInstance[], ctx: LineContext): PaneLine[] {
  const ended = instances.filter((i) => i.finishedAt !== undefined || i.exitCode !== undefined).reverse();
  if (ended.length < 2 && !ended.some((i) => i.killedBy)) return [];
  const lines = ended.slice(0, SEEN_INSTANCES).flatMap((instance, i) => instanceLine(instance, ctx, i === 0));
  if (ended.length > SEEN_INSTANCES) {
    lines.push(continued([{ text: `and ${ended.length - SEEN_INSTANCES} earlier`, color: mutedColor(ctx.theme) }], ctx)[0] ?? []);
  }
  return lines;
}

function yesNo(value: boolean | undefined): string {
  return value === undefined ? '-' : value ? 'true' : 'false';
}

function amountsText(amounts: ContainerDetail['requests']): string {
  return amounts.map((a) => `${a.resource}=${a.quantity}`).join(' ');
}

/** All lines of one container. */
export function containerLines(detail: ContainerDetail, ctx: LineContext): PaneLine[] {
  const tag = kindTag[detail.kind];
  const lines: PaneLine[] = [
    [
      ...(tag ? [{ text: `${tag} `, color: mutedColor(ctx.theme) }] : []),
      { text: detail.name, bold: true },
      ...(detail.image ? [{ text: `  ${detail.image}`, color: mutedColor(ctx.theme) }] : []),
      ...(detail.imageDigest ? [{ text: ` @${detail.imageDigest}`, color: mutedColor(ctx.theme) }] : []),
    ],
  ];
  const status = detail.status;
  if (!status) {
    lines.push([label('state', ctx), { text: 'not reported by the kubelet yet', color: mutedColor(ctx.theme) }]);
  } else {
    if (status.state) lines.push(...stateLines('state', status.state, status.ready, ctx));
    if (status.lastState) lines.push(...stateLines('last', status.lastState, undefined, ctx));
    lines.push(...seenLines(detail.instances, ctx));
    lines.push([
      label('restarts', ctx),
      { text: String(status.restartCount), bold: status.restartCount > 0 },
      { text: `  ready ${yesNo(status.ready)}  started ${yesNo(status.started)}` },
    ]);
  }
  // What it runs and listens on, next to the probes that use those ports.
  if (detail.command !== undefined) lines.push(...continuedUnder('command', detail.command, ctx));
  if (detail.ports.length > 0) lines.push([label('ports', ctx), { text: detail.ports.join(', ') }]);
  for (const probe of detail.probes) {
    lines.push([label(probe.probe, ctx), { text: probe.handler }, { text: ` ${probe.timing}`, color: mutedColor(ctx.theme) }]);
    if (probe.failures) lines.push(...failureLines(probe.failures, ctx));
  }
  for (const hook of detail.hooks) {
    lines.push([label(hook.hook, ctx), { text: hook.handler }]);
    if (hook.failures) lines.push(...failureLines(hook.failures, ctx));
  }
  if (detail.requests.length > 0) lines.push([label('requests', ctx), { text: amountsText(detail.requests) }]);
  if (detail.limits.length > 0) lines.push([label('limits', ctx), { text: amountsText(detail.limits) }]);
  return lines;
}

/** A state in a word or two: "CrashLoopBackOff", "Running", "Error (exit 1)", "Completed". */
function stateWord(state: StateDetail): string {
  if (state.kind === 'running') return 'Running';
  if (state.kind === 'waiting') return state.reason ?? 'Waiting';
  const exit = `exit ${state.exitCode}`;
  if (!state.reason) return `Terminated (${exit})`;
  return state.exitCode === 0 ? state.reason : `${state.reason} (${exit})`;
}

/**
 * One line per container, for the top of the pane where even an 80x24
 * terminal shows it: what it does now, how it last ended, restarts, ready.
 */
export function containerSummary(detail: ContainerDetail, ctx: LineContext): PaneLine {
  const tag = kindTag[detail.kind];
  const dot = ` ${ctx.theme.middleDot} `;
  const spans: Span[] = [
    ...(tag ? [{ text: `${tag} `, color: mutedColor(ctx.theme) }] : []),
    { text: detail.name, bold: true },
    { text: '  ' },
  ];
  const status = detail.status;
  if (!status?.state) {
    spans.push({ text: status ? 'no state yet' : 'not reported yet', color: mutedColor(ctx.theme) });
    return spans;
  }
  spans.push({ text: stateWord(status.state), color: stateColor(status.state, status.ready, ctx.theme), bold: true });
  const last = status.lastState;
  if (last?.kind === 'terminated') {
    const when = last.finishedAt === undefined ? '' : ` ${timeText(last.finishedAt, ctx.now, ctx.absoluteTimes)}`;
    spans.push({ text: `${dot}last ` }, { text: stateWord(last), color: stateColor(last, undefined, ctx.theme) }, { text: when, color: mutedColor(ctx.theme) });
  }
  if (status.restartCount > 0) spans.push({ text: `${dot}restarts ${status.restartCount}` });
  // Ready matters for what is meant to keep running; a finished init container is never ready.
  if (status.state.kind !== 'terminated') spans.push({ text: `${dot}${status.ready ? 'ready' : 'not ready'}` });
  return spans;
}

/** The whole section: a heading, then every container (init, sidecar, app, ephemeral) with a blank line between. */
export function containersSection(details: readonly ContainerDetail[], ctx: LineContext): PaneLine[] {
  const lines: PaneLine[] = [[{ text: 'Containers', bold: true }]];
  details.forEach((detail, i) => {
    if (i > 0) lines.push([]);
    lines.push(...containerLines(detail, ctx));
  });
  return lines;
}
