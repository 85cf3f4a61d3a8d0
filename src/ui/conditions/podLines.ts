// The pod section of the conditions pane: where and how the pod runs (phase,
// QoS, IPs, node, start), whether it is going away (deletion and its grace
// period), and every condition with why it is what it is and since when.
import type { Pod, PodCondition } from '../../model/types.js';
import { mutedColor, warningColor, type Theme } from '../theme.js';
import { wrapLine, type PaneLine, type Span } from '../spans.js';
import { timeText } from './timeText.js';

export interface PodLineContext {
  now: number;
  absoluteTimes: boolean;
  theme: Theme;
  /** Cells per line: messages wrap under their condition instead of being cut. */
  width: number;
}

function field(name: string, value: string, ctx: PodLineContext, valueColor?: string): Span[] {
  return [
    { text: `${name} `, color: mutedColor(ctx.theme) },
    { text: value, ...(valueColor ? { color: valueColor } : {}) },
  ];
}

function joined(groups: Span[][], ctx: PodLineContext): PaneLine {
  const dot: Span = { text: ` ${ctx.theme.middleDot} `, color: mutedColor(ctx.theme) };
  return groups.flatMap((group, i) => (i === 0 ? group : [dot, ...group]));
}

function phaseColor(pod: Pod, theme: Theme): string | undefined {
  if (!theme.color) return undefined;
  switch (pod.status.phase) {
    case 'Running':
      return 'green';
    case 'Pending':
    case 'Unknown':
      return 'yellow';
    case 'Failed':
      return 'red';
    default:
      return undefined;
  }
}

/**
 * "Terminating: grace period 30s, requested 10s ago". deletionTimestamp is
 * when the kubelet must be done (request + grace period). No countdown here:
 * the pane redraws when the pod changes, not every second; the why line
 * above the panes counts the grace period down.
 */
function deletionLine(pod: Pod, ctx: PodLineContext): PaneLine | undefined {
  const { deletionTimestamp, deletionGracePeriodSeconds } = pod.metadata;
  if (!deletionTimestamp) return undefined;
  const deadline = Date.parse(deletionTimestamp);
  const grace = deletionGracePeriodSeconds === undefined ? '' : `grace period ${deletionGracePeriodSeconds}s, `;
  let when: string;
  if (Number.isNaN(deadline)) when = `deadline ${deletionTimestamp}`;
  else if (ctx.absoluteTimes || deletionGracePeriodSeconds === undefined) when = `deadline ${timeText(deadline, ctx.now, true)}`;
  else when = `requested ${timeText(deadline - deletionGracePeriodSeconds * 1000, ctx.now, false)}`;
  return [{ text: 'Terminating', color: warningColor(ctx.theme), bold: true }, { text: `: ${grace}${when}` }];
}

function conditionColor(condition: PodCondition, theme: Theme): string | undefined {
  if (!theme.color) return undefined;
  if (condition.status === 'True') return condition.type === 'DisruptionTarget' ? 'red' : 'green';
  if (condition.status === 'Unknown') return 'yellow';
  return condition.type === 'DisruptionTarget' ? undefined : 'red';
}

function conditionLines(conditions: readonly PodCondition[], ctx: PodLineContext): PaneLine[] {
  const typeWidth = Math.max(...conditions.map((c) => c.type.length));
  const lines: PaneLine[] = [];
  for (const condition of conditions) {
    const times = [`changed ${timeText(condition.lastTransitionTime, ctx.now, ctx.absoluteTimes)}`];
    if (condition.lastProbeTime) times.push(`probed ${timeText(condition.lastProbeTime, ctx.now, ctx.absoluteTimes)}`);
    lines.push([
      { text: `  ${condition.type.padEnd(typeWidth)} ` },
      { text: condition.status.padEnd(7), color: conditionColor(condition, ctx.theme), bold: condition.status !== 'True' },
      ...(condition.reason ? [{ text: ` ${condition.reason}`, bold: true }] : []),
      { text: `  ${times.join(', ')}`, color: mutedColor(ctx.theme) },
    ]);
    if (condition.message) lines.push(...wrapLine([{ text: `    ${condition.message}` }], ctx.width, 4));
  }
  return lines;
}

function ips(list: { ip: string }[] | undefined, single: string | undefined): string {
  const all = list && list.length > 0 ? list.map((entry) => entry.ip) : single ? [single] : [];
  return all.length > 0 ? all.join(', ') : '<none>';
}

/** What state the pod is in: phase, QoS, start; why it failed (status.reason); whether it is going away. */
export function podHeadline(pod: Pod, ctx: PodLineContext): PaneLine[] {
  const { status } = pod;
  const lines: PaneLine[] = [
    joined(
      [
        field('Phase', status.phase ?? '<unknown>', ctx, phaseColor(pod, ctx.theme)),
        field('QoS', status.qosClass ?? '<none>', ctx),
        field('started', timeText(status.startTime, ctx.now, ctx.absoluteTimes), ctx),
      ],
      ctx,
    ),
  ];
  if (status.reason || status.message) {
    const reason: PaneLine = [
      { text: status.reason ?? 'Reason', color: warningColor(ctx.theme), bold: true },
      ...(status.message ? [{ text: `: ${status.message}` }] : []),
    ];
    lines.push(...wrapLine(reason, ctx.width, 2));
  }
  const deletion = deletionLine(pod, ctx);
  if (deletion) lines.push(deletion);
  return lines;
}

/** Where the pod runs: its IPs, the node and the node's IPs. */
export function podPlacement(pod: Pod, ctx: PodLineContext): PaneLine[] {
  const { status, spec } = pod;
  const lines: PaneLine[] = [
    joined(
      [
        field('Pod IP', ips(status.podIPs, status.podIP), ctx),
        field('node', spec.nodeName ?? '<none>', ctx),
        field('host IP', ips(status.hostIPs, status.hostIP), ctx),
      ],
      ctx,
    ),
  ];
  if (status.nominatedNodeName) lines.push(field('nominated node', status.nominatedNodeName, ctx));
  return lines;
}

/** Every condition with its reason, message and times; then the readiness gates. */
export function conditionsSection(pod: Pod, ctx: PodLineContext): PaneLine[] {
  const conditions = pod.status.conditions ?? [];
  const lines: PaneLine[] = [[{ text: 'Conditions', bold: true }]];
  if (conditions.length === 0) lines.push([{ text: '  <none>', color: mutedColor(ctx.theme) }]);
  else lines.push(...conditionLines(conditions, ctx));
  lines.push(...readinessGateLines(pod, ctx));
  return lines;
}

/**
 * Readiness gates (spec.readinessGates): conditions an outside controller
 * must set before the pod counts as Ready. A gate whose condition is missing
 * is as good as False, which is why Ready says ReadinessGatesNotReady.
 */
function readinessGateLines(pod: Pod, ctx: PodLineContext): PaneLine[] {
  const gates = pod.spec.readinessGates ?? [];
  if (gates.length === 0) return [];
  const lines: PaneLine[] = [[{ text: 'Readiness gates', bold: true }]];
  for (const gate of gates) {
    const condition = pod.status.conditions?.find((c) => c.type === gate.conditionType);
    const status = condition?.status ?? '<none>';
    lines.push([
      { text: `  ${gate.conditionType} ` },
      { text: status, color: condition ? conditionColor(condition, ctx.theme) : warningColor(ctx.theme), bold: status !== 'True' },
    ]);
  }
  return lines;
}
